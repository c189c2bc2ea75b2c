// Small pieces the import page's client components share with the server (no heavy imports).

/** 5 Mo: far above the whole directory's files (tens of kilobytes), far below a problem. */
export const MAX_IMPORT_BYTES = 5 * 1024 * 1024;
export const MAX_IMPORT_LABEL = '5 Mo';

/** "1 fiche", "3 fiches". */
export function plural(count: number, one: string, many: string): string {
  return `${count} ${count > 1 ? many : one}`;
}

// Small pieces the import page's client components share with the server (no heavy imports).

/** 5 Mo: far above the whole directory's files (tens of kilobytes), far below a problem. */
export const MAX_IMPORT_BYTES = 5 * 1024 * 1024;
export const MAX_IMPORT_LABEL = '5 Mo';

// Within 5 MB a file can still hold a header of 160,000 columns or hundreds of thousands of
// tiny rows: reading, checking and planning them (twice: preview, then again inside the
// transaction of « Appliquer ») would tie up the server. /donnees writes about 20 columns, and
// its largest file at 10,000 providers has 10,000 rows.
export const MAX_IMPORT_ROWS = 20_000;
export const MAX_IMPORT_COLUMNS = 200;
/** "20 000": French digit grouping (a narrow no-break space). */
export const groupDigits = (count: number): string => count.toLocaleString('fr-CA');

/** "1 fiche", "3 fiches". */
export function plural(count: number, one: string, many: string): string {
  return `${count} ${count > 1 ? many : one}`;
}

// A scenario's outcome: named checks, each passed or failed with the figures behind it.
export type Check = { name: string; ok: boolean; detail: string; skipped?: boolean };

export class Checks {
  readonly items: Check[] = [];

  constructor(readonly scenario: string) {}

  add(name: string, ok: boolean, detail = ''): boolean {
    this.items.push({ name, ok, detail });
    console.log(`  ${ok ? '✔' : '✘'} ${name}${detail ? ` — ${detail}` : ''}`);
    return ok;
  }

  skip(name: string, detail: string): void {
    this.items.push({ name, ok: true, detail, skipped: true });
    console.log(`  - ${name} (non vérifié) — ${detail}`);
  }
}

export function percentile(values: number[], p: number): number {
  if (values.length === 0) return 0;
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)] ?? 0;
}

/** Resident memory of a process in MB (Linux), or undefined. */
export async function rssMb(pid: number | undefined): Promise<number | undefined> {
  if (!pid) return undefined;
  try {
    const { readFile } = await import('node:fs/promises');
    const status = await readFile(`/proc/${pid}/status`, 'utf8');
    const match = /VmRSS:\s+(\d+) kB/.exec(status);
    return match ? Number(match[1]) / 1024 : undefined;
  } catch {
    return undefined;
  }
}

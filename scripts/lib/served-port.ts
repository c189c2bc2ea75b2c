// The port `npm start` serves the site on, written down while it runs, so that a command
// typed in another terminal (`npm run admin:create`) prints links to that site: with
// `PORT=3311 npm start`, http://localhost:3311/…, not 3000.
import { readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';

const FILE_NAME = 'served-port.json';

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/** Writes `{ pid, port }` into `dir`; returns what removes it (safe to call several times). */
export function recordServedPort(dir: string, port: number): () => void {
  const file = path.join(dir, FILE_NAME);
  writeFileSync(file, `${JSON.stringify({ pid: process.pid, port })}\n`);
  return () => rmSync(file, { force: true });
}

/** The port recorded in `dir` by a process still running, else undefined. */
export function readServedPort(dir: string): number | undefined {
  try {
    const { pid, port } = JSON.parse(readFileSync(path.join(dir, FILE_NAME), 'utf8')) as { pid?: unknown; port?: unknown };
    if (!Number.isInteger(pid) || !Number.isInteger(port) || !isAlive(pid as number)) return undefined;
    return port as number;
  } catch {
    return undefined;
  }
}

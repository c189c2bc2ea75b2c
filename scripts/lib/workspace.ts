// The throwaway folder of a script that starts its own services (an embedded PostgreSQL, a Next
// server, a mail catcher): npm test, the resilience suite, the benchmark, the copy report, the
// search evaluation, the mutation run and the worst-case measurements each make one.
// The folder is world-readable: run as root, the embedded PostgreSQL drops to a 'postgres' user
// that must reach its data folder. `cleanup` runs once, on a normal end as on Ctrl-C or SIGTERM
// (installShutdownHandlers): the steps pushed on `cleanups`, latest first, then the folder, then
// `alsoRemove` (files a script wrote in the repository: its tsconfig, its build folder).
import { chmodSync, mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { installShutdownHandlers } from './embedded-postgres';

export type Workspace = {
  dir: string;
  cleanups: Array<() => Promise<void>>;
  cleanup: () => Promise<void>;
};

export function throwawayWorkspace(name: string, alsoRemove: () => void = () => undefined): Workspace {
  const dir = mkdtempSync(path.join(os.tmpdir(), `repertoire-${name}-`));
  chmodSync(dir, 0o755);
  const cleanups: Array<() => Promise<void>> = [];
  let isCleaned = false;
  const cleanup = async (): Promise<void> => {
    if (isCleaned) return;
    isCleaned = true;
    for (const step of cleanups.reverse()) await step().catch(() => undefined);
    cleanups.length = 0;
    rmSync(dir, { recursive: true, force: true });
    alsoRemove();
  };
  installShutdownHandlers(cleanup);
  return { dir, cleanups, cleanup };
}

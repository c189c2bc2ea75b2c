// Builds the Next.js app when its sources changed, and runs the standalone server.
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { createHash } from 'node:crypto';
import { cpSync, existsSync, readFileSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import net from 'node:net';
import path from 'node:path';

export const repoRoot = path.resolve(import.meta.dirname, '..', '..');
// Same setting as next.config.ts: where `next build` writes. Read at call time, since
// scripts/test.ts sets it after its imports ran.
function buildPaths(): { distDir: string; standaloneDir: string; stampFile: string } {
  const distDir = path.join(repoRoot, process.env.NEXT_DIST_DIR || '.next');
  return { distDir, standaloneDir: path.join(distDir, 'standalone'), stampFile: path.join(distDir, 'source-hash') };
}

// Everything that ends up in the build. Generated Prisma code is covered by schema.prisma.
const SOURCE_ENTRIES = [
  'app',
  'components',
  'lib',
  'public',
  'prisma/schema.prisma',
  'next.config.ts',
  'proxy.ts',
  'instrumentation.ts',
  'postcss.config.mjs',
  'tsconfig.json',
  'package-lock.json',
];
const SKIPPED_DIRS = new Set(['generated', 'node_modules']);

function hashSources(): string {
  const hash = createHash('sha256');
  const visit = (relative: string): void => {
    const absolute = path.join(repoRoot, relative);
    if (!existsSync(absolute)) return;
    if (statSync(absolute).isDirectory()) {
      for (const name of readdirSync(absolute).sort()) {
        if (!SKIPPED_DIRS.has(name)) visit(path.join(relative, name));
      }
      return;
    }
    hash.update(relative).update('\0').update(readFileSync(absolute)).update('\0');
  };
  SOURCE_ENTRIES.forEach(visit);
  return hash.digest('hex');
}

/** Runs `next build` unless the last build was made from the same sources. */
export function ensureBuild(): void {
  const { distDir, standaloneDir, stampFile } = buildPaths();
  const sourceHash = hashSources();
  const serverFile = path.join(standaloneDir, 'server.js');
  if (existsSync(serverFile) && existsSync(stampFile) && readFileSync(stampFile, 'utf8') === sourceHash) return;

  console.log('Construction du site (next build)… cela peut prendre une minute.');
  const result = spawnSync(process.execPath, [path.join(repoRoot, 'node_modules', 'next', 'dist', 'bin', 'next'), 'build'], {
    cwd: repoRoot,
    stdio: 'inherit',
    env: { ...process.env, NEXT_TELEMETRY_DISABLED: '1' },
  });
  if (result.status !== 0) throw new Error('La construction du site a échoué (voir les messages ci-dessus).');

  // The standalone server expects its static assets and public files beside it.
  const staticTarget = path.join(standaloneDir, path.relative(repoRoot, distDir), 'static');
  rmSync(staticTarget, { recursive: true, force: true });
  cpSync(path.join(distDir, 'static'), staticTarget, { recursive: true });
  const publicDir = path.join(repoRoot, 'public');
  if (existsSync(publicDir)) cpSync(publicDir, path.join(standaloneDir, 'public'), { recursive: true });
  writeFileSync(stampFile, sourceHash);
}

export async function assertPortIsFree(port: number, host = '0.0.0.0'): Promise<void> {
  await new Promise<void>((resolve, reject) => {
    const server = net.createServer();
    server.once('error', (error: NodeJS.ErrnoException) => {
      reject(
        new Error(
          error.code === 'EADDRINUSE'
            ? `Le port ${port} est déjà utilisé. Arrêtez l'autre programme ou choisissez un autre port, par exemple : PORT=3001 npm start`
            : `Impossible d'utiliser le port ${port} : ${error.message}`,
        ),
      );
    });
    server.listen(port, host, () => server.close(() => resolve()));
  });
}

export type RunningServer = {
  url: string;
  process: ChildProcess;
  /** True once stop() was called (or a Ctrl-C reached the server): its exit is expected. */
  isStopping(): boolean;
  stop(): Promise<void>;
};

/** Starts the standalone server and resolves once it answers HTTP requests. */
export async function startServer(options: {
  port: number;
  host?: string;
  env: NodeJS.ProcessEnv;
  quiet?: boolean;
}): Promise<RunningServer> {
  const host = options.host ?? '0.0.0.0';
  const { standaloneDir } = buildPaths();
  await assertPortIsFree(options.port, host);
  const child = spawn(process.execPath, [path.join(standaloneDir, 'server.js')], {
    cwd: standaloneDir,
    env: { ...options.env, PORT: String(options.port), HOSTNAME: host, NEXT_TELEMETRY_DISABLED: '1', NODE_ENV: 'production' },
    stdio: options.quiet ? ['ignore', 'ignore', 'inherit'] : 'inherit',
  });
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  const url = `http://127.0.0.1:${options.port}`;

  const deadline = Date.now() + 60_000;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`Le serveur s'est arrêté au démarrage (code ${child.exitCode}).`);
    try {
      await fetch(url, { signal: AbortSignal.timeout(2_000) });
      break;
    } catch {
      if (Date.now() > deadline) {
        child.kill('SIGKILL');
        throw new Error("Le serveur n'a pas répondu dans la minute qui a suivi son démarrage.");
      }
      await new Promise((resolve) => setTimeout(resolve, 250));
    }
  }

  let stopping: Promise<void> | undefined;
  // Ctrl-C in a terminal reaches the whole process group, the server included.
  let gotSignal = false;
  const onSignal = (): void => {
    gotSignal = true;
  };
  process.once('SIGINT', onSignal);
  process.once('SIGTERM', onSignal);
  const stop = (): Promise<void> => {
    stopping ??= (async () => {
      if (child.exitCode !== null || child.signalCode !== null) return;
      child.kill('SIGTERM');
      const timer = setTimeout(() => child.kill('SIGKILL'), 10_000);
      await exited;
      clearTimeout(timer);
    })();
    return stopping;
  };
  return { url, process: child, isStopping: () => gotSignal || stopping !== undefined, stop };
}

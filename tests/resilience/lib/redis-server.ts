// A throwaway redis-server (Debian's package) for the two-instance test: its own port and
// folder, nothing saved to disk.
import { spawn, spawnSync } from 'node:child_process';
import net from 'node:net';
import { hasAptGet, installCommand, installDebianPackage, isRoot } from '../../../scripts/lib/debian-packages';

export type RedisServer = { url: string; stop(): Promise<void> };

export function findRedisServer(): string | undefined {
  const result = spawnSync('sh', ['-c', 'command -v redis-server'], { encoding: 'utf8' });
  const found = result.stdout.trim();
  return result.status === 0 && found ? found : undefined;
}

/** redis-server from PATH; installs Debian's package when missing and allowed (root + apt-get). */
export function ensureRedisServer(): string {
  const existing = findRedisServer();
  if (existing) return existing;
  if (isRoot() && hasAptGet()) {
    console.log('redis-server est absent : installation du paquet Debian redis-server…');
    installDebianPackage('redis-server');
    const installed = findRedisServer();
    if (installed) return installed;
  }
  throw new Error(`redis-server est introuvable. Installez-le : ${installCommand('redis-server')}`);
}

async function answersPing(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = net.connect({ port, host: '127.0.0.1' });
    const done = (ok: boolean): void => {
      socket.destroy();
      resolve(ok);
    };
    socket.setTimeout(500, () => done(false));
    socket.once('error', () => done(false));
    socket.once('connect', () => socket.write('PING\r\n'));
    socket.once('data', (data) => done(data.toString().startsWith('+PONG')));
  });
}

export async function startRedisServer(options: { port: number; dir: string }): Promise<RedisServer> {
  const binary = ensureRedisServer();
  const child = spawn(
    binary,
    ['--port', String(options.port), '--bind', '127.0.0.1', '--dir', options.dir, '--save', '', '--appendonly', 'no', '--daemonize', 'no'],
    { stdio: ['ignore', 'ignore', 'inherit'] },
  );
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  const deadline = Date.now() + 10_000;
  while (!(await answersPing(options.port))) {
    if (child.exitCode !== null) throw new Error(`redis-server s'est arrêté au démarrage (code ${child.exitCode}).`);
    if (Date.now() > deadline) {
      child.kill('SIGKILL');
      throw new Error("redis-server n'a pas répondu dans les 10 secondes.");
    }
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  let stopping: Promise<void> | undefined;
  return {
    url: `redis://127.0.0.1:${options.port}`,
    stop: () => {
      stopping ??= (async () => {
        if (child.exitCode !== null || child.signalCode !== null) return;
        child.kill('SIGTERM');
        await exited;
      })();
      return stopping;
    },
  };
}

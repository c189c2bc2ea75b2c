// Installing a Debian package the tests need (Chromium for npm test, redis-server for the
// resilience tests), when this machine lets us: run as root, with apt-get. Otherwise the
// callers print the one command that installs it.
import { spawnSync } from 'node:child_process';

export function isRoot(): boolean {
  return process.getuid?.() === 0;
}

export function hasAptGet(): boolean {
  return spawnSync('sh', ['-c', 'command -v apt-get'], { stdio: 'ignore' }).status === 0;
}

/** The command that installs `name`, for a person to run. */
export function installCommand(name: string, asRoot = isRoot()): string {
  return `${asRoot ? '' : 'sudo '}apt-get install -y ${name}`;
}

/** apt-get update, then apt-get install -y `name` (root only); true when the install succeeded. */
export function installDebianPackage(name: string): boolean {
  const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
  spawnSync('apt-get', ['update', '-qq'], { stdio: 'inherit', env });
  return spawnSync('apt-get', ['install', '-y', '-qq', name], { stdio: 'inherit', env }).status === 0;
}

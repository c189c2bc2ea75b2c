// Generates the Prisma client offline.
// The Prisma CLI wants its schema-engine binary before `generate`, and downloads it when
// missing, which fails without network. `generate` never runs that binary, so when no
// engine is installed we point PRISMA_SCHEMA_ENGINE_BINARY at any existing executable.
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync } from 'node:fs';
import path from 'node:path';

const root = path.resolve(import.meta.dirname, '..');

function hasInstalledEngine(): boolean {
  if (process.env.PRISMA_SCHEMA_ENGINE_BINARY) return true;
  const enginesDir = path.join(root, 'node_modules', '@prisma', 'engines');
  if (!existsSync(enginesDir)) return false;
  return readdirSync(enginesDir).some((name) => name.startsWith('schema-engine'));
}

const env: NodeJS.ProcessEnv = { ...process.env, PRISMA_HIDE_UPDATE_MESSAGE: '1', CHECKPOINT_DISABLE: '1' };
if (!hasInstalledEngine()) env.PRISMA_SCHEMA_ENGINE_BINARY = process.execPath;

const result = spawnSync(
  process.execPath,
  [path.join(root, 'node_modules', 'prisma', 'build', 'index.js'), 'generate'],
  { cwd: root, env, stdio: 'inherit' },
);
process.exit(result.status ?? 1);

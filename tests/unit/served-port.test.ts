// scripts/lib/served-port.ts: the port npm start serves on, read by admin:create in another
// terminal, only while the process that wrote it is alive.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { readServedPort, recordServedPort } from '@/scripts/lib/served-port';

let dir: string | undefined;
afterEach(() => {
  if (dir) rmSync(dir, { recursive: true, force: true });
  dir = undefined;
});

describe('served port', () => {
  it('is read back while its process runs, and forgotten after', () => {
    dir = mkdtempSync(path.join(os.tmpdir(), 'served-port-'));
    expect(readServedPort(dir)).toBeUndefined();
    const forget = recordServedPort(dir, 3311);
    expect(readServedPort(dir)).toBe(3311);
    forget();
    expect(readServedPort(dir)).toBeUndefined();
  });

  it('ignores the record of a process that is gone, and an unreadable one', () => {
    dir = mkdtempSync(path.join(os.tmpdir(), 'served-port-'));
    writeFileSync(path.join(dir, 'served-port.json'), JSON.stringify({ pid: 2 ** 22 + 12345, port: 3311 }));
    expect(readServedPort(dir)).toBeUndefined();
    writeFileSync(path.join(dir, 'served-port.json'), '{ pas du json');
    expect(readServedPort(dir)).toBeUndefined();
  });
});

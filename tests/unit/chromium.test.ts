// scripts/lib/chromium.ts: on a fresh machine npm test installs Debian's Chromium itself when
// it may (root with apt-get), saying so; otherwise it stops with the one command to run.
// The machine is simulated: these tests never install anything.
import { describe, expect, it } from 'vitest';
import { DEFAULT_CHROMIUM_PATH, ensureChromium, type ChromiumSystem } from '@/scripts/lib/chromium';

function machine(options: { installed?: string[]; isRoot?: boolean; hasAptGet?: boolean; installWorks?: boolean }) {
  const files = new Set(options.installed ?? []);
  const installs: string[] = [];
  const logs: string[] = [];
  const system: ChromiumSystem = {
    exists: (path) => files.has(path),
    isRoot: () => options.isRoot ?? true,
    hasAptGet: () => options.hasAptGet ?? true,
    install: (name) => {
      installs.push(name);
      if (options.installWorks ?? true) files.add(DEFAULT_CHROMIUM_PATH);
      return options.installWorks ?? true;
    },
    log: (message) => logs.push(message),
  };
  return { system, installs, logs };
}

describe('Chromium for npm test', () => {
  it('uses the one already there, installing nothing', () => {
    const { system, installs } = machine({ installed: [DEFAULT_CHROMIUM_PATH] });
    expect(ensureChromium(undefined, system)).toBe(DEFAULT_CHROMIUM_PATH);
    expect(installs).toEqual([]);
  });

  it('installs Debian’s package when missing, as root with apt-get, and says so', () => {
    const { system, installs, logs } = machine({});
    expect(ensureChromium(undefined, system)).toBe(DEFAULT_CHROMIUM_PATH);
    expect(installs).toEqual(['chromium']);
    expect(logs[0]).toBe('Chromium est absent : installation du paquet Debian chromium (apt-get install -y chromium)…');
  });

  it('gives the one command to run when it may not install (not root)', () => {
    const { system, installs } = machine({ isRoot: false });
    expect(() => ensureChromium(undefined, system)).toThrow(
      'Chromium est introuvable à /usr/bin/chromium. Installez-le, puis relancez npm test : sudo apt-get install -y chromium',
    );
    expect(installs).toEqual([]);
  });

  it('says how to point at another browser where there is no apt-get', () => {
    const { system, installs } = machine({ hasAptGet: false });
    expect(() => ensureChromium(undefined, system)).toThrow(/CHROMIUM_PATH=\/chemin\/vers\/chromium npm test/);
    expect(installs).toEqual([]);
  });

  it('reports a failed install with the command to try again', () => {
    const { system } = machine({ installWorks: false });
    expect(() => ensureChromium(undefined, system)).toThrow(/L’installation de Chromium a échoué.*apt-get install -y chromium$/);
  });

  it('never installs over a CHROMIUM_PATH of the user’s: it names that path', () => {
    const { system, installs } = machine({ installed: ['/opt/chrome/chrome'] });
    expect(ensureChromium('/opt/chrome/chrome', system)).toBe('/opt/chrome/chrome');
    expect(() => ensureChromium('/opt/absent/chrome', system)).toThrow(/introuvable à \/opt\/absent\/chrome \(CHROMIUM_PATH\)/);
    expect(installs).toEqual([]);
  });
});

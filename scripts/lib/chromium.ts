// The browser of the Playwright tests: Debian's Chromium (or CHROMIUM_PATH). On a fresh
// machine `npm test` installs it itself when it can (root with apt-get, as .ci/run does),
// saying so; otherwise it stops with the one command to run.
import { existsSync } from 'node:fs';
import { hasAptGet, installCommand, installDebianPackage, isRoot } from './debian-packages';

export const DEFAULT_CHROMIUM_PATH = '/usr/bin/chromium';

export type ChromiumSystem = {
  exists(path: string): boolean;
  isRoot(): boolean;
  hasAptGet(): boolean;
  install(name: string): boolean;
  log(message: string): void;
};

const realSystem: ChromiumSystem = {
  exists: existsSync,
  isRoot,
  hasAptGet,
  install: installDebianPackage,
  log: (message) => console.log(message),
};

/**
 * Returns the path of a Chromium that exists, installing Debian's package first when it is
 * missing and may be installed; throws an Error whose French message says what to do.
 * `configuredPath`: CHROMIUM_PATH, when set (then nothing is installed: it names a browser of the user's).
 */
export function ensureChromium(configuredPath: string | undefined, system: ChromiumSystem = realSystem): string {
  const chromiumPath = configuredPath?.trim() || DEFAULT_CHROMIUM_PATH;
  if (system.exists(chromiumPath)) return chromiumPath;
  if (configuredPath?.trim()) {
    throw new Error(`Chromium est introuvable à ${chromiumPath} (CHROMIUM_PATH). Corrigez ce chemin, ou retirez CHROMIUM_PATH pour utiliser ${DEFAULT_CHROMIUM_PATH}.`);
  }
  const asRoot = system.isRoot();
  if (asRoot && system.hasAptGet()) {
    system.log(`Chromium est absent : installation du paquet Debian chromium (apt-get install -y chromium)…`);
    if (system.install('chromium') && system.exists(chromiumPath)) {
      system.log(`Chromium installé : ${chromiumPath}.`);
      return chromiumPath;
    }
    throw new Error(`L’installation de Chromium a échoué (voir les messages d’apt-get ci-dessus). Réessayez : ${installCommand('chromium', asRoot)}`);
  }
  if (system.hasAptGet()) {
    throw new Error(`Chromium est introuvable à ${chromiumPath}. Installez-le, puis relancez npm test : ${installCommand('chromium', asRoot)}`);
  }
  throw new Error(
    `Chromium est introuvable à ${chromiumPath}. Installez Chromium avec le gestionnaire de paquets de votre système, ` +
      `puis relancez : CHROMIUM_PATH=/chemin/vers/chromium npm test`,
  );
}

import { defineConfig, devices } from '@playwright/test';

// Started by scripts/test.ts, which serves the production build against a seeded
// throwaway database and passes its address in BASE_URL. The browser is the system
// Chromium: nothing is downloaded.
const desktop = { ...devices['Desktop Chrome'], channel: undefined };
const mobile = { ...devices['Pixel 7'], channel: undefined };
// verification-journey edits Insertech (its website, its verification): a writer too.
const WRITERS = /(admin-(editing|import|journey)|verification-journey)\.spec\.ts$/;

const isRoot = typeof process.getuid === 'function' && process.getuid() === 0;

export default defineConfig({
  testDir: './e2e',
  outputDir: '../test-results',
  fullyParallel: true,
  workers: 2,
  retries: 0,
  timeout: 30_000,
  use: {
    baseURL: process.env.BASE_URL ?? 'http://127.0.0.1:3000',
    locale: 'fr-CA',
    launchOptions: {
      executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
      args: [
        ...(isRoot ? ['--no-sandbox'] : []),
        '--disable-gpu',
        '--disable-quic',
        '--no-first-run',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
      ],
    },
  },
  // Specs that change public entries (edit, publish, import) run after every spec that reads or
  // counts the seeded entries, so that a reader never lands in a writer's short window.
  projects: [
    { name: 'desktop', use: { ...desktop }, grepInvert: /@mobile/, testIgnore: WRITERS },
    { name: 'mobile', use: { ...mobile }, grep: /@mobile/, testIgnore: WRITERS },
    { name: 'writers-desktop', use: { ...desktop }, grepInvert: /@mobile/, testMatch: WRITERS, dependencies: ['desktop', 'mobile'] },
    { name: 'writers-mobile', use: { ...mobile }, grep: /@mobile/, testMatch: WRITERS, dependencies: ['desktop', 'mobile'] },
  ],
});

// The release layer (`npm run test:release`): packages the app with electron-builder around a
// stand-in Electron and checks the installer's contents and icons. Slower than the unit tests and
// about packaging, not behaviour, so `npm run test:unit` leaves it out; `.ci/run` runs it after
// `npm test`, and the GitHub Actions workflow on Linux before building the installers.
import { resolve } from 'node:path';
import { defineConfig } from 'vitest/config';

export default defineConfig({
  root: resolve(import.meta.dirname, '../..'),
  test: {
    include: ['tests/release/**/*.test.ts'],
    environment: 'node',
    testTimeout: 30_000,
    hookTimeout: 420_000,
    pool: 'forks',
  },
});

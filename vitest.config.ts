import { defineConfig } from 'vitest/config';
import { svelte } from '@sveltejs/vite-plugin-svelte';

export default defineConfig({
  test: {
    testTimeout: 30_000,
    hookTimeout: 30_000,
    pool: 'forks',
    projects: [
      {
        extends: true,
        test: { name: 'node', include: ['tests/unit/**/*.test.ts'], exclude: ['tests/unit/renderer/**'], environment: 'node' },
      },
      {
        // Renderer state (Svelte 5 runes in *.svelte.ts): compiled by the Svelte plugin, run on
        // Svelte's client runtime (the browser build), without a DOM.
        extends: true,
        // Vitest transforms for Node (SSR): compile and resolve for the client instead.
        plugins: [svelte({ dynamicCompileOptions: () => ({ generate: 'client' }) })],
        resolve: { conditions: ['browser'] },
        ssr: { resolve: { conditions: ['browser'] } },
        test: {
          name: 'renderer',
          include: ['tests/unit/renderer/**/*.test.ts'],
          environment: 'node',
          // Resolved by Vite (with the browser condition), not by Node, which would pick the server build.
          server: { deps: { inline: ['svelte'] } },
        },
      },
    ],
  },
});

// electron-vite builds the three parts into out/: main (Node, ESM), preload (sandboxed, so CommonJS)
// and the renderer (Svelte). Inputs are explicit because the sources live at the top level.
import { resolve } from 'node:path';
import { defineConfig } from 'electron-vite';
import { svelte } from '@sveltejs/vite-plugin-svelte';
import type { Plugin } from 'vite';
import { APP_CSP } from './main/shell/policy';

const root = import.meta.dirname;

/** The built page's CSP meta is the protocol's header policy (the dev server keeps its HMR socket). */
function productionCspMeta(): Plugin {
  const meta = APP_CSP.split('; ')
    .filter((d) => !d.startsWith('frame-ancestors'))
    .join('; '); // ignored in <meta>
  return {
    name: 'claimdesk-csp-meta',
    apply: 'build',
    transformIndexHtml: (html) => html.replace(/(http-equiv="Content-Security-Policy"\s+content=")[^"]*"/, `$1${meta}"`),
  };
}

export default defineConfig({
  main: {
    build: {
      outDir: 'out/main',
      rollupOptions: {
        input: {
          index: resolve(root, 'main/index.ts'),
          cli: resolve(root, 'main/cli/index.ts'),
          importWorker: resolve(root, 'main/importers/worker.ts'),
          // The services' own process (Electron utilityProcess): main/host/, see main/shell/services-process.ts.
          servicesHost: resolve(root, 'main/host/entry.ts'),
        },
        // Only the CLI's PDF export loads it, from the developer's install; never bundled.
        external: ['playwright-core'],
      },
    },
  },
  preload: {
    build: {
      outDir: 'out/preload',
      rollupOptions: {
        input: { index: resolve(root, 'preload/index.ts') },
        output: { format: 'cjs', entryFileNames: '[name].cjs' },
      },
    },
  },
  renderer: {
    root: resolve(root, 'renderer'),
    plugins: [svelte(), productionCspMeta()],
    build: {
      outDir: resolve(root, 'out/renderer'),
      rollupOptions: { input: { index: resolve(root, 'renderer/index.html') } },
    },
  },
});

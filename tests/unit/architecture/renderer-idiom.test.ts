// The renderer's one way to load data (#18 item 2) is kept by lint (eslint.config.js): an effect
// made to rerun by a fake dependency (`void x;`) and a swallowed failure (`.catch(() => {})`) are
// errors in renderer files, while the ordinary uses of `void` (a promise let go) are not.
import { resolve } from 'node:path';
import { ESLint } from 'eslint';
import { beforeAll, describe, expect, it } from 'vitest';

const ROOT = resolve(import.meta.dirname, '../../..');

let eslint: ESLint;
beforeAll(() => {
  eslint = new ESLint({ cwd: ROOT, ruleFilter: ({ ruleId }) => ruleId === 'no-restricted-syntax' });
});

async function problems(path: string, code: string): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath: resolve(ROOT, path) });
  return result.messages.map((m) => m.message);
}

const effect = (body: string) =>
  `<script lang="ts">\n  import { ui } from '../lib/ui.svelte';\n  let n = $state(0);\n  $effect(() => {\n${body}\n  });\n</script>\n<p>{n}</p>\n`;

describe('lint keeps the renderer to one loading idiom', () => {
  it('reports a fake dependency in a component', async () => {
    expect(await problems('renderer/components/Probe.svelte', effect('    void ui.toasts;\n    n += 1;'))).toEqual([
      expect.stringMatching(/fake dependency/),
    ]);
  });

  it('reports a fake dependency on a plain variable in a renderer module', async () => {
    const code = `let height = 0;\nexport function redraw(): void {\n  void height;\n}\n`;
    expect(await problems('renderer/lib/probe.ts', code)).toEqual([expect.stringMatching(/fake dependency/)]);
  });

  it('reports a failure swallowed by an empty catch', async () => {
    const code = `export function load(f: () => Promise<void>): void {\n  f().catch(() => {});\n}\n`;
    expect(await problems('renderer/lib/probe.ts', code)).toEqual([expect.stringMatching(/swallowed failure/)]);
  });

  it('allows letting a promise go and handling a failure', async () => {
    const code = effect(
      "    void Promise.resolve().then(() => (n += 1));\n    Promise.reject(new Error('x')).catch((e) => console.error(e));",
    );
    expect(await problems('renderer/components/Probe.svelte', code)).toEqual([]);
  });

  it('leaves the main process alone (the rule is the renderer’s)', async () => {
    expect(await problems('main/util/probe.ts', `let x = 0;\nexport function f(): void {\n  void x;\n  x += 1;\n}\n`)).toEqual([]);
  });

  it('finds neither in the real renderer', async () => {
    const results = await eslint.lintFiles(['renderer/**/*.ts', 'renderer/**/*.svelte']);
    const found = results.flatMap((r) => r.messages.map((m) => `${r.filePath.slice(ROOT.length + 1)}:${m.line} ${m.message}`));
    expect(results.length).toBeGreaterThan(50);
    expect(found).toEqual([]);
  });
});

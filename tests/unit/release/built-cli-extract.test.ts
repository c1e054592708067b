// The built command line (out/main/cli.js, what `claimdesk extract` runs after `npm run build`) reads a
// page's metadata with the bundled dependencies: the human-names lists are loaded from node_modules at
// run time, which the source-level tests (run by tsx) cannot show.
import { execFile } from 'node:child_process';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ROOT, ensureBuilt } from './built';

const run = promisify(execFile);
let dir: string;

beforeAll(async () => {
  await ensureBuilt();
  dir = await mkdtemp(join(tmpdir(), 'claimdesk-built-cli-'));
}, 300_000);
afterAll(async () => {
  if (dir) await rm(dir, { recursive: true, force: true });
});

describe('claimdesk extract, as built', () => {
  it('reads the person in a German "date - name" line under the headline', async () => {
    const page = join(dir, 'variablen.html');
    const body = 'Variablen sind wie Kisten, in denen ein Programm sich Werte merkt, bis es sie wieder braucht. '.repeat(6);
    await writeFile(
      page,
      `<!doctype html><html lang="de"><head><title>Variablen</title></head><body><h1>Variablen und ihr Zuhause</h1><p class="text-muted">11.12.2019 - Amelie Loevenich</p><article><p>${body}</p></article></body></html>`,
    );
    const { stdout } = await run(process.execPath, [join(ROOT, 'out/main/cli.js'), 'extract', page, '--json'], {
      cwd: ROOT,
      timeout: 60_000,
    });
    const out = JSON.parse(stdout) as { article?: { author: string | null; published: string | null } };
    const article = out.article ?? (out as never);
    expect(article.author).toBe('Amelie Loevenich');
    expect(String(article.published)).toMatch(/^2019-12-1[01]/);
  });
});

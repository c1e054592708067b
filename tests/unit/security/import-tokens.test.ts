// import.files takes only tokens main handed out for dropped files (issue #13, item 11): a
// compromised page that asks for a path of its choosing gets FORBIDDEN and nothing is read.
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createServices, type Services } from '../../../main/services';

let dir: string;
let services: Services;
let article: string;
const progress: unknown[] = [];

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'claimdesk-tokens-'));
  article = join(dir, 'story.txt');
  await writeFile(article, 'Seoul says 10,000 North Korean troops were sent to Russia.\n\nThe Pentagon confirmed it on Monday.');
  services = await createServices({
    archiveDir: join(dir, 'archive'),
    actor: 'tester',
    emit: (e, p) => void (e === 'import.progress' && progress.push(p)),
  });
});
afterAll(async () => {
  await services.close();
  await rm(dir, { recursive: true, force: true });
});

describe('import.files', () => {
  it('refuses a path it did not hand out, and reads nothing', async () => {
    for (const paths of [[article], ['/etc/passwd'], [`file-${'0'.repeat(8)}-0000-4000-8000-${'0'.repeat(12)}`]]) {
      const res = await services.dispatch('import.files', [paths]);
      expect(res).toMatchObject({
        ok: false,
        error: { code: 'FORBIDDEN', message: expect.stringMatching(/not handed to Claimdesk by a drop or a file dialog/) },
      });
    }
    expect(progress).toEqual([]);
    expect(services.archive.info().counts.articles).toBe(0);
  });

  it('imports the files behind granted tokens, each token once', async () => {
    const tokens = services.pathGrants.grant([article]);
    expect(tokens[0]).not.toContain(article);
    const res = await services.dispatch('import.files', [tokens]);
    expect(res).toMatchObject({ ok: true, value: { imported: 1 } });
    expect(await services.dispatch('import.files', [tokens])).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
  });

  it('refuses the whole request when one token of several is unknown', async () => {
    const [token] = services.pathGrants.grant([article]);
    expect(await services.dispatch('import.files', [[token, '/etc/passwd']])).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    expect(services.pathGrants.redeem([token])).toEqual([article]); // not used up by the refused call
  });
});

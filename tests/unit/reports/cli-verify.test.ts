// A researcher makes a verifiable PDF report of the sample article with the built command line
// (out/main/cli.js, as `claimdesk` runs), lists what the PDF carries with poppler's pdfdetach, and
// checks it with `claimdesk verify`, before and after changing a verdict in the archive.
// Needs Chromium (as pdf.test.ts; CLAIMDESK_SKIP_BROWSER=1 skips) and, in CI, poppler-utils
// (.ci/run installs it); elsewhere without pdfdetach the attachments are listed with pdf-lib.
import { execFile, execFileSync } from 'node:child_process';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readPdfAttachments } from '../../../main/reports/verify';
import { ensureBuilt, ROOT } from '../release/built';

const run = promisify(execFile);
const SAMPLE = resolve(ROOT, 'resources/samples/nk-troops-russia-2024-10-25.txt');
const skip = process.env.CLAIMDESK_SKIP_BROWSER === '1';
if (skip) console.warn('[reports/cli-verify.test] skipped: CLAIMDESK_SKIP_BROWSER=1 (printing a PDF needs Chromium)');

async function claimdesk(...args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  try {
    const { stdout, stderr } = await run(process.execPath, [join(ROOT, 'out/main/cli.js'), ...args], { cwd: ROOT, timeout: 180_000 });
    return { code: 0, stdout, stderr };
  } catch (err) {
    const e = err as { code?: number; stdout?: string; stderr?: string };
    if (typeof e.code !== 'number') throw err;
    return { code: e.code, stdout: e.stdout ?? '', stderr: e.stderr ?? '' };
  }
}

function pdfdetach(): string | null {
  try {
    return execFileSync('sh', ['-c', 'command -v pdfdetach'], { encoding: 'utf8' }).trim() || null;
  } catch {
    return null;
  }
}

let dir: string;
let archive: string;
let report: string;
let claimId: number;

beforeAll(async () => {
  if (skip) return;
  await ensureBuilt();
  dir = await mkdtemp(join(tmpdir(), 'claimdesk-cli-verify-'));
  archive = join(dir, 'archive');
  report = join(dir, 'troops.pdf');
  expect((await claimdesk('import', '--archive', archive, SAMPLE, '--accept-above', '0.5', '--json')).code).toBe(0);
  const claims = JSON.parse((await claimdesk('claims', '--archive', archive, '--json')).stdout).claims as {
    id: number;
    statement: string;
  }[];
  claimId = claims.find((c) => c.statement.includes('in line with international law'))!.id;
  expect(
    (
      await claimdesk(
        'verdict',
        '--archive',
        archive,
        String(claimId),
        'misleading',
        '--note',
        'The UN Security Council resolutions forbid it.',
      )
    ).code,
  ).toBe(0);
  const exported = await claimdesk(
    'export',
    '--archive',
    archive,
    '--format',
    'pdf',
    '--verifiable',
    '--title',
    'Troops to Russia',
    '--author',
    'Alice',
    '--out',
    report,
  );
  expect(exported.stderr).toContain('Wrote');
  expect(exported.code).toBe(0);
}, 300_000);
afterAll(async () => {
  if (dir) await rm(dir, { recursive: true, force: true });
});

describe.skipIf(skip)('claimdesk verify, on a report the command line made', () => {
  it('the PDF lists its four attached files', async () => {
    const expected = ['claimreview.jsonld', 'manifest.json', 'sources.json', 'verdict-history.json'];
    const tool = pdfdetach();
    if (tool) {
      const { stdout } = await run(tool, ['-list', report]);
      expect(stdout).toContain('4 embedded files');
      for (const name of expected) expect(stdout).toContain(name);
    } else {
      if (process.env.CI) throw new Error('pdfdetach (poppler-utils) is missing: .ci/run installs it');
      console.warn('[reports/cli-verify.test] pdfdetach not installed: listing the attachments with pdf-lib instead');
      const { files } = await readPdfAttachments(new Uint8Array(await readFile(report)));
      expect(files.map((f) => f.name).sort()).toEqual(expected);
    }
  });

  it('says everything matches, on its own and against the archive', async () => {
    const alone = await claimdesk('verify', report);
    expect(alone.code).toBe(0);
    expect(alone.stdout).toContain('“Troops to Russia”');
    expect(alone.stdout).toContain('✓ match   sources.json');
    expect(alone.stdout).toContain('add --archive DIR to compare');
    expect(alone.stdout).toMatch(/Everything matches \(4 checks\)\./);

    const full = await claimdesk('verify', report, '--archive', archive, '--json');
    expect(full.code).toBe(0);
    const result = JSON.parse(full.stdout);
    expect(result.ok).toBe(true);
    expect(result.info).toMatchObject({ title: 'Troops to Russia', author: 'Alice' });
    expect(result.checks.find((c: { kind: string }) => c.kind === 'source-original')).toMatchObject({
      status: 'match',
      detail: expect.stringContaining('nk-troops-russia-2024-10-25.txt re-hashed'),
    });
  });

  it('says which verdict changed after the report, and exits non-zero', async () => {
    expect((await claimdesk('verdict', '--archive', archive, String(claimId), 'false', '--note', 'Satellite images.')).code).toBe(0);
    const r = await claimdesk('verify', report, '--archive', archive);
    expect(r.code).toBe(1);
    expect(r.stdout).toContain(`✗ differs claim ${claimId}: the verdict is now False; the report says Misleading`);
    expect(r.stdout).toMatch(/Does not match: 2 differ, 0 missing/);
  });

  it('gives a clear error for a file that is not a report PDF', async () => {
    const notes = join(dir, 'notes.pdf');
    await writeFile(notes, 'just some notes');
    const r = await claimdesk('verify', notes);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('is not a PDF (it does not start with %PDF-).');
  });
});

// The CLI on an archive that opens read-only: it says so on stderr on every command, and never
// passes off the empty stand-in for a damaged archive as "no claims" (issue #13, item 8).
import { existsSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createServices } from '../../../main/services';
import { scanSegment } from '../../../main/archive/engine/journal-format';
import { crashImage, journalFiles, tempDir } from '../archive/helpers';
import { cli } from './cli-run';

/** An archive with three claims, closed (one snapshot) or left as a crash image (journal only). */
async function archiveWithClaims(opts: { crash: boolean }): Promise<string> {
  const dir = tempDir('claimdesk-cli-damaged-');
  const s = await createServices({ archiveDir: dir, actor: 'tester' });
  for (const statement of ['one', 'two', 'three']) await s.archive.claims.insert({ statement, claimant: 'Seoul' } as never);
  if (!opts.crash) {
    await s.close();
    return dir;
  }
  const image = crashImage(dir);
  await s.close();
  return image;
}

function wreckSnapshot(dir: string): void {
  const file = join(dir, 'archive.db');
  const bytes = readFileSync(file);
  bytes.fill(0xff, 4096, 8192); // the second page
  writeFileSync(file, bytes);
}

/** Flips one bit inside the second journal record: the first stays readable, later ones do not. */
function damageJournal(dir: string): void {
  const records = journalFiles(dir).flatMap((file) => scanSegment(readFileSync(file)).records.map((r) => ({ ...r, file })));
  const victim = records[1];
  const bytes = readFileSync(victim.file);
  bytes[victim.offset + 30] ^= 0x04;
  writeFileSync(victim.file, bytes);
}

describe('claimdesk on a damaged archive', () => {
  it('fails reads non-zero, with the reason on stderr, when the archive file is damaged', async () => {
    const dir = await archiveWithClaims({ crash: false });
    const out = join(tempDir('claimdesk-cli-out-'), 'export.csv');
    expect((await cli(['export', '--archive', dir, '--format', 'csv', '--out', out])).code).toBe(0);
    const full = readFileSync(out, 'utf8');
    wreckSnapshot(dir);

    const claims = await cli(['claims', '--archive', dir, '--json']);
    expect(claims.code).not.toBe(0);
    expect(claims.stdout).toBe('');
    expect(claims.stderr).toMatch(/Archive is read-only: The archive file is damaged/);
    expect(claims.stderr).toMatch(/the archive’s contents could not be loaded, so nothing can be read from it/);

    // The damaged file was set aside on that first open; every later command still says why.
    for (const args of [['search', 'one'], ['similar', '--text', 'one'], ['claims']]) {
      const r = await cli([...args, '--archive', dir, '--json']);
      expect(r.code, args[0]).not.toBe(0);
      expect(r.stdout).toBe('');
      expect(r.stderr).toMatch(/Archive is read-only: The archive file is missing; archive\.db\.damaged-/);
    }

    const exported = await cli(['export', '--archive', dir, '--format', 'csv', '--out', out]);
    expect(exported.code).not.toBe(0);
    expect(readFileSync(out, 'utf8')).toBe(full);
  });

  it('fails reads non-zero when archive.db is missing but the journal holds changes', async () => {
    const dir = await archiveWithClaims({ crash: true });
    rmSync(join(dir, 'archive.db'));
    const r = await cli(['claims', '--archive', dir, '--json']);
    expect(r.code).not.toBe(0);
    expect(r.stdout).toBe('');
    expect(r.stderr).toMatch(/Archive is read-only: The archive file archive\.db is missing but the journal holds changes/);
  });

  it('reads what precedes journal damage, says so, and overwrites an export only with --force', async () => {
    const dir = await archiveWithClaims({ crash: true });
    damageJournal(dir);
    const claims = await cli(['claims', '--archive', dir, '--json']);
    expect(claims.code).toBe(0);
    expect(claims.json().claims.map((c: { statement: string }) => c.statement)).toEqual(['one']);
    expect(claims.stderr).toMatch(/Archive is read-only: .*damaged at byte \d+/);
    expect(claims.stderr).toMatch(/Only the changes made before the damage could be read/);

    const out = join(dir, 'earlier-export.csv');
    writeFileSync(out, 'id,statement\n1,one\n2,two\n3,three\n');
    const refused = await cli(['export', '--archive', dir, '--format', 'csv', '--out', out]);
    expect(refused.code).not.toBe(0);
    expect(refused.stderr).toMatch(/not overwriting .*earlier-export\.csv: the archive could be read only in part.*--force/);
    expect(readFileSync(out, 'utf8')).toBe('id,statement\n1,one\n2,two\n3,three\n');

    const forced = await cli(['export', '--archive', dir, '--format', 'csv', '--out', out, '--force', '--json']);
    expect(forced.code).toBe(0);
    expect(forced.json()).toMatchObject({ claims: 1 });
    const fresh = join(dir, 'new-export.csv');
    expect((await cli(['export', '--archive', dir, '--format', 'csv', '--out', fresh])).code).toBe(0);
    expect(existsSync(fresh)).toBe(true);
  });
});

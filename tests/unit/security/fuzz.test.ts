// The short fuzz run of CI: mutated fixtures of every format (and the shared research files when
// they are present) through the importers' worker pool. `npm run fuzz` runs the long form.
import { describe, expect, it } from 'vitest';
import { DEFAULT_SHARED_FILES, filesUnder } from '../../fuzz/corpus';
import { runFuzz } from '../../fuzz/harness';

const SEED = Number(process.env.CLAIMDESK_FUZZ_SEED ?? 20241025);

describe('importer fuzzing', () => {
  it('survives 150 mutated files: each one is parsed or refused with a clear error, none hangs', async () => {
    const sharedFiles = filesUnder(DEFAULT_SHARED_FILES);
    const report = await runFuzz({ iterations: 150, seed: SEED, sharedFiles, timeoutMs: 8_000 });
    expect(report.problems, `seed ${SEED}`).toEqual([]);
    expect(report.files).toBe(150 + sharedFiles.length);
    expect(report.parsed + Object.values(report.refused).reduce((a, b) => a + b, 0)).toBe(report.files);
    expect(report.parsed).toBeGreaterThan(0);
    expect(report.serviceAlive).toBe(true);
  }, 180_000);
});

// The bench suite's bookkeeping: each benchmark's JSON is read at the right place, compared with
// its target, and a missing or broken benchmark is reported as such.
import { describe, expect, it } from 'vitest';
import { BENCHES, TARGETS, evaluateTargets, formatTable, parseBenchOutput, valueAt } from '../../../bench/run';

describe('bench runner', () => {
  it('reads figures by dotted path, only when they are numbers', () => {
    const json = { results: { '100k': { edit: { p95: 4.2 } } }, label: 'x' };
    expect(valueAt(json, 'results.100k.edit.p95')).toBe(4.2);
    expect(valueAt(json, 'results.1k.edit.p95')).toBeNull();
    expect(valueAt(json, 'label')).toBeNull();
  });

  it('finds the JSON after a human table', () => {
    expect(parseBenchOutput('quote | claimant\n---|---\n{\n  "scoringSentencesPerSecond": 9000\n}\n')).toEqual({
      scoringSentencesPerSecond: 9000,
    });
    expect(() => parseBenchOutput('no numbers here')).toThrow(/no JSON/);
  });

  it('compares each figure with its target in the right direction and unit', () => {
    const results = evaluateTargets({
      import: { status: 'ok', seconds: 1, json: { articlesPerSecond: 12.5 } },
      extraction: { status: 'ok', seconds: 1, json: { scoringSentencesPerSecond: 50_000 } },
      report: { status: 'ok', seconds: 1, json: { pdfMs: 3_200 } },
      crossref: { status: 'ok', seconds: 1, json: { similarMs: { p95: 80 }, throughArchive: { similarMs: { p95: 12 } } } },
    });
    const byLabel = (label: string) => results.find((r) => r.label.startsWith(label))!;
    expect(byLabel('import throughput')).toMatchObject({ value: 12.5, verdict: 'missed' });
    expect(byLabel('check-worthiness')).toMatchObject({ value: 50_000, verdict: 'met' });
    expect(byLabel('500-claim PDF')).toMatchObject({ value: 3.2, unit: 's', verdict: 'met' });
    expect(byLabel('similar claims p95 (100k, via archive)')).toMatchObject({ value: 12, verdict: 'met' });
    expect(byLabel('similar claims p95 (100k, index only)')).toMatchObject({ value: 80, verdict: 'missed' });
  });

  it('says which benchmark is missing, failed, or printed no such figure', () => {
    const results = evaluateTargets({
      archive: { status: 'failed', error: 'exit code 1', seconds: 3 },
      ui: { status: 'missing' },
      import: { status: 'ok', seconds: 1, json: { other: 1 } },
    });
    expect(new Set(results.filter((r) => r.bench === 'archive').map((r) => r.verdict))).toEqual(new Set(['bench failed']));
    expect(new Set(results.filter((r) => r.bench === 'ui').map((r) => r.verdict))).toEqual(new Set(['bench missing']));
    expect(results.find((r) => r.bench === 'import')?.verdict).toBe('figure not found');
    expect(formatTable(results)).toMatch(/import\s+\| import throughput \(HTML\)\s+\| —\s+\| >= 20 articles\/s\s+\| figure not found/);
  });

  it('has a benchmark for every target', () => {
    expect(TARGETS.filter((t) => !BENCHES.some((b) => b.name === t.bench))).toEqual([]);
    expect(TARGETS).toHaveLength(11);
  });
});

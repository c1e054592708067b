// The bench suite's bookkeeping: each benchmark's JSON is read at the right place, compared with
// its target, and a missing or broken benchmark is reported as such.
import { describe, expect, it } from 'vitest';
import { BENCHES, TARGETS, evaluateTargets, formatTable, loopFromSources, parseBenchOutput, valueAt } from '../../../bench/run';
import { UI_TARGETS, uiSummary } from '../../../bench/ui-summary';

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
    expect(TARGETS).toHaveLength(23);
  });

  it("reads team sync's figures from what bench/sync.ts prints", () => {
    const printed = {
      claims: 100000,
      push: { ms: 200000, documents: 220000, peakRssMB: 900, claimsPerSecond: 500 },
      pull: {
        ms: 250000,
        documents: 220000,
        peakRssMB: 550,
        claimsPerSecond: 400,
        responsive: { loopDelay: { p50Ms: 1, p99Ms: 271, maxMs: 500 }, firstPage: { asked: 893, p50Ms: 40, p95Ms: 216, maxMs: 477 } },
      },
      roundTrip: { edits: 1000, p50Ms: 80, p95Ms: 150, maxMs: 400 },
    };
    const results = evaluateTargets(
      { sync: { status: 'ok', json: printed, seconds: 1 } },
      TARGETS.filter((t) => t.bench === 'sync'),
    );
    expect(results.map((r) => [r.label, r.value, r.verdict])).toEqual([
      ['pull into an empty device, peak RSS (100k claims)', 550, 'met'],
      ['pull into an empty device (100k claims)', 400, 'missed'],
      ['push from one device (100k claims)', 500, 'met'],
      ['edit visible on the other device, p95 (1,000 edits)', 150, 'met'],
      ['services answer the window during a pull, p95 (100k)', 216, 'missed'],
      ['services answer the window during a pull, max (100k)', 477, 'met'],
    ]);
  });

  it("reads the window's event-loop delay and peak RSS from what bench/loop.ts prints (the services-in-a-worker run)", () => {
    const printed = {
      before: { busy: { p99Ms: 101.4, maxMs: 25_139 }, peakRssMB: 1054 },
      after: { busy: { p99Ms: 12.5, maxMs: 40, netP99Ms: 3.1 }, peakRssMB: 640 },
      targets: {
        loopP99Ms: { value: 12.5, target: 20, ok: true },
        loopNetP99Ms: { value: 3.1, target: 20, ok: true },
        peakRssMB: { value: 640, target: 600, ok: false },
      },
    };
    const loop = evaluateTargets({ loop: { status: 'ok', seconds: 1, json: printed } }).filter((r) => r.bench === 'loop');
    expect(loop.map((r) => [r.value, r.verdict])).toEqual([
      [12.5, 'met'],
      [3.1, 'met'],
      [640, 'missed'],
    ]);
  });

  it('measures the loop with the built services host the app ships, or the sources when asked (--loop-sources)', () => {
    expect(BENCHES.find((b) => b.name === 'loop')?.args).toEqual(['--built']);
    const fromSources = loopFromSources(BENCHES);
    expect(fromSources.find((b) => b.name === 'loop')?.args).toEqual([]);
    expect(fromSources.filter((b) => b.name !== 'loop')).toEqual(BENCHES.filter((b) => b.name !== 'loop'));
  });

  it('reads every UI figure from what bench/ui.ts prints, against the targets ui.ts judges itself by', () => {
    // The shape bench/ui.ts prints: { node, cpus, results, targets, pass }.
    const printed = {
      node: 'v22.12.0',
      cpus: 2,
      ...uiSummary({
        claims: 100_000,
        firstRows: [620, 50, 55, 60, 52, 58, 71],
        slowScroll: [8, 9, 10, 12, 30],
        fastScroll: [4, 5, 6, 7, 40],
        searchKeystrokes: [60, 70, 80, 250],
      }),
    };
    const ui = evaluateTargets({ ui: { status: 'ok', seconds: 1, json: JSON.parse(JSON.stringify(printed)) } }).filter(
      (r) => r.bench === 'ui',
    );
    expect(ui.map((r) => [r.label, r.value, r.verdict])).toEqual([
      ['claims table first rows (100k, first open)', 620, 'missed'],
      ['claims table first rows (100k, reopened, p95)', 71, 'met'],
      ['scroll frame time p95 (slow scroll)', 30, 'missed'],
      ['scroll frame time p95 (fast scroll)', 40, 'missed'],
      ['search keystroke to rows p95 (100k)', 250, 'missed'],
    ]);
    const target = (label: string) => ui.find((r) => r.label.startsWith(label))!.target;
    expect(target('claims table first rows')).toBe(UI_TARGETS.firstRowsMs);
    expect(target('scroll frame time')).toBe(UI_TARGETS.scrollFrameP95Ms);
    expect(target('search keystroke')).toBe(UI_TARGETS.searchP95Ms);
  });
});

// The performance suite: runs every benchmark as its own process, maps the JSON each prints to the
// product's targets (one table, below), prints a human table and writes bench/results/latest.json.
//   npm run bench                         every benchmark
//   npm run bench -- --only import,extraction [--timeout-min 30]
//   npm run bench -- --only loop            the window's event-loop delay and peak RSS with the built services host
//                                            (out/main/servicesHost.js, what the app ships: npm run build first) in a worker
//   npm run bench -- --only loop --loop-sources   the same with the host from the TypeScript sources (through tsx)
//   npm run bench -- --only sync            team sync: 100k claims pushed and pulled (and how fast the pulling thread answers the window meanwhile), 1,000 edits round trip
// A benchmark script that does not exist (yet) is reported as missing, not as a failure.
import { spawn } from 'node:child_process';
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';

const ROOT = resolve(import.meta.dirname, '..');

export interface BenchDef {
  name: string;
  script: string;
  args?: string[];
  /** Node flags (e.g. --expose-gc), passed through tsx. */
  nodeArgs?: string[];
}

export const BENCHES: BenchDef[] = [
  { name: 'archive', script: 'bench/archive.ts' },
  { name: 'import', script: 'bench/import.ts', args: ['1000', '2'] },
  { name: 'extraction', script: 'bench/extraction.ts' },
  { name: 'crossref', script: 'bench/crossref.ts', nodeArgs: ['--expose-gc'] },
  { name: 'ui', script: 'bench/ui.ts' },
  { name: 'report', script: 'bench/report.ts' },
  // The built host, as the app ships it (--loop-sources: from the TypeScript sources instead).
  { name: 'loop', script: 'bench/loop.ts', args: ['--built'] },
  { name: 'sync', script: 'bench/sync.ts', args: ['--claims', '100000', '--edits', '1000'] },
];

/** Where a figure is in a bench's JSON: a dotted path, and the factor that converts it to the target's unit. */
type Source = [path: string, factor?: number];

export interface TargetDef {
  bench: string;
  label: string;
  sources: Source[];
  op: '<=' | '>=';
  target: number;
  unit: string;
}

// The product's performance targets, beside where each benchmark reports the measured value.
// prettier-ignore
export const TARGETS: TargetDef[] = [
  { bench: 'archive', label: 'edit acknowledged, p95 at 100k claims', sources: [['targets.editP95At100kMs.value'], ['results.100k.edit.p95']], op: '<=', target: 10, unit: 'ms' },
  { bench: 'archive', label: 'edit p95, 100k vs 1k claims', sources: [['targets.editP95Ratio100kTo1k.value']], op: '<=', target: 1.5, unit: '×' },
  { bench: 'archive', label: 'search p95 at 100k claims', sources: [['targets.searchP95At100kMs.value'], ['results.100k.search.p95']], op: '<=', target: 30, unit: 'ms' },
  { bench: 'archive', label: 'peak RSS at 100k claims', sources: [['targets.peakRssMB.value'], ['results.100k.peakRssMB']], op: '<=', target: 600, unit: 'MB' },
  { bench: 'import', label: 'import throughput (HTML)', sources: [['articlesPerSecond']], op: '>=', target: 20, unit: 'articles/s' },
  { bench: 'extraction', label: 'check-worthiness scoring', sources: [['scoringSentencesPerSecond']], op: '>=', target: 2000, unit: 'sentences/s' },
  { bench: 'crossref', label: 'similar claims p95 (100k, via archive)', sources: [['throughArchive.similarMs.p95']], op: '<=', target: 50, unit: 'ms' },
  { bench: 'crossref', label: 'similar claims p95 (100k, index only)', sources: [['similarMs.p95']], op: '<=', target: 50, unit: 'ms' },
  // bench/ui.ts prints bench/ui-summary.ts' uiSummary(): results.{firstRowsMs, scrollFrameMs, searchKeystrokeMs}.
  { bench: 'ui', label: 'claims table first rows (100k, first open)', sources: [['results.firstRowsMs.first']], op: '<=', target: 500, unit: 'ms' },
  { bench: 'ui', label: 'claims table first rows (100k, reopened, p95)', sources: [['results.firstRowsMs.again.p95']], op: '<=', target: 500, unit: 'ms' },
  { bench: 'ui', label: 'scroll frame time p95 (slow scroll)', sources: [['results.scrollFrameMs.slow.p95']], op: '<=', target: 16, unit: 'ms' },
  { bench: 'ui', label: 'scroll frame time p95 (fast scroll)', sources: [['results.scrollFrameMs.fast.p95']], op: '<=', target: 16, unit: 'ms' },
  { bench: 'ui', label: 'search keystroke to rows p95 (100k)', sources: [['results.searchKeystrokeMs.p95']], op: '<=', target: 100, unit: 'ms' },
  // bench/loop.ts --built: the built services host in a worker thread, as the app runs it in its utility process; its JSON also has the before (in-thread) figures.
  { bench: 'loop', label: 'window thread event-loop delay p99 (import 100 + snapshot, 100k)', sources: [['targets.loopP99Ms.value'], ['after.busy.p99Ms']], op: '<=', target: 20, unit: 'ms' },
  // The same delay less the time the window thread waited for a CPU (Linux schedstat): what our own work costs it on a machine with more runnable threads than cores.
  { bench: 'loop', label: 'same, net of waiting for a CPU (other load)', sources: [['targets.loopNetP99Ms.value'], ['after.busy.netP99Ms']], op: '<=', target: 20, unit: 'ms' },
  { bench: 'loop', label: 'peak RSS, window + services threads (100k)', sources: [['targets.peakRssMB.value'], ['after.peakRssMB']], op: '<=', target: 600, unit: 'MB' },
  // bench/sync.ts: 100k claims / 10k articles from one device to an empty one through the test server (its own process); 1,000 edits between the two.
  { bench: 'sync', label: 'pull into an empty device, peak RSS (100k claims)', sources: [['pull.peakRssMB']], op: '<=', target: 600, unit: 'MB' },
  { bench: 'sync', label: 'pull into an empty device (100k claims)', sources: [['pull.claimsPerSecond']], op: '>=', target: 500, unit: 'claims/s' },
  { bench: 'sync', label: 'push from one device (100k claims)', sources: [['push.claimsPerSecond']], op: '>=', target: 500, unit: 'claims/s' },
  { bench: 'sync', label: 'edit visible on the other device, p95 (1,000 edits)', sources: [['roundTrip.p95Ms']], op: '<=', target: 1000, unit: 'ms' },
  // The pulling device's syncing thread (the services' thread in the app): another thread asks it for the Claims table's first page (claims.list, 100 rows) every 200 ms during the pull, timed from asking to the answer — what the window waits.
  { bench: 'sync', label: 'services answer the window during a pull, p95 (100k)', sources: [['pull.responsive.firstPage.p95Ms']], op: '<=', target: 100, unit: 'ms' },
  { bench: 'sync', label: 'services answer the window during a pull, max (100k)', sources: [['pull.responsive.firstPage.maxMs']], op: '<=', target: 1000, unit: 'ms' },
  { bench: 'report', label: '500-claim PDF report', sources: [['targets.pdfSeconds.value'], ['pdfSeconds'], ['median.totalMs', 0.001], ['pdfMs', 0.001]], op: '<=', target: 5, unit: 's' },
];

/** The benchmarks with the loop's services host taken from the TypeScript sources instead of the build (--loop-sources). */
export function loopFromSources(benches: BenchDef[]): BenchDef[] {
  return benches.map((b) => (b.name === 'loop' ? { ...b, args: b.args?.filter((a) => a !== '--built') } : b));
}

export type BenchOutcome =
  { status: 'ok'; json: unknown; seconds: number } | { status: 'missing' } | { status: 'failed'; error: string; seconds: number };

export interface TargetResult extends TargetDef {
  value: number | null;
  /** met / missed, or why there is no figure. */
  verdict: 'met' | 'missed' | 'bench missing' | 'bench failed' | 'figure not found';
}

/** Reads a dotted path ("results.100k.edit.p95") out of parsed JSON; null unless it is a number. */
export function valueAt(json: unknown, path: string): number | null {
  let node: unknown = json;
  for (const key of path.split('.')) {
    if (node === null || typeof node !== 'object') return null;
    node = (node as Record<string, unknown>)[key];
  }
  return typeof node === 'number' && Number.isFinite(node) ? node : null;
}

/** The JSON a benchmark printed: its whole stdout, or the last JSON object in it (after any table). */
export function parseBenchOutput(stdout: string): unknown {
  const text = stdout.trim();
  try {
    return JSON.parse(text);
  } catch {
    for (let at = text.lastIndexOf('\n{'); at >= 0; at = text.lastIndexOf('\n{', at - 1)) {
      try {
        return JSON.parse(text.slice(at + 1));
      } catch {
        // not the start of the final object; look further up
      }
    }
    throw new Error(`no JSON found in its output: ${text.slice(-300)}`);
  }
}

export function evaluateTargets(outcomes: Record<string, BenchOutcome | undefined>, targets: TargetDef[] = TARGETS): TargetResult[] {
  return targets.map((t) => {
    const outcome = outcomes[t.bench];
    if (!outcome || outcome.status === 'missing') return { ...t, value: null, verdict: 'bench missing' };
    if (outcome.status === 'failed') return { ...t, value: null, verdict: 'bench failed' };
    const found = t.sources.map(([path, factor = 1]) => {
      const v = valueAt(outcome.json, path);
      return v === null ? null : v * factor;
    });
    const value = found.find((v) => v !== null) ?? null;
    if (value === null) return { ...t, value: null, verdict: 'figure not found' };
    const met = t.op === '<=' ? value <= t.target : value >= t.target;
    return { ...t, value: Math.round(value * 100) / 100, verdict: met ? 'met' : 'missed' };
  });
}

export function formatTable(results: TargetResult[]): string {
  const rows = results.map((r) => [
    r.bench,
    r.label,
    r.value === null ? '—' : `${r.value} ${r.unit}`,
    `${r.op} ${r.target} ${r.unit}`,
    r.verdict,
  ]);
  const head = ['bench', 'measure', 'measured', 'target', 'verdict'];
  const widths = head.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i].length)));
  const line = (cells: string[]) => cells.map((c, i) => c.padEnd(widths[i])).join(' | ');
  return [line(head), widths.map((w) => '-'.repeat(w)).join('-|-'), ...rows.map(line)].join('\n');
}

function runBench(def: BenchDef, timeoutMs: number): Promise<BenchOutcome> {
  if (!existsSync(join(ROOT, def.script))) return Promise.resolve({ status: 'missing' });
  const started = Date.now();
  const seconds = () => Math.round((Date.now() - started) / 100) / 10;
  return new Promise((done) => {
    const tsx = join(ROOT, 'node_modules', 'tsx', 'dist', 'cli.mjs');
    const child = spawn(process.execPath, [tsx, ...(def.nodeArgs ?? []), def.script, ...(def.args ?? [])], {
      cwd: ROOT,
      stdio: ['ignore', 'pipe', 'inherit'],
    });
    let stdout = '';
    child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
    const timer = setTimeout(() => child.kill('SIGKILL'), timeoutMs);
    child.on('close', (code, signal) => {
      clearTimeout(timer);
      if (code !== 0)
        return done({
          status: 'failed',
          error: signal ? `killed (${signal}) after ${seconds()} s` : `exit code ${code}`,
          seconds: seconds(),
        });
      try {
        done({ status: 'ok', json: parseBenchOutput(stdout), seconds: seconds() });
      } catch (err) {
        done({ status: 'failed', error: (err as Error).message, seconds: seconds() });
      }
    });
  });
}

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      only: { type: 'string' },
      'timeout-min': { type: 'string', default: '60' },
      'loop-sources': { type: 'boolean', default: false },
    },
  });
  const only = values.only?.split(',').map((s) => s.trim());
  const unknown = only?.filter((n) => !BENCHES.some((b) => b.name === n)) ?? [];
  if (unknown.length) throw new Error(`unknown benchmark(s): ${unknown.join(', ')} (known: ${BENCHES.map((b) => b.name).join(', ')})`);
  const outcomes: Record<string, BenchOutcome> = {};
  const benches = values['loop-sources'] ? loopFromSources(BENCHES) : BENCHES;
  for (const def of benches.filter((b) => !only || only.includes(b.name))) {
    process.stderr.write(`bench: ${def.name} (${def.script})\n`);
    outcomes[def.name] = await runBench(def, Number(values['timeout-min']) * 60_000);
    process.stderr.write(`bench: ${def.name} → ${outcomes[def.name].status}\n`);
  }
  const targets = evaluateTargets(
    outcomes,
    TARGETS.filter((t) => t.bench in outcomes),
  );
  const summary = {
    at: new Date().toISOString(),
    node: process.version,
    platform: `${os.platform()} ${os.arch()}`,
    cpus: os.cpus().length,
    targets,
    benches: outcomes,
  };
  mkdirSync(join(ROOT, 'bench', 'results'), { recursive: true });
  writeFileSync(join(ROOT, 'bench', 'results', 'latest.json'), `${JSON.stringify(summary, null, 2)}\n`);
  console.log(formatTable(targets));
  console.log(`\nFull results: bench/results/latest.json`);
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) await main();

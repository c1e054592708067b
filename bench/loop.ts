// Does the window wait for the archive? Measures the event-loop delay of the thread that runs the
// window's side (Electron's main process in the app) while the services import 100 articles and
// then snapshot a 100k-claim archive, and the peak RSS of the whole process. Prints JSON.
//   npx tsx bench/loop.ts [--dir /tmp/claimdesk-bench] [--articles 100] [--modes before,after] [--built]
// before: the services in the calling thread (as the app ran them until #18).
// after:  the services in a worker thread started exactly as the app starts its utility process
//         (main/host/entry.ts, the host protocol, the same calls the shell makes).
// Each mode runs in a fresh child process on its own copy of the cached 100k archive (bench/cache.ts
// regenerates it when the schema or the generator changed), so peak RSS is that mode's alone (main
// thread + services thread). The copy has no backups, so the snapshot writes the hourly backup (and
// checks it) as the app does once an hour. Any import that fails stops the benchmark: no figures.
import { spawnSync } from 'node:child_process';
import { closeSync, cpSync, existsSync, fsyncSync, mkdtempSync, openSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { monitorEventLoopDelay, type IntervalHistogram } from 'node:perf_hooks';
import { cachedArchive, CACHE_MARKER } from './cache';
import { requireAllImported } from './imported';
import { writeHtmlArticles } from './html-articles';
import { hostEntry, startServicesWorker } from '../main/host/node-ports';
import { listBackups } from '../main/archive/engine/backups';
import type { ApiResult, ImportSummary } from '../shared/domain';

const SIZE = { articles: 10_000, claims: 100_000 };
/** Node's default sampling interval of monitorEventLoopDelay. */
const RESOLUTION_MS = 10;
const TARGET_P99_MS = 20;
const TARGET_RSS_MB = 600;

const { values } = parseArgs({
  options: {
    dir: { type: 'string', default: path.join(os.tmpdir(), 'claimdesk-bench') },
    articles: { type: 'string', default: '100' },
    modes: { type: 'string', default: 'before,after' },
    measure: { type: 'string' },
    archive: { type: 'string' },
    files: { type: 'string' },
    /** after: run the built out/main/servicesHost.js (what the app ships; npm run build first) instead of the sources through tsx. */
    built: { type: 'boolean', default: false },
  },
});

type Mode = 'before' | 'after';
const round = (n: number) => Math.round(n * 100) / 100;
const ms = (ns: number) => round(ns / 1e6);

/**
 * The histogram holds the time between two ticks of a RESOLUTION_MS timer; the delay is what exceeds
 * the interval (0 when the loop was free).
 */
function delays(h: IntervalHistogram) {
  const delay = (ns: number) => Math.max(0, ms(ns - RESOLUTION_MS * 1e6));
  return { samples: h.count, p50Ms: delay(h.percentile(50)), p99Ms: delay(h.percentile(99)), maxMs: delay(h.max), meanMs: delay(h.mean) };
}

/**
 * The calling thread's own CPU time and its time waiting for a CPU, in ms (Linux: schedstat; null
 * elsewhere). A delay with little CPU on this thread is the machine's other load, not our work.
 */
function threadTimes(): { cpuMs: number; waitMs: number } | null {
  try {
    const [cpu, wait] = readFileSync(`/proc/self/task/${process.pid}/schedstat`, 'utf8').trim().split(/\s+/).map(Number);
    return { cpuMs: cpu / 1e6, waitMs: wait / 1e6 };
  } catch {
    return null;
  }
}

/**
 * Each 10 ms tick's lateness minus the time this thread spent waiting for a CPU in that interval:
 * the delay this thread's own work (or anything else in this process that holds it) caused. Shown
 * beside the raw figures: on a machine with more runnable threads than cores, the raw delay is
 * mostly the scheduler's.
 */
function netDelaySampler(): () => number[] {
  const samples: number[] = [];
  let last = performance.now();
  let lastWait = threadTimes()?.waitMs ?? 0;
  const timer = setInterval(() => {
    const now = performance.now();
    const wait = threadTimes()?.waitMs ?? lastWait;
    samples.push(Math.max(0, now - last - RESOLUTION_MS - (wait - lastWait)));
    [last, lastWait] = [now, wait];
  }, RESOLUTION_MS);
  return () => {
    clearInterval(timer);
    return samples;
  };
}

function netFigures(samples: number[]) {
  const sorted = [...samples].sort((a, b) => a - b);
  const at = (p: number) => round(sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? 0);
  return { netP99Ms: at(99), netMaxMs: round(sorted.at(-1) ?? 0) };
}

/** Highest RSS seen while a phase runs (sampled every 20 ms; the process' maxRSS covers the rest). */
function rssWatch() {
  let peak = process.memoryUsage.rss();
  const timer = setInterval(() => (peak = Math.max(peak, process.memoryUsage.rss())), 20);
  return () => {
    clearInterval(timer);
    return round(Math.max(peak, process.memoryUsage.rss()) / 1024 / 1024); // MiB, as maxRSS below
  };
}

/** The services as the window's side sees them: the contract, grants, snapshot, close. */
interface Window {
  dispatch(method: string, args: unknown[]): Promise<ApiResult<unknown>>;
  grant(paths: string[]): Promise<string[]>;
  snapshot(): Promise<void>;
  close(): Promise<void>;
}

const BUILT_HOST = new URL('../out/main/servicesHost.js', import.meta.url);

async function start(mode: Mode, archiveDir: string, built: boolean): Promise<Window> {
  const opts = { archiveDir, actor: 'bench', emit: () => {} };
  if (mode === 'after') {
    const remote = await startServicesWorker(opts, built ? { script: BUILT_HOST, eval: false } : hostEntry());
    return { dispatch: remote.dispatch, grant: remote.grantPaths, snapshot: remote.snapshot, close: remote.close };
  }
  // Loaded only here, so the "after" window thread holds none of the services' code, as in the app.
  const { createServices } = await import('../main/services');
  const s = await createServices(opts);
  return { dispatch: s.dispatch, grant: async (p) => s.pathGrants.grant(p), snapshot: () => s.archive.snapshot(), close: s.close };
}

/** Runs in a child process: open, import, snapshot, with the calling thread's loop delay watched. */
async function measure(mode: Mode, archiveDir: string, files: string, built: boolean, articles: number) {
  const busy = monitorEventLoopDelay({ resolution: RESOLUTION_MS }); // import and snapshot together
  const phase = async <T>(fn: () => Promise<T>) => {
    const h = monitorEventLoopDelay({ resolution: RESOLUTION_MS });
    const rss = rssWatch();
    const net = netDelaySampler();
    const times = threadTimes();
    const t0 = performance.now();
    h.enable();
    const value = await fn();
    h.disable();
    const after = threadTimes();
    const netSamples = net();
    const thread = times &&
      after && { threadCpuMs: round(after.cpuMs - times.cpuMs), threadWaitingForCpuMs: round(after.waitMs - times.waitMs) };
    return {
      value,
      netSamples,
      figures: { ms: round(performance.now() - t0), ...delays(h), ...netFigures(netSamples), ...thread, peakRssMB: rss() },
    };
  };
  // The same wait with nothing to do: how much delay this machine's other load causes by itself.
  const idle = await phase(() => new Promise((done) => setTimeout(done, 5_000)));
  const opened = await phase(() => start(mode, archiveDir, built));
  const services = opened.value;
  const info = await services.dispatch('app.info', []);
  const claims = info.ok ? (info.value as { archive: { counts: { claims: number } } }).archive.counts.claims : null;
  busy.enable();
  const imported = await phase(async () => {
    const res = await services.dispatch('import.files', [await services.grant([files])]);
    if (!res.ok) throw new Error(`import failed: ${res.error.message}`);
    const summary = res.value as ImportSummary;
    requireAllImported(summary, articles);
    return summary;
  });
  const snapshot = await phase(() => services.snapshot());
  busy.disable();
  await services.close();
  return {
    mode,
    host: mode === 'after' ? (built ? 'out/main/servicesHost.js' : 'main/host/entry.ts (tsx)') : 'in the calling thread',
    claims,
    imported: { articles: imported.value.imported, duplicates: imported.value.duplicates, failed: imported.value.failed.length },
    idle: idle.figures,
    open: opened.figures,
    import: imported.figures,
    snapshot: snapshot.figures,
    /** Import and snapshot together: what the target is about. */
    busy: {
      ...delays(busy),
      ...netFigures([...imported.netSamples, ...snapshot.netSamples]),
      threadCpuMs: round((imported.figures.threadCpuMs ?? NaN) + (snapshot.figures.threadCpuMs ?? NaN)),
      threadWaitingForCpuMs: round((imported.figures.threadWaitingForCpuMs ?? NaN) + (snapshot.figures.threadWaitingForCpuMs ?? NaN)),
    },
    peakRssMB: round(process.resourceUsage().maxRSS / 1024),
  };
}

function fsyncTree(dir: string): void {
  for (const name of readdirSync(dir)) {
    const file = path.join(dir, name);
    if (statSync(file).isDirectory()) fsyncTree(file);
    else {
      const fd = openSync(file, 'r');
      fsyncSync(fd);
      closeSync(fd);
    }
  }
}

/** Newest modification time (ms) of the files under `dir` whose names match `keep`. */
function newestIn(dir: string, keep: (name: string) => boolean): { file: string; ms: number } {
  let newest = { file: '', ms: 0 };
  for (const entry of readdirSync(dir, { withFileTypes: true, recursive: true })) {
    if (!entry.isFile() || !keep(entry.name)) continue;
    const file = path.join(entry.parentPath, entry.name);
    const ms = statSync(file).mtimeMs;
    if (ms > newest.ms) newest = { file, ms };
  }
  return newest;
}

/**
 * --built measures out/main/servicesHost.js: it must exist and be built from the sources as they are,
 * or the figures belong to older code (a change to main/ or shared/ after the last npm run build).
 */
function requireFreshBuild(): void {
  const host = fileURLToPath(BUILT_HOST);
  if (!existsSync(host)) throw new Error('--built: run npm run build first (out/main/servicesHost.js is missing)');
  const builtMs = statSync(host).mtimeMs;
  const root = fileURLToPath(new URL('..', import.meta.url));
  for (const dir of ['main', 'shared']) {
    const source = newestIn(path.join(root, dir), (name) => name.endsWith('.ts') && !name.endsWith('.d.ts'));
    if (source.ms > builtMs)
      throw new Error(
        `--built: ${path.relative(root, source.file)} changed after the last build: run npm run build first (or the figures are older code's)`,
      );
  }
}

function runChild(mode: Mode, archive: string, files: string): ReturnType<typeof measure> {
  const args = [
    '--measure',
    mode,
    '--archive',
    archive,
    '--files',
    files,
    '--articles',
    values.articles,
    ...(values.built ? ['--built'] : []),
  ];
  const child = spawnSync(process.execPath, ['--import', 'tsx', fileURLToPath(import.meta.url), ...args], {
    encoding: 'utf8',
    maxBuffer: 1e8,
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  if (child.status !== 0)
    throw new Error(`loop: the ${mode} run failed (exit ${child.status ?? child.signal}; its error is above): no figures are reported`);
  return JSON.parse(child.stdout) as ReturnType<typeof measure>;
}

async function main(): Promise<void> {
  if (values.measure) {
    process.stdout.write(
      JSON.stringify(await measure(values.measure as Mode, values.archive!, values.files!, values.built, Number(values.articles))),
    );
    return;
  }
  if (values.built) requireFreshBuild();
  const source = path.join(values.dir, '100k');
  process.stderr.write(`loop: the 100k archive (cached in ${source})\n`);
  await cachedArchive(source, SIZE);
  const work = mkdtempSync(path.join(os.tmpdir(), 'claimdesk-bench-loop-'));
  try {
    const files = path.join(work, 'articles');
    writeHtmlArticles(files, Number(values.articles));
    const results: Partial<Record<Mode, Awaited<ReturnType<typeof measure>> & { backupsWritten: number }>> = {};
    for (const mode of values.modes.split(',') as Mode[]) {
      if (mode !== 'before' && mode !== 'after') throw new Error(`unknown mode ${mode} (before, after)`);
      const copy = path.join(work, `archive-${mode}`);
      // Without the cache's marker and backups: the archive's hourly backup is due at the snapshot, as in any
      // session longer than an hour, so its write and integrity check are always part of what is measured.
      const leftOut = new Set([path.join(source, CACHE_MARKER), path.join(source, 'backups')]);
      cpSync(source, copy, { recursive: true, filter: (from) => !leftOut.has(from) });
      fsyncTree(copy); // or the kernel's write-back of the copy competes with the snapshot's writes
      process.stderr.write(`loop: ${mode} (services ${mode === 'after' ? 'in a worker thread' : 'in the calling thread'})\n`);
      results[mode] = { ...(await runChild(mode, copy, files)), backupsWritten: listBackups(path.join(copy, 'backups')).length };
      rmSync(copy, { recursive: true, force: true });
    }
    const after = results.after;
    const targets = after && {
      loopP99Ms: { value: after.busy.p99Ms, target: TARGET_P99_MS, ok: after.busy.p99Ms <= TARGET_P99_MS },
      loopNetP99Ms: { value: after.busy.netP99Ms, target: TARGET_P99_MS, ok: after.busy.netP99Ms <= TARGET_P99_MS },
      peakRssMB: { value: after.peakRssMB, target: TARGET_RSS_MB, ok: after.peakRssMB <= TARGET_RSS_MB },
    };
    for (const [mode, r] of Object.entries(results))
      process.stderr.write(
        `loop: ${mode}: window thread delay during import + snapshot p99 ${r.busy.p99Ms} ms, max ${r.busy.maxMs} ms ` +
          `(net of waiting for a CPU: p99 ${r.busy.netP99Ms} ms, max ${r.busy.netMaxMs} ms; idle control p99 ${r.idle.p99Ms} ms); ` +
          `its own CPU ${r.busy.threadCpuMs} ms; peak RSS ${r.peakRssMB} MiB; imported ${r.imported.articles} of ${values.articles} articles\n`,
      );
    console.log(
      JSON.stringify(
        {
          node: process.version,
          cpus: os.cpus().length,
          loadAverage: os.loadavg().map(round),
          resolutionMs: RESOLUTION_MS,
          articles: Number(values.articles),
          ...results,
          targets,
        },
        null,
        2,
      ),
    );
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
}

await main();

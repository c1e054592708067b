// Archive benchmark (not part of npm test). Prints JSON.
//   npx tsx bench/archive.ts [--dir /tmp/claimdesk-bench] [--sizes 1k,100k] [--edits 2500] [--fresh]
// Generated archives are cached in --dir; all sizes are measured in one fresh child process on
// copies, so peak RSS is that of the app's workload (open, edit, search, snapshot), not of generation.
import { spawnSync } from 'node:child_process';
import { closeSync, cpSync, fsyncSync, openSync, readdirSync, rmSync, statSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { fileURLToPath } from 'node:url';
import { cachedArchive } from './cache';
import { openArchive, type Archive } from '../main/archive';
import type { ClaimQuery } from '../shared/domain';

const SIZES: Record<string, { articles: number; claims: number }> = {
  '1k': { articles: 100, claims: 1_000 },
  '100k': { articles: 10_000, claims: 100_000 },
};

const { values } = parseArgs({
  options: {
    dir: { type: 'string', default: path.join(os.tmpdir(), 'claimdesk-bench') },
    sizes: { type: 'string', default: '1k,100k' },
    edits: { type: 'string', default: '2500' },
    fresh: { type: 'boolean', default: false },
    measure: { type: 'string' },
    backup: { type: 'string' },
  },
});

const percentile = (sorted: number[], p: number) => sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))];
const round = (n: number) => Math.round(n * 100) / 100;
function stats(samples: number[]) {
  const s = [...samples].sort((a, b) => a - b);
  return {
    n: s.length,
    p50: round(percentile(s, 50)),
    p95: round(percentile(s, 95)),
    p99: round(percentile(s, 99)),
    max: round(s[s.length - 1]),
  };
}

async function timed<T>(fn: () => Promise<T> | T): Promise<[T, number]> {
  const start = performance.now();
  const result = await fn();
  return [result, performance.now() - start];
}

const SEARCHES: ClaimQuery[] = [
  { search: 'troops', sort: 'relevance' },
  { search: 'ceasefire border', sort: 'relevance' },
  { search: '"nuclear missile"', sort: 'relevance' },
  { search: 'sanc*', sort: 'relevance' },
  { search: 'drone', status: ['needs_review'], sort: 'relevance' },
  { search: 'election', verdict: ['false', 'misleading'], sort: 'updatedAt' },
  { search: 'karo', sort: 'relevance' },
  { search: 'grain', outlet: 'Reuters', from: '2024-03-01', to: '2024-06-30', sort: 'claimDate' },
  { status: ['new'], sort: 'updatedAt' },
  { claimant: 'pentagon', tag: 'korea', sort: 'createdAt' },
];

type Opened = {
  archive: Archive;
  openMs: number;
  ids: number[];
  editMs: number[];
  searchMs: number[];
  searchCpuMs: number[];
  perQuery: Record<string, { hits: number; ms: number[] }>;
};

async function edit(o: Opened, i: number): Promise<void> {
  const id = o.ids[(i * 7919) % o.ids.length];
  const verdicts = ['true', 'false', 'mixed', 'misleading'];
  const [, ms] = await timed(() => {
    switch (i % 4) {
      case 0:
        return o.archive.claims.setStatus(id, i % 8 === 0 ? 'in_progress' : 'needs_review');
      case 1:
        return o.archive.claims.update(id, { notes: `bench note ${i}` });
      case 2:
        return o.archive.claims.setVerdict(id, 'claimdesk', verdicts[i % verdicts.length], `bench ${i}`);
      default:
        return o.archive.claims.addTags(id, [`bench-${i % 50}`]);
    }
  });
  o.editMs.push(ms);
}

async function search(o: Opened, q: ClaimQuery): Promise<void> {
  const cpu = process.cpuUsage();
  const [page, ms] = await timed(() => o.archive.claims.list({ ...q, limit: 100 }));
  const used = process.cpuUsage(cpu);
  o.searchMs.push(ms);
  o.searchCpuMs.push((used.user + used.system) / 1000);
  (o.perQuery[JSON.stringify(q)] ??= { hits: page.total, ms: [] }).ms.push(ms);
}

/**
 * Runs in a child process: open each archive, edit, search, snapshot. Edits and searches alternate
 * between the archives, so background load on the machine affects every size alike.
 */
async function measure(dirs: string[], edits: number) {
  const opened: Opened[] = [];
  for (const dir of dirs) {
    const [archive, openMs] = await timed(() => openArchive({ dir, actor: 'bench', backupIntervalMs: 24 * 3_600_000 }));
    const ids = archive.claims.list({ limit: 5_000, sort: 'createdAt' }).items.map((c) => c.id);
    opened.push({ archive, openMs, ids, editMs: [], searchMs: [], searchCpuMs: [], perQuery: {} });
  }
  for (let i = 0; i < edits; i++) for (const o of opened) await edit(o, i);
  for (let rep = 0; rep < 20; rep++) for (const q of SEARCHES) for (const o of opened) await search(o, q);
  const results = [];
  for (const o of opened) {
    const { counts, sizeBytes } = o.archive.info();
    const [, snapshotMs] = await timed(() => o.archive.snapshot());
    const [, closeMs] = await timed(() => o.archive.close());
    const queries = Object.fromEntries(
      Object.entries(o.perQuery).map(([q, v]) => [q, { hits: v.hits, p50: stats(v.ms).p50, p95: stats(v.ms).p95 }]),
    );
    results.push({
      counts,
      dbMB: round(sizeBytes / 1e6),
      openMs: round(o.openMs),
      edit: stats(o.editMs),
      search: stats(o.searchMs),
      // CPU time of the searches: what they cost, independent of other load on the machine
      searchCpu: stats(o.searchCpuMs),
      snapshotMs: round(snapshotMs),
      closeMs: round(closeMs),
      queries,
    });
  }
  return { results, peakRssMB: round(process.resourceUsage().maxRSS / 1024), loadAverage: os.loadavg().map(round) };
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

/** Runs in a child process: open, then one snapshot with a backup (write, read-back, integrity check in a worker). */
async function measureBackup(dir: string) {
  const archive = await openArchive({ dir, actor: 'bench', backupIntervalMs: 0 });
  const [, snapshotWithBackupMs] = await timed(() => archive.snapshot());
  await archive.close();
  return { snapshotWithBackupMs: round(snapshotWithBackupMs), peakRssMB: round(process.resourceUsage().maxRSS / 1024) };
}

function runChild(args: string[]): unknown {
  const child = spawnSync(process.execPath, ['--import', 'tsx', fileURLToPath(import.meta.url), ...args], {
    encoding: 'utf8',
    maxBuffer: 1e8,
  });
  if (child.status !== 0) throw new Error(`bench child ${args.join(' ')} failed: ${child.stderr}`);
  return JSON.parse(child.stdout);
}

async function main() {
  if (values.measure) {
    process.stdout.write(JSON.stringify(await measure(values.measure.split(','), Number(values.edits))));
    return;
  }
  if (values.backup) {
    process.stdout.write(JSON.stringify(await measureBackup(values.backup)));
    return;
  }
  const names = values.sizes.split(',');
  const work: string[] = [];
  const generateMs: Record<string, number | null> = {};
  for (const name of names) {
    const size = SIZES[name];
    if (!size) throw new Error(`unknown size ${name} (use ${Object.keys(SIZES).join(', ')})`);
    const source = path.join(values.dir, name);
    process.stderr.write(`${name}: generating (cached in ${source})\n`);
    const ms = await cachedArchive(source, size, { fresh: values.fresh });
    generateMs[name] = ms === null ? null : round(ms);
    const copy = `${source}-run`;
    rmSync(copy, { recursive: true, force: true });
    cpSync(source, copy, { recursive: true });
    fsyncTree(copy); // or the kernel's write-back of the copy competes with the journal's fsyncs
    work.push(copy);
  }
  process.stderr.write(`measuring ${names.join(', ')}\n`);
  const measured = runChild(['--measure', work.join(','), '--edits', values.edits]) as {
    results: { edit: { p95: number }; search: { p95: number } }[];
    peakRssMB: number;
    loadAverage: number[];
  };
  process.stderr.write(`measuring a backup of ${names.at(-1)}\n`);
  const backup = runChild(['--backup', work.at(-1)!]);
  for (const dir of work) rmSync(dir, { recursive: true, force: true });
  const results = Object.fromEntries(names.map((name, i) => [name, { generateMs: generateMs[name], ...measured.results[i] }]));
  const small = results['1k'];
  const large = results['100k'];
  const targets = large && {
    editP95At100kMs: { value: large.edit.p95, target: 10, ok: large.edit.p95 <= 10 },
    editP95Ratio100kTo1k: small
      ? { value: round(large.edit.p95 / small.edit.p95), target: 1.5, ok: large.edit.p95 / small.edit.p95 <= 1.5 }
      : undefined,
    searchP95At100kMs: { value: large.search.p95, target: 30, ok: large.search.p95 <= 30 },
    peakRssMB: { value: measured.peakRssMB, target: 600, ok: measured.peakRssMB <= 600 },
  };
  console.log(
    JSON.stringify(
      {
        node: process.version,
        cpus: os.cpus().length,
        loadAverage: measured.loadAverage,
        peakRssMB: measured.peakRssMB,
        results,
        [`backupOf${names.at(-1)}`]: backup,
        targets,
      },
      null,
      2,
    ),
  );
}

await main();

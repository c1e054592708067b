// Folder-level import graph of the app's sources, and its cycles. Used by the unit test
// `tests/unit/architecture/cycles.test.ts`; run by hand with `npx tsx scripts/import-graph.ts`
// to print the edges and any cycle.
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve, sep } from 'node:path';

/** Every static import, re-export, dynamic import() and require() with a relative specifier. */
const IMPORT = /(?:\bfrom\s*|\bimport\s*\(\s*|\brequire\s*\(\s*|^\s*import\s+)['"](\.{1,2}\/[^'"]*)['"]/gm;

export function relativeImports(source: string): string[] {
  const code = source.replace(/\/\*[\s\S]*?\*\//g, '').replace(/(^|[^:'"`])\/\/.*$/gm, '$1');
  return [...code.matchAll(IMPORT)].map((m) => m[1]);
}

/**
 * The folder a file belongs to, as the unit of layering: `main/<name>` (top-level files of `main/`
 * are their own unit, `main/services.ts` → `main/services`), `main/api/<sub>` inside the API, and the
 * first folder elsewhere (`renderer`, `preload`, `shared/<domain>` → `shared`).
 */
export function unitOf(file: string): string {
  const parts = file.split(sep).join('/').split('/');
  if (parts[0] !== 'main') return parts[0];
  if (parts.length === 2) return `main/${parts[1].replace(/\.ts$/, '')}`;
  if (parts[1] === 'api' && parts.length > 3) return `main/api/${parts[2]}`;
  return `main/${parts[1]}`;
}

function walk(dir: string): string[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir).flatMap((name) => {
    const full = join(dir, name);
    return statSync(full).isDirectory() ? walk(full) : /\.(ts|svelte)$/.test(name) && !name.endsWith('.d.ts') ? [full] : [];
  });
}

function resolveImport(root: string, from: string, spec: string): string | undefined {
  const base = resolve(dirname(join(root, from)), spec.replace(/\.js$/, ''));
  for (const candidate of [base, `${base}.ts`, `${base}.svelte`, join(base, 'index.ts')]) {
    if (existsSync(candidate) && statSync(candidate).isFile()) return relative(root, candidate);
  }
  return undefined;
}

export interface Edge {
  from: string;
  to: string;
  /** One file-level import that makes the edge, for the message. */
  via: string;
}

const SOURCE_DIRS = ['shared', 'main', 'preload', 'renderer'];

/** Every relative import between source files, as repository-relative paths with '/'. */
export function fileImports(root: string, dirs = SOURCE_DIRS): { file: string; target: string }[] {
  const posix = (p: string) => p.split(sep).join('/');
  return dirs
    .flatMap((d) => walk(join(root, d)))
    .map((f) => relative(root, f))
    .flatMap((file) =>
      relativeImports(readFileSync(join(root, file), 'utf8')).flatMap((spec) => {
        const target = resolveImport(root, file, spec);
        return target ? [{ file: posix(file), target: posix(target) }] : [];
      }),
    );
}

export function folderEdges(root: string, dirs = SOURCE_DIRS): Edge[] {
  const edges = new Map<string, Edge>();
  for (const { file, target } of fileImports(root, dirs)) {
    const [from, to] = [unitOf(file), unitOf(target)];
    const key = `${from} -> ${to}`;
    if (from !== to && !edges.has(key)) edges.set(key, { from, to, via: `${file} -> ${target}` });
  }
  return [...edges.values()];
}

/** Strongly connected components with more than one folder (Tarjan), each sorted. */
export function folderCycles(edges: Edge[]): string[][] {
  const next = new Map<string, string[]>();
  for (const e of edges) next.set(e.from, [...(next.get(e.from) ?? []), e.to]);
  const nodes = [...new Set(edges.flatMap((e) => [e.from, e.to]))];
  const index = new Map<string, number>();
  const low = new Map<string, number>();
  const stack: string[] = [];
  const onStack = new Set<string>();
  const out: string[][] = [];
  let counter = 0;
  const visit = (v: string): void => {
    index.set(v, counter);
    low.set(v, counter++);
    stack.push(v);
    onStack.add(v);
    for (const w of next.get(v) ?? []) {
      if (!index.has(w)) {
        visit(w);
        low.set(v, Math.min(low.get(v)!, low.get(w)!));
      } else if (onStack.has(w)) low.set(v, Math.min(low.get(v)!, index.get(w)!));
    }
    if (low.get(v) === index.get(v)) {
      const scc: string[] = [];
      let w: string;
      do {
        w = stack.pop()!;
        onStack.delete(w);
        scc.push(w);
      } while (w !== v);
      if (scc.length > 1) out.push(scc.sort());
    }
  };
  for (const v of nodes) if (!index.has(v)) visit(v);
  return out;
}

if (process.argv[1] && resolve(process.argv[1]) === resolve(import.meta.filename)) {
  const root = resolve(import.meta.dirname, '..');
  const edges = folderEdges(root);
  const cycles = folderCycles(edges);
  for (const e of edges.sort((a, b) => `${a.from}${a.to}`.localeCompare(`${b.from}${b.to}`))) {
    console.log(`${e.from} -> ${e.to}    (${e.via})`);
  }
  console.log(
    cycles.length ? `\n${cycles.length} cycle(s):\n${cycles.map((c) => '  ' + c.join(' <-> ')).join('\n')}` : '\nno folder-level cycles',
  );
  process.exitCode = cycles.length ? 1 : 0;
}

// Finds modules that import electron outside the shell. Shared by the layering test and its self-test.
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative, sep } from 'node:path';

const ELECTRON_IMPORT = /(?:from\s+|import\s*\(\s*|require\s*\(\s*|import\s+)['"](electron(?:\/[^'"]*)?)['"]/g;

/** The only places allowed to touch Electron: the shell and the preload. */
export function mayImportElectron(path: string): boolean {
  const p = path.split(sep).join('/');
  return p === 'main/index.ts' || p.startsWith('main/shell/') || p.startsWith('preload/');
}

export function electronImports(source: string): string[] {
  return [...source.matchAll(ELECTRON_IMPORT)].map((m) => m[1]);
}

function walk(dir: string): string[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir).flatMap((name) => {
    const full = join(dir, name);
    return statSync(full).isDirectory() ? walk(full) : /\.(ts|svelte|js|mjs|cjs)$/.test(name) ? [full] : [];
  });
}

export function layeringViolations(root: string, dirs = ['shared', 'main', 'renderer', 'preload']): string[] {
  return dirs
    .flatMap((d) => walk(join(root, d)))
    .map((file) => relative(root, file))
    .filter((file) => !mayImportElectron(file) && electronImports(readFileSync(join(root, file), 'utf8')).length > 0);
}

// No folder imports a folder that imports it back (directly or around a longer loop): each folder
// can be read, tested and moved knowing only what sits below it. scripts/import-graph.ts computes
// the graph (`npx tsx scripts/import-graph.ts` prints it).
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { folderCycles, folderEdges, relativeImports, unitOf } from '../../../scripts/import-graph';

const ROOT = resolve(import.meta.dirname, '../../..');
const edge = (from: string, to: string) => ({ from, to, via: `${from} -> ${to}` });

describe('folder-level import cycles', () => {
  it('finds none in the code base', () => {
    expect(folderCycles(folderEdges(ROOT))).toEqual([]);
  });

  it('finds a two-folder cycle and a longer loop, and ignores a chain', () => {
    expect(folderCycles([edge('main/api', 'main/archive'), edge('main/archive', 'main/api')])).toEqual([['main/api', 'main/archive']]);
    expect(folderCycles([edge('a', 'b'), edge('b', 'c'), edge('c', 'a'), edge('c', 'd')])).toEqual([['a', 'b', 'c']]);
    expect(folderCycles([edge('a', 'b'), edge('b', 'c'), edge('a', 'c')])).toEqual([]);
  });

  it('reads every form of relative import and skips comments and packages', () => {
    const source = [
      `import { a } from './a';`,
      `import type { B } from '../b';`,
      `export * from './c';`,
      `export { d } from "./d";`,
      `const e = await import('./e');`,
      `const f = require('./f');`,
      `import './g.css';`,
      `import { z } from 'zod';`,
      `// import { h } from './h';`,
      `/* import { i } from './i'; */`,
    ].join('\n');
    expect(relativeImports(source)).toEqual(['./a', '../b', './c', './d', './e', './f', './g.css']);
  });

  it('groups files into the folders the layers are made of', () => {
    expect(unitOf('main/services.ts')).toBe('main/services');
    expect(unitOf('main/archive/engine/journal.ts')).toBe('main/archive');
    expect(unitOf('main/api/handlers/editing.ts')).toBe('main/api/handlers');
    expect(unitOf('main/api/dispatch.ts')).toBe('main/api');
    expect(unitOf('renderer/views/Claims.svelte')).toBe('renderer');
  });
});

// The layer rule (eslint/layers.js, switched on in eslint.config.js) against files placed at real
// layer paths: each forbidden direction is reported, the allowed ones are not, and the real tree
// has no violation.
import { resolve } from 'node:path';
import { ESLint } from 'eslint';
import { beforeAll, describe, expect, it } from 'vitest';
import { forbiddenImport, layerOf } from '../../../eslint/layers.js';
import { fileImports } from '../../../scripts/import-graph';

const ROOT = resolve(import.meta.dirname, '../../..');
const LAYER_RULES = new Set(['layers/allowed-imports', 'no-restricted-imports']);

let eslint: ESLint;
beforeAll(() => {
  eslint = new ESLint({ cwd: ROOT, ruleFilter: ({ ruleId }) => LAYER_RULES.has(ruleId) });
});

/** The layer problems lint reports for `code` saved as `path`. */
async function layerProblems(path: string, code: string): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath: resolve(ROOT, path) });
  return result.messages.map((m) => `${m.ruleId}: ${m.message}`);
}

describe('lint fails on an import that points up the layers', () => {
  const violations: [string, string, string, RegExp][] = [
    [
      'the archive reaching a handler',
      'main/archive/probe.ts',
      `import { editingHandlers } from '../api/handlers/editing';\nexport const x = editingHandlers;\n`,
      /archive .* may not import api/,
    ],
    [
      'the archive reaching a capability',
      'main/archive/probe.ts',
      `export { exportReport } from '../reports';\n`,
      /archive .* may not import capabilities/,
    ],
    [
      'a capability reaching a use case',
      'main/reports/probe.ts',
      `export * from '../app/open-paths';\n`,
      /capabilities .* may not import app/,
    ],
    [
      'a use case reaching the API',
      'main/app/probe.ts',
      `const m = await import('../api/dispatch');\nexport default m;\n`,
      /app .* may not import api/,
    ],
    [
      'a handler reaching the composition root',
      'main/api/handlers/probe.ts',
      `import type { Services } from '../../services';\nexport type S = Services;\n`,
      /api .* may not import composition/,
    ],
    [
      'the CLI going around the use cases to a handler',
      'main/cli/commands/probe.ts',
      `import { editingHandlers } from '../../api/handlers/editing';\nexport const x = editingHandlers;\n`,
      /cli .* may not import api/,
    ],
    [
      'a domain type reaching the archive',
      'shared/probe.ts',
      `import type { Archive } from '../main/archive';\nexport type A = Archive;\n`,
      /domain .* may not import archive/,
    ],
    [
      'the renderer reaching main implementation',
      'renderer/lib/probe.ts',
      `import { openArchive } from '../../main/archive';\nexport const x = openArchive;\n`,
      /renderer .* may not import archive/,
    ],
    [
      'the renderer importing Node',
      'renderer/lib/probe.ts',
      `import { readFileSync } from 'node:fs';\nexport const x = readFileSync;\n`,
      /renderer runs in the browser as well/,
    ],
    [
      'a Svelte view reaching the services',
      'renderer/views/Probe.svelte',
      `<script lang="ts">\n  import type { Services } from '../../main/services';\n  let s: Services | undefined = $state();\n</script>\n<p>{s?.version}</p>\n`,
      /renderer .* may not import composition/,
    ],
    [
      'the preload reaching a handler',
      'preload/probe.ts',
      `const h = require('../main/api/handlers');\nexport default h;\n`,
      /preload .* may not import api/,
    ],
    [
      'the shell creating the services in the main process (they run in the host)',
      'main/shell/probe.ts',
      `import { createServices } from '../services';\nexport const x = createServices;\n`,
      /shell .* may not import composition/,
    ],
    [
      'the app importing training code',
      'main/extraction/probe.ts',
      `import { trainCheckworthy } from '../../scripts/training/ensemble';\nexport const x = trainCheckworthy;\n`,
      /capabilities .* may not import tools/,
    ],
    ['the CLI importing a benchmark', 'main/cli/probe.ts', `export * from '../../bench/eval-claims';\n`, /cli .* may not import tools/],
    [
      'core code importing electron',
      'main/archive/probe.ts',
      `import { app } from 'electron';\nexport const x = app;\n`,
      /Only the shell .* may import electron/,
    ],
  ];
  for (const [what, path, code, expected] of violations) {
    it(`reports ${what}`, async () => {
      const problems = await layerProblems(path, code);
      expect(problems).toHaveLength(1);
      expect(problems[0]).toMatch(expected);
    });
  }
});

describe('lint allows imports that point down', () => {
  const allowed: [string, string, string][] = [
    [
      'the shell using the services host and electron',
      'main/shell/probe.ts',
      `import { app } from 'electron';\nimport { connectServices } from '../host/client';\nexport const x = [app, connectServices];\n`,
    ],
    [
      'a handler using the archive and a use case',
      'main/api/handlers/probe.ts',
      `import { openArchive } from '../../archive';\nimport { acceptAbove } from '../../app/suggestions';\nexport const x = [openArchive, acceptAbove];\n`,
    ],
    [
      'the renderer using the contract',
      'renderer/lib/probe.ts',
      `import type { MethodName } from '../../main/api/contract';\nexport type M = MethodName;\n`,
    ],
    ['a capability using the archive', 'main/crossref/probe.ts', `import type { Archive } from '../archive';\nexport type A = Archive;\n`],
  ];
  for (const [what, path, code] of allowed) {
    it(`allows ${what}`, async () => {
      expect(await layerProblems(path, code)).toEqual([]);
    });
  }
});

describe('the code base', () => {
  // The same check as the lint rule, over every relative import of the tree (`npm run lint` runs
  // the rule itself on every file; this keeps the unit suite fast).
  it('has no layer violation', () => {
    const problems = fileImports(ROOT).flatMap(({ file, target }) => forbiddenImport(file, target) ?? []);
    expect(problems).toEqual([]);
  });

  it('puts every source folder in a layer', () => {
    const unplaced = fileImports(ROOT).flatMap(({ file }) => (layerOf(file) ? [] : [file]));
    expect([...new Set(unplaced)]).toEqual([]);
  });
});

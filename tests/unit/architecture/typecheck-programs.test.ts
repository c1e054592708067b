// The three type programs (tsconfig.node.json, tsconfig.web.json, tsconfig.tests.json) keep each
// runtime's globals where they exist: main has no DOM (no `document` at run time there), the
// renderer has no Node (no `process` in the sandboxed window), and tests keep both (they drive
// Chromium). Each probe is a file placed at a real path of its layer, checked with that program's
// options through the TypeScript compiler API; nothing is written to the tree.
import { resolve } from 'node:path';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';

const ROOT = resolve(import.meta.dirname, '../../..');

function optionsOf(config: string): ts.CompilerOptions {
  const parsed = ts.getParsedCommandLineOfConfigFile(
    resolve(ROOT, config),
    {},
    {
      ...ts.sys,
      onUnRecoverableConfigFileDiagnostic: (d) => {
        throw new Error(ts.flattenDiagnosticMessageText(d.messageText, '\n'));
      },
    },
  );
  if (!parsed) throw new Error(`cannot read ${config}`);
  return parsed.options;
}

/** The type errors of `code` saved as `path` (relative to the repository) under `config`. */
function typeErrors(config: string, path: string, code: string): string[] {
  const options = optionsOf(config);
  const file = resolve(ROOT, path);
  const host = ts.createCompilerHost(options);
  const { getSourceFile, fileExists, readFile } = host;
  host.getSourceFile = (name, lang, ...rest) =>
    resolve(name) === file ? ts.createSourceFile(name, code, lang) : getSourceFile.call(host, name, lang, ...rest);
  host.fileExists = (name) => resolve(name) === file || fileExists.call(host, name);
  host.readFile = (name) => (resolve(name) === file ? code : readFile.call(host, name));
  const program = ts.createProgram({ rootNames: [file], options, host });
  return ts
    .getPreEmitDiagnostics(program)
    .filter((d) => d.file && resolve(d.file.fileName) === file)
    .map((d) => ts.flattenDiagnosticMessageText(d.messageText, ' '));
}

describe('each program sees only the globals its runtime has', () => {
  it('main: `document` is an error (tsconfig.node.json has no DOM)', () => {
    const errors = typeErrors('tsconfig.node.json', 'main/util/probe.ts', 'export const title = document.title;\n');
    expect(errors).toEqual([expect.stringMatching(/Cannot find name 'document'/)]);
  });

  it('main: Node globals are fine', () => {
    expect(
      typeErrors('tsconfig.node.json', 'main/util/probe.ts', 'export const home = process.env.HOME ?? Buffer.from("x").toString();\n'),
    ).toEqual([]);
  });

  it('renderer: `process` is an error (tsconfig.web.json has no Node types)', () => {
    const errors = typeErrors('tsconfig.web.json', 'renderer/lib/probe.ts', 'export const env = process.env.NODE_ENV;\n');
    expect(errors).toEqual([expect.stringMatching(/Cannot find name 'process'/)]);
  });

  it('renderer: the DOM is fine', () => {
    expect(typeErrors('tsconfig.web.json', 'renderer/lib/probe.ts', 'export const title = document.title;\n')).toEqual([]);
  });

  it('tests: both, for the callbacks they run in Chromium', () => {
    const code = 'export const both = [process.pid, typeof document === "undefined" ? "" : document.title];\n';
    expect(typeErrors('tsconfig.tests.json', 'tests/e2e/probe.ts', code)).toEqual([]);
  });
});

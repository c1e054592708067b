// The layers of the code base and the directions imports may point, checked by the lint rule
// `layers/allowed-imports` (modelled on VS Code's local `code-layering` / `code-import-patterns` rules).
// A relative import is resolved to the file it names; the importing file's layer must list the
// target's layer in `mayImport` (a layer may always import itself). `eslint.config.js` switches the
// rule on; `tests/unit/architecture/layers.test.ts` checks that each forbidden direction is reported.
//
// Why a local rule rather than `no-restricted-imports`: that rule matches the specifier's text, and
// `../types` means a different file in each folder; resolving the path is what makes it exact.
import { dirname, relative, resolve, sep } from 'node:path';

/**
 * Lower layers first. `paths`: a folder (ends in `/`) or a file, relative to the repository root;
 * the longest matching path decides a file's layer. Files in no layer (tests, configs) are not
 * checked. `tools` (scripts/, bench/) is above everything and the rule does not run on it: it
 * is there so that no app layer may import a training script or a benchmark.
 */
export const LAYERS = [
  {
    name: 'base',
    what: 'helpers with no app knowledge, bundled models, the version',
    paths: ['main/util/', 'main/version.ts', 'resources/', 'package.json'],
    mayImport: [],
  },
  {
    name: 'domain',
    what: 'types, errors, limits, verdict scales and event names shared by main, preload and renderer',
    paths: ['shared/'],
    mayImport: ['base'],
    pure: true,
  },
  {
    name: 'archive',
    what: 'sql.js engine, journal, snapshots, backups, migrations, repositories, search',
    paths: ['main/archive/'],
    mayImport: ['domain', 'base'],
  },
  {
    name: 'capabilities',
    what: 'importers, extraction, crossref, reports, team sync: what the app can do with the archive',
    paths: ['main/importers/', 'main/extraction/', 'main/crossref/', 'main/reports/', 'main/sync/'],
    mayImport: ['archive', 'domain', 'base'],
  },
  {
    name: 'app',
    what: 'use cases both the window and the command line run: open paths, suggestion review, editing, merges',
    paths: ['main/app/'],
    mayImport: ['capabilities', 'archive', 'domain', 'base'],
  },
  {
    name: 'api',
    what: 'the contract, dispatch, thin handlers, change notifier',
    paths: ['main/api/'],
    mayImport: ['contract', 'app', 'capabilities', 'archive', 'domain', 'base'],
  },
  {
    name: 'composition',
    what: 'createServices(): wires archive, capabilities, use cases and the API into one object',
    paths: ['main/services.ts'],
    mayImport: ['api', 'contract', 'app', 'capabilities', 'archive', 'domain', 'base'],
  },
  {
    name: 'host',
    what: 'runs the composed services in their own thread or process and answers the window over a message port',
    paths: ['main/host/'],
    mayImport: ['composition', 'api', 'contract', 'app', 'capabilities', 'archive', 'domain', 'base'],
  },
  {
    name: 'cli',
    what: 'the `claimdesk` command line, over the same use cases',
    paths: ['main/cli/'],
    mayImport: ['composition', 'contract', 'app', 'capabilities', 'archive', 'domain', 'base'],
  },
  {
    name: 'shell',
    what: 'Electron only: windows, protocol, menus, dialogs, print, IPC; the services run in the host, never here',
    paths: ['main/shell/', 'main/index.ts'],
    mayImport: ['host', 'contract', 'domain', 'base'],
  },
  {
    name: 'preload',
    what: 'window.claimdesk in the sandboxed page',
    paths: ['preload/'],
    mayImport: ['contract', 'domain'],
  },
  {
    name: 'contract',
    what: 'method names, argument schemas and result types (the renderer and preload use its types)',
    paths: ['main/api/contract/'],
    mayImport: ['capabilities', 'domain', 'base'],
  },
  {
    name: 'renderer',
    what: 'Svelte views and state in the sandboxed window',
    paths: ['renderer/'],
    mayImport: ['contract', 'domain'],
    pure: true,
  },
  {
    name: 'tools',
    what: 'training, lexicon and icon scripts, evaluations and benchmarks: run by developers, never shipped',
    paths: ['scripts/', 'bench/'],
    mayImport: ['shell', 'cli', 'host', 'composition', 'api', 'contract', 'app', 'capabilities', 'archive', 'domain', 'base'],
  },
];

/**
 * Known edges that break the layering, each a [from, to] pair of repository paths (a folder ends in
 * `/`). Issue #18 removes them; an entry here is debt, never a way to add a new edge.
 */
export const DEBT = [];

const norm = (p) => p.split(sep).join('/');

function candidates(target) {
  return [target, `${target}.ts`, `${target}/index.ts`, target.replace(/\.js$/, '.ts')];
}

function matches(path, pattern) {
  return pattern.endsWith('/') ? `${path}/`.startsWith(pattern) : candidates(path).includes(pattern);
}

/** The layer of a repository-relative path (a file or an import's resolved target), or undefined. */
export function layerOf(path, layers = LAYERS) {
  let best;
  let bestLength = -1;
  for (const layer of layers) {
    for (const p of layer.paths) {
      if (matches(path, p) && p.length > bestLength) [best, bestLength] = [layer, p.length];
    }
  }
  return best;
}

/** Why `from` may not import `to` (repository-relative paths), or undefined when it may. */
export function forbiddenImport(from, to, layers = LAYERS, debt = DEBT) {
  const source = layerOf(from, layers);
  const target = layerOf(to, layers);
  if (!source || !target || source === target || source.mayImport.includes(target.name)) return undefined;
  if (debt.some(([f, t]) => matches(from, f) && matches(to, t))) return undefined;
  return `${source.name} (${from}) may not import ${target.name} (${to}): ${source.name} may import ${
    source.mayImport.length ? source.mayImport.join(', ') : 'nothing else'
  }. See CONTRIBUTING.md, Layers.`;
}

const NODE_BUILTIN = /^node:/;

/** @type {import('eslint').Rule.RuleModule} */
const allowedImports = {
  meta: {
    type: 'problem',
    docs: { description: 'Imports point down the layers in eslint/layers.js' },
    schema: [{ type: 'object', properties: { root: { type: 'string' } }, additionalProperties: false }],
    messages: {
      layer: '{{reason}}',
      impure: '{{layer}} runs in the browser as well: it may not import Node built-ins ({{spec}}).',
    },
  },
  create(context) {
    const root = context.options[0]?.root ?? context.cwd;
    const file = norm(relative(root, context.filename));
    const layer = layerOf(file);
    if (!layer) return {};
    const check = (node, spec) => {
      if (typeof spec !== 'string') return;
      if (layer.pure && NODE_BUILTIN.test(spec)) {
        context.report({ node, messageId: 'impure', data: { layer: layer.name, spec } });
        return;
      }
      if (!spec.startsWith('.')) return;
      const target = norm(relative(root, resolve(dirname(context.filename), spec)));
      const reason = forbiddenImport(file, target);
      if (reason) context.report({ node, messageId: 'layer', data: { reason } });
    };
    return {
      ImportDeclaration: (node) => check(node.source, node.source.value),
      ExportNamedDeclaration: (node) => node.source && check(node.source, node.source.value),
      ExportAllDeclaration: (node) => check(node.source, node.source.value),
      ImportExpression: (node) => node.source.type === 'Literal' && check(node.source, node.source.value),
      CallExpression: (node) => {
        if (node.callee.type === 'Identifier' && node.callee.name === 'require' && node.arguments[0]?.type === 'Literal') {
          check(node.arguments[0], node.arguments[0].value);
        }
      },
    };
  },
};

export default { meta: { name: 'claimdesk-layers' }, rules: { 'allowed-imports': allowedImports } };

// Lint: TypeScript + Svelte, plus the layering rules: only the Electron shell may import electron,
// and imports point down the layers of eslint/layers.js.
import js from '@eslint/js';
import ts from 'typescript-eslint';
import svelte from 'eslint-plugin-svelte';
import globals from 'globals';
import layers from './eslint/layers.js';

const electronOnlyInShell = {
  'no-restricted-imports': [
    'error',
    {
      paths: [
        {
          name: 'electron',
          message: 'Only the shell (main/index.ts, main/shell/**, preload/) may import electron: keep core logic runnable in Node.',
        },
      ],
      patterns: [{ group: ['electron/*'], message: 'Only the shell may import electron.' }],
    },
  ],
};

export default ts.config(
  { ignores: ['out/**', 'dist/**', 'node_modules/**', '.cache/**', 'test-results/**', 'playwright-report/**'] },
  js.configs.recommended,
  ...ts.configs.recommended,
  ...svelte.configs['flat/recommended'],
  {
    languageOptions: { globals: { ...globals.node, ...globals.browser } },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      'no-empty-pattern': 'off',
    },
  },
  {
    files: ['**/*.svelte', '**/*.svelte.ts'],
    languageOptions: { parserOptions: { parser: ts.parser, extraFileExtensions: ['.svelte'] } },
  },
  {
    files: ['shared/**/*.ts', 'main/**/*.ts', 'renderer/**/*', 'tests/**/*.ts', 'bench/**/*.ts', 'scripts/**/*.ts'],
    rules: electronOnlyInShell,
  },
  { files: ['main/index.ts', 'main/shell/**/*.ts', 'tests/electron/**/*.ts'], rules: { 'no-restricted-imports': 'off' } },
  // The renderer loads data one way (renderer/lib/query.svelte.ts; CONTRIBUTING.md): no fake
  // dependencies to make an effect rerun, no failure swallowed.
  {
    files: ['renderer/**/*.ts', 'renderer/**/*.svelte'],
    rules: {
      'no-restricted-syntax': [
        'error',
        {
          selector: "ExpressionStatement > UnaryExpression[operator='void'][argument.type=/^(Identifier|MemberExpression)$/]",
          message: 'A fake dependency (`void x;`): read the value where it is used, or derive what depends on it.',
        },
        {
          selector:
            "CallExpression[callee.property.name='catch'] > ArrowFunctionExpression[body.type='BlockStatement'][body.body.length=0]",
          message: 'A swallowed failure (`.catch(() => {})`): show it (a Query error, ErrorNote or a toast).',
        },
      ],
    },
  },
  // Imports point down the layers (eslint/layers.js; CONTRIBUTING.md, Layers).
  {
    files: ['shared/**/*.ts', 'main/**/*.ts', 'preload/**/*.ts', 'renderer/**/*.ts', 'renderer/**/*.svelte'],
    plugins: { layers },
    rules: { 'layers/allowed-imports': ['error', { root: import.meta.dirname }] },
  },
);

// @ts-check
// `npm run lint` (and so `npm test`) fails on any finding here.
import tseslint from 'typescript-eslint';
import regexp from 'eslint-plugin-regexp';

/** Runtimes that are not the engine's: the engine and the shared module are pure. */
const IO_MODULES = ['vscode', 'vscode-*', 'fs', 'node:*', 'path', 'child_process', 'os', 'worker_threads'];

/** `import x from '…'` patterns for "nothing of the server but its shared module". */
const SERVER_INTERNALS = ['**/server/src/engine', '**/server/src/engine/**', '**/server/src/lsp', '**/server/src/lsp/**', '**/server/src/cli', '**/server/src/cli/**'];

export default tseslint.config(
  { ignores: ['out/**', 'dist/**', 'node_modules/**', '.vscode-test/**', 'test-results/**', '.cache/**', '*.vsix'] },
  ...tseslint.configs.recommended,
  regexp.configs['flat/recommended'],
  {
    rules: {
      // Catastrophic backtracking is a denial of service on a 10 MB letter.
      'regexp/no-super-linear-backtracking': 'error',
      'regexp/no-super-linear-move': 'error',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_' }],
    },
  },
  // Type-aware rules on every TypeScript file (tsconfig.json's project). A promise nobody awaits
  // or catches is an unhandled rejection in the language server (no-floating-promises), and an
  // async function where a callback's result is ignored loses its errors (no-misused-promises).
  ...tseslint.configs.recommendedTypeChecked.map((config) => ({ ...config, files: ['**/*.ts'] })),
  {
    files: ['**/*.ts'],
    languageOptions: { parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname } },
    rules: {
      // An Item or a Field is a class whose ranges are prototype getters: `{...item}` would drop them.
      '@typescript-eslint/no-misused-spread': 'error',
    },
  },
  {
    // node:test's test() and describe() return promises the runner itself awaits.
    files: ['test/**/*.ts', 'bench/**/*.ts'],
    rules: {
      '@typescript-eslint/no-floating-promises': [
        'error',
        { allowForKnownSafeCalls: [{ from: 'package', package: 'node:test', name: ['test', 'describe', 'it', 'suite', 'before', 'after', 'beforeEach', 'afterEach'] }] },
      ],
    },
  },
  {
    // The engine is pure: a string in, plain data out. It may use the shared module's constants.
    files: ['server/src/engine/**/*.ts'],
    rules: {
      'no-restricted-imports': ['error', { patterns: [...IO_MODULES, '**/lsp', '**/lsp/**', '**/cli', '**/cli/**'] }],
      'no-restricted-globals': ['error', 'process', 'require'],
    },
  },
  {
    // Shared by the client, the server and the CLI: plain constants, types and pure functions.
    files: ['server/src/shared/**/*.ts'],
    rules: {
      'no-restricted-imports': ['error', { patterns: [...IO_MODULES, '../*'] }],
      'no-restricted-globals': ['error', 'process', 'require'],
    },
  },
  {
    // An LSP feature is a pure function from the analysis to LSP types (tested in-process): it
    // reads no file and never reaches for the wiring (server.ts, transport.ts, main.ts).
    files: ['server/src/lsp/features/**/*.ts'],
    rules: {
      'no-restricted-imports': ['error', { patterns: [{ group: ['fs', 'node:*', 'path', 'child_process', 'os', 'worker_threads', 'vscode-languageserver/node', '../server', '../transport', '../main'], message: 'lsp/features/ holds pure features; the wiring lives in server/src/lsp/ (see ARCHITECTURE.md).' }] }],
    },
  },
  {
    // The extension client never pulls the server's code into its bundle: only server/src/shared.
    files: ['client/src/**/*.ts'],
    rules: {
      'no-restricted-imports': ['error', { patterns: [{ group: SERVER_INTERNALS, message: 'The client imports only server/src/shared (see ARCHITECTURE.md).' }] }],
    },
  },
);

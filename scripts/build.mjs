// Bundles and compiles everything: the server and CLI as self-contained CommonJS bundles for
// Node 20, the extension client with `vscode` external, and the tests compiled by tsc.
import { build } from 'esbuild';
import { execFileSync } from 'node:child_process';
import { rmSync } from 'node:fs';

const common = { bundle: true, platform: 'node', target: 'node20', format: 'cjs', sourcemap: true, logLevel: 'warning' };

await Promise.all([
  build({ ...common, entryPoints: ['server/src/lsp/main.ts'], outfile: 'dist/server.js' }),
  build({ ...common, entryPoints: ['server/src/cli/main.ts'], outfile: 'dist/cli.js' }),
  build({ ...common, entryPoints: ['client/src/extension.ts'], outfile: 'dist/extension.js', external: ['vscode'] }),
  build(pdfWorker('dist/pdf-worker.js')),
]);
// Tests and tools run from tsc's output so stack traces map to sources one to one. The output
// is emptied first: a test renamed or deleted in the sources must not run from a stale copy.
rmSync('out', { recursive: true, force: true });
execFileSync(process.execPath, ['node_modules/typescript/bin/tsc', '-p', '.'], { stdio: 'inherit' });
// The PDF reader starts pdf-worker.js beside itself: the compiled tests get their own copy.
await build(pdfWorker('out/server/src/pdf/pdf-worker.js'));

/**
 * The PDF worker: pdf.js (legacy build, ES modules) and its worker code in one CommonJS file,
 * loaded only when the first PDF is read. pdf.js's `import.meta.url` only serves to find the
 * optional native canvas package, which text extraction does not need: it is left undefined.
 */
function pdfWorker(outfile) {
  return { ...common, entryPoints: ['server/src/pdf/worker.ts'], outfile, define: { 'import.meta.url': 'undefined' } };
}

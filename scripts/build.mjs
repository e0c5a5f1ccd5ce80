// Bundles and compiles everything: the server and CLI as self-contained CommonJS bundles for
// Node 20, the extension client with `vscode` external, and the tests compiled by tsc.
import { build } from 'esbuild';
import { execFileSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

const common = { bundle: true, platform: 'node', target: 'node20', format: 'cjs', sourcemap: true, logLevel: 'warning' };

const bundles = await Promise.all([
  build({ ...common, metafile: true, entryPoints: ['server/src/lsp/main.ts'], outfile: 'dist/server.js' }),
  build({ ...common, metafile: true, entryPoints: ['server/src/cli/main.ts'], outfile: 'dist/cli.js' }),
  build({ ...common, metafile: true, entryPoints: ['client/src/extension.ts'], outfile: 'dist/extension.js', external: ['vscode'] }),
  build({ ...pdfWorker('dist/pdf-worker.js'), metafile: true }),
]);
writeNotices(bundles, 'dist/THIRD-PARTY-NOTICES.txt');
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

/**
 * The licence of every npm package the bundles contain (read from esbuild's list of inputs),
 * for the .vsix and the CLI: name, version, licence and its full text.
 */
function writeNotices(results, outfile) {
  const packages = new Map();
  for (const { metafile } of results) {
    for (const input of Object.keys(metafile.inputs)) {
      const match = /node_modules\/((?:@[^/]+\/)?[^/]+)\//.exec(input);
      if (match) packages.set(match[1], join(input.slice(0, match.index), 'node_modules', match[1]));
    }
  }
  const sections = [...packages].sort(([a], [b]) => (a < b ? -1 : 1)).map(([name, dir]) => {
    const manifest = JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8'));
    const licenseFile = readdirSync(dir).find((f) => /^(?:licen[cs]e|copying)(?:\.(?:md|txt))?$/i.test(f));
    if (!licenseFile) throw new Error(`${name} has no licence file to ship in the notices`);
    const text = readFileSync(join(dir, licenseFile), 'utf8').trim();
    return `${name} ${manifest.version} (${manifest.license})\n${'-'.repeat(72)}\n${text}\n`;
  });
  const head = 'imr-letters bundles the following third-party packages, under these licences.\n\n';
  writeFileSync(outfile, head + sections.join('\n\n'));
  if (!existsSync(outfile)) throw new Error(`${outfile} was not written`);
}

// Bundles and compiles everything: the server and CLI as self-contained CommonJS bundles for
// Node 20, the extension client with `vscode` external, and the tests and tools into out/.
//
//   node scripts/build.mjs          the full build (npm run build, npm test, CI, packaging):
//                                   every bundle rebuilt, out/ compiled by tsc
//   node scripts/build.mjs --fast   the build of `npm run test:fast`: out/ compiled by esbuild
//                                   (one file to one file, no type check: `npm run lint` type-checks),
//                                   and a bundle rebuilt only when one of its inputs changed
//   node scripts/build.mjs --list-sources   prints the files compiled to out/, and builds nothing
import { build } from 'esbuild';
import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync, mkdirSync } from 'node:fs';
import { dirname, join } from 'node:path';

const fast = process.argv.includes('--fast');
if (process.argv.includes('--list-sources')) {
  process.stdout.write(sourceFiles().join('\n') + '\n');
  process.exit(0);
}
const common = { bundle: true, platform: 'node', target: 'node20', format: 'cjs', sourcemap: true, logLevel: 'warning' };

// The PDF worker bundle's copy for the compiled tests and tools (below) is written from dist/.
const PDF_WORKER = 'dist/pdf-worker.js';
// The bundles and out/ are built at the same time (esbuild works in its own process). A new
// bundle goes through bundle(), so that the fast build skips it when nothing it reads changed.
const [bundles] = await Promise.all([
  Promise.all([
    bundle({ ...common, entryPoints: ['server/src/lsp/main.ts'], outfile: 'dist/server.js' }),
    bundle({ ...common, entryPoints: ['server/src/cli/main.ts'], outfile: 'dist/cli.js' }),
    bundle({ ...common, entryPoints: ['client/src/extension.ts'], outfile: 'dist/extension.js', external: ['vscode'] }),
    bundle(pdfWorker(PDF_WORKER)),
  ]),
  compileOut(),
]);
writeNotices(bundles, 'dist/THIRD-PARTY-NOTICES.txt');
// The PDF reader starts pdf-worker.js beside itself: the compiled tests get their own copy of the
// bundle, without its source map. The tests run with --enable-source-maps (run-tests.mjs), and
// every worker would parse the 7 MB map of pdf.js: 2.5 s more CPU per test:fast, measured.
writeFileSync('out/server/src/pdf/pdf-worker.js', readFileSync(PDF_WORKER, 'utf8').replace(/\/\/# sourceMappingURL=\S+\s*$/, ''));

/**
 * Tests and tools run from out/, one compiled file per source file, so stack traces map to
 * sources one to one. The output is emptied first: a test renamed or deleted in the sources must
 * not run from a stale copy. The full build compiles with tsc; --fast transforms the same files
 * (tsconfig.json's include and exclude, listed by sourceFiles) with esbuild, which does not
 * type-check: a few hundred milliseconds instead of about ten seconds of CPU.
 */
async function compileOut() {
  rmSync('out', { recursive: true, force: true });
  if (!fast) {
    execFileSync(process.execPath, ['node_modules/typescript/bin/tsc', '-p', '.'], { stdio: 'inherit' });
    return;
  }
  await build({ entryPoints: sourceFiles(), outdir: 'out', outbase: '.', platform: 'node', target: 'node20', format: 'cjs', sourcemap: true, logLevel: 'warning' });
}

/**
 * The files tsc compiles to out/: tsconfig.json's include (folders, and scripts/*.ts) minus its
 * exclude, without declaration files. test/packaging/build.test.ts holds this list to tsc's own.
 */
function sourceFiles() {
  const config = JSON.parse(readFileSync('tsconfig.json', 'utf8'));
  const excluded = new Set(config.exclude);
  const files = [];
  const walk = (dir) => {
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      const path = join(dir, entry.name);
      if (excluded.has(path)) continue;
      if (entry.isDirectory()) walk(path);
      else if (entry.name.endsWith('.ts') && !entry.name.endsWith('.d.ts')) files.push(path);
    }
  };
  for (const pattern of config.include) {
    if (pattern.endsWith('/*.ts')) {
      const dir = pattern.slice(0, -'/*.ts'.length);
      for (const name of readdirSync(dir)) if (name.endsWith('.ts') && !name.endsWith('.d.ts')) files.push(join(dir, name));
    } else {
      walk(pattern);
    }
  }
  return files.sort();
}

/**
 * One bundle. With --fast, a bundle is left as it is when the inputs esbuild read last time (its
 * metafile, kept in dist/.inputs/) have the same contents, as well as this script, package.json,
 * package-lock.json and tsconfig.json, and the bundle is the one that build wrote: a test run
 * after editing a test rebuilds no bundle.
 */
async function bundle(options) {
  const stampFile = join('dist', '.inputs', `${options.outfile.replace(/^dist\//, '')}.json`);
  const key = JSON.stringify(options);
  if (fast && existsSync(options.outfile) && existsSync(`${options.outfile}.map`) && existsSync(stampFile)) {
    const stamp = JSON.parse(readFileSync(stampFile, 'utf8'));
    const unchanged = stamp.key === key && stamp.written === writtenAt(options.outfile) && stamp.hash === hashInputs(Object.keys(stamp.metafile.inputs));
    if (unchanged) return { metafile: stamp.metafile };
  }
  const result = await build({ ...options, metafile: true });
  mkdirSync(dirname(stampFile), { recursive: true });
  const stamp = { key, written: writtenAt(options.outfile), hash: hashInputs(Object.keys(result.metafile.inputs)), metafile: result.metafile };
  writeFileSync(stampFile, JSON.stringify(stamp));
  return result;
}

/** When the bundle and its map were written: a bundle written by anything else is rebuilt. */
function writtenAt(outfile) {
  return `${statSync(outfile).mtimeMs} ${statSync(`${outfile}.map`).mtimeMs}`;
}

/** A hash of the contents of these inputs and of what configures every build; null when one is gone. */
function hashInputs(inputs) {
  const hash = createHash('sha256');
  for (const file of [...inputs, 'scripts/build.mjs', 'package.json', 'package-lock.json', 'tsconfig.json']) {
    if (!existsSync(file) || !statSync(file).isFile()) return null;
    hash.update(file).update('\0').update(readFileSync(file)).update('\0');
  }
  return hash.digest('hex');
}

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

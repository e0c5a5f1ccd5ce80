// Globals pdf.js's legacy build expects of a browser, defined before it loads (worker.ts imports
// this module first). Text extraction never draws, so these only have to exist: without them
// pdf.js fails at load with "DOMMatrix is not defined" unless the optional native canvas package
// happens to be installed (it is not a dependency of imr-letters). Only the PDF worker thread's
// globals are touched; the CLI, the server and the extension host keep theirs.
const g = globalThis as Record<string, unknown>;

class DOMMatrixShim {
  a = 1;
  b = 0;
  c = 0;
  d = 1;
  e = 0;
  f = 0;
  constructor(init?: number[]) {
    if (Array.isArray(init) && init.length >= 6) [this.a, this.b, this.c, this.d, this.e, this.f] = init;
  }
}

class Unused {}

g.DOMMatrix ??= DOMMatrixShim;
g.ImageData ??= Unused;
g.Path2D ??= Unused;
if (typeof g.navigator !== 'object' || g.navigator === null || !('language' in g.navigator)) {
  try {
    g.navigator = { language: 'en-US', platform: '', userAgent: '' };
  } catch {
    // Node 21+ defines a read-only navigator with a language: pdf.js is content with it.
  }
}

// pdf.js writes warnings to the console as it loads and reads (verbosity applies only once a
// document is opened). A worker's console is the user's terminal: in imr-lint's JSON output or a
// language server's stdio that is corruption, and it may quote a letter. Failures reach the
// caller as results, so this thread's console, and its stdout and stderr (the process's, by
// default), are silenced.
const quiet = (): void => undefined;
for (const name of ['log', 'info', 'warn', 'error', 'debug', 'trace'] as const) console[name] = quiet;
const dropped = (() => true) as typeof process.stdout.write;
process.stdout.write = dropped;
process.stderr.write = dropped;

export {};

// Turns the paths on the command line into the list of letter files to lint: folders are
// walked for .imr, .txt and .pdf files, symbolic links are followed once (a link back into an
// ancestor folder is a loop and is skipped), and every file is listed once, in sorted order.
import { promises as fs, type Dirent, type Stats } from 'node:fs';
import * as path from 'node:path';
import { errorCode, ioErrorReason } from '../ioErrors';

export interface LetterFile {
  /** Absolute path, as reached (through links). */
  absPath: string;
  /** What the user sees: relative to the working folder when inside it. */
  display: string;
}

export interface InputProblem {
  display: string;
  message: string;
  /** True when an input could not be read at all: the run then exits 2. */
  fatal: boolean;
}

export interface Discovery {
  files: LetterFile[];
  problems: InputProblem[];
}

const LETTER_EXTENSIONS = new Set(['.imr', '.txt', '.pdf']);
const SKIPPED_FOLDERS = new Set(['node_modules', '.git']);

export function isLetterFileName(name: string): boolean {
  return LETTER_EXTENSIONS.has(path.extname(name).toLowerCase());
}

export function displayPath(absPath: string, cwd: string): string {
  const rel = path.relative(cwd, absPath);
  return rel === '' ? '.' : isOutside(rel) ? absPath : rel;
}

interface Candidate extends LetterFile {
  /** Resolved path, to list a file reached twice (overlapping arguments, links) only once. */
  realPath: string;
}

export async function discover(args: readonly string[], cwd: string): Promise<Discovery> {
  const candidates: Candidate[] = [];
  const problems: InputProblem[] = [];
  /** Real paths of folders already walked, so that two links to one folder walk it once. */
  const walked = new Set<string>();

  const problem = (absPath: string, message: string, fatal: boolean): void => {
    problems.push({ display: displayPath(absPath, cwd), message, fatal });
  };
  const add = (absPath: string, realPath: string): void => {
    candidates.push({ absPath, realPath, display: displayPath(absPath, cwd) });
  };

  async function walk(dir: string, realDir: string): Promise<void> {
    if (walked.has(realDir)) return;
    walked.add(realDir);
    let entries: Dirent[];
    try {
      entries = await fs.readdir(dir, { withFileTypes: true });
    } catch (err) {
      problem(dir, `cannot read folder (${ioErrorReason(err)})`, true);
      return;
    }
    entries.sort((a, b) => compareStrings(a.name, b.name));
    for (const entry of entries) {
      const abs = path.join(dir, entry.name);
      const real = path.join(realDir, entry.name);
      if (entry.isDirectory()) {
        if (!SKIPPED_FOLDERS.has(entry.name)) await walk(abs, real);
      } else if (entry.isFile()) {
        if (isLetterFileName(entry.name)) add(abs, real);
      } else if (entry.isSymbolicLink()) {
        await followLink(abs, entry.name, realDir);
      } else if (isLetterFileName(entry.name)) {
        problem(abs, 'not a regular file, skipped', true);
      }
    }
  }

  async function followLink(abs: string, name: string, realParent: string): Promise<void> {
    let stats: Stats;
    let real: string;
    try {
      stats = await fs.stat(abs);
      real = await fs.realpath(abs);
    } catch (err) {
      // A dangling link only matters when it names a letter file.
      if (isLetterFileName(name)) problem(abs, `cannot read (${ioErrorReason(err)})`, true);
      return;
    }
    if (stats.isDirectory()) {
      if (SKIPPED_FOLDERS.has(name)) return;
      if (isSameOrAncestor(real, realParent)) {
        problem(abs, 'symbolic link loop (links back to a folder above it), skipped', false);
        return;
      }
      await walk(abs, real);
    } else if (isLetterFileName(name)) {
      if (stats.isFile()) add(abs, real);
      else problem(abs, 'not a regular file, skipped', true);
    }
  }

  for (const arg of args) {
    const abs = path.resolve(cwd, arg);
    let stats: Stats;
    try {
      stats = await fs.stat(abs);
    } catch (err) {
      const code = errorCode(err);
      const dangling = code === 'ENOENT' && (await fs.lstat(abs).then(() => true, () => false));
      const message =
        code === 'ENOENT' && !dangling ? 'no such file or folder' : `cannot read (${ioErrorReason(err)})`;
      problems.push({ display: arg, message, fatal: true });
      continue;
    }
    let real: string;
    try {
      real = await fs.realpath(abs);
    } catch (err) {
      problems.push({ display: arg, message: `cannot read (${ioErrorReason(err)})`, fatal: true });
      continue;
    }
    if (stats.isDirectory()) await walk(abs, real);
    else if (stats.isFile()) add(abs, real); // named explicitly: linted whatever its extension
    else problems.push({ display: arg, message: 'not a regular file, skipped', fatal: true });
  }

  candidates.sort((a, b) => comparePaths(a.display, b.display));
  const seen = new Set<string>();
  const files: LetterFile[] = [];
  for (const c of candidates) {
    if (seen.has(c.realPath)) continue;
    seen.add(c.realPath);
    files.push({ absPath: c.absPath, display: c.display });
  }
  return { files, problems };
}

function isSameOrAncestor(folder: string, of: string): boolean {
  const rel = path.relative(folder, of);
  return rel === '' || !isOutside(rel);
}

/** True when a path.relative() result leaves its base folder. */
function isOutside(rel: string): boolean {
  return rel === '..' || rel.startsWith('..' + path.sep) || path.isAbsolute(rel);
}

function compareStrings(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** Folder by folder, so that "a/z.txt" sorts before "a-b/c.txt" and "a.txt". */
function comparePaths(a: string, b: string): number {
  const pa = a.split(path.sep);
  const pb = b.split(path.sep);
  for (let i = 0; i < Math.min(pa.length, pb.length); i++) {
    const c = compareStrings(pa[i], pb[i]);
    if (c !== 0) return c;
  }
  return pa.length - pb.length;
}


// --shard I/N: a deterministic share of the files, so that N machines or jobs split an archive.
// A file's shard depends only on its path as shown (relative to the working folder), hashed, so
// it does not change with the order the files are listed or found in, and every file falls in
// exactly one shard. Numbered from 1, as Jest and Playwright number their shards.
import { createHash } from 'node:crypto';

export interface Shard {
  /** 1-based. */
  index: number;
  count: number;
}

export const MAX_SHARDS = 100_000;

/** Parses "I/N"; returns an error message when invalid. */
export function parseShard(value: string): Shard | string {
  const m = /^(\d{1,6})\/(\d{1,6})$/.exec(value.trim());
  const bad = `--shard needs I/N with 1 <= I <= N <= ${MAX_SHARDS}, not "${value}"`;
  if (!m) return bad;
  const index = Number(m[1]);
  const count = Number(m[2]);
  if (count < 1 || count > MAX_SHARDS || index < 1 || index > count) return bad;
  return { index, count };
}

/** The 1-based shard a path falls in: the first 6 bytes of its SHA-256, modulo N. */
export function shardOf(display: string, count: number): number {
  const key = display.replace(/\\/g, '/');
  const digest = createHash('sha256').update(key, 'utf8').digest();
  return (digest.readUIntBE(0, 6) % count) + 1;
}

export function inShard(display: string, shard: Shard | null): boolean {
  return shard === null || shardOf(display, shard.count) === shard.index;
}

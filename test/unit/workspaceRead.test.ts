// A lint worker reads a workspace file synchronously (readTextCandidateSync); the server's thread
// reads it through the event loop (readTextCandidate). Both must give the same answer for every
// kind of file a folder holds, and neither may wait on a named pipe.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, truncateSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { decodeLetter } from '../../server/src/cli/read';
import { MAX_WORKSPACE_FILE_BYTES, ReadPace, readTextCandidate, readTextCandidateSync } from '../../server/src/lsp/workspaceFiles';
import { readFixture } from '../support/fixtures';

const LETTER = readFixture('clean-single-spaced.txt').text;
const ACCENTED = LETTER + '\nReviewed by Dr. Zoë Núñez – “final”\n';

describe('reading a workspace file in a lint worker', () => {
  it('gives what the event-loop read gives, for every kind of file', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'imr-read-'));
    try {
      const files: Record<string, string | Buffer> = {
        'ascii.imr': LETTER,
        'accented.imr': ACCENTED,
        'letter.txt': LETTER,
        'notes.txt': 'Shopping list: milk, eggs.\n',
        'utf16.imr': Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(ACCENTED, 'utf16le')]),
        'invalid-utf8.imr': Buffer.concat([Buffer.from(LETTER), Buffer.from([0xc3, 0x28])]),
        'binary.imr': Buffer.from(Array.from({ length: 4096 }, (_, i) => i % 256)),
        'empty.imr': '',
      };
      for (const [name, content] of Object.entries(files)) writeFileSync(join(dir, name), content);
      // One byte over the limit, without writing 10 MB.
      writeFileSync(join(dir, 'huge.imr'), '');
      truncateSync(join(dir, 'huge.imr'), MAX_WORKSPACE_FILE_BYTES + 1);
      mkdirSync(join(dir, 'folder.imr'));
      const names = [...Object.keys(files), 'huge.imr', 'folder.imr', 'missing.imr'];
      const expected: Record<string, string | null> = {
        'ascii.imr': LETTER,
        'accented.imr': ACCENTED,
        'letter.txt': LETTER,
        'notes.txt': null,
        'utf16.imr': ACCENTED,
        'invalid-utf8.imr': LETTER + '\ufffd(',
        'binary.imr': null,
        'empty.imr': '',
        'huge.imr': null,
        'folder.imr': null,
        'missing.imr': null,
      };
      for (const name of names) {
        const file = join(dir, name);
        const sync = readTextCandidateSync(file);
        assert.equal(sync, await readTextCandidate(file), `${name}: the two reads agree`);
        assert.equal(sync, expected[name], name);
        assert.equal(await new ReadPace().read(file), sync, `${name}: a worker's paced read agrees`);
      }
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('does not wait on a named pipe called .imr', { skip: process.platform === 'win32' ? 'no mkfifo on Windows' : false }, () => {
    const dir = mkdtempSync(join(tmpdir(), 'imr-read-'));
    try {
      const fifo = join(dir, 'pipe.imr');
      assert.equal(spawnSync('mkfifo', [fifo]).status, 0, 'mkfifo made the pipe');
      // In a child process: a read that waits for a writer would block this test's thread for ever.
      const module = require.resolve('../../server/src/lsp/workspaceFiles');
      const child = spawnSync(process.execPath, ['-e', `process.stdout.write(String(require(${JSON.stringify(module)}).readTextCandidateSync(${JSON.stringify(fifo)})))`], { timeout: 10_000, encoding: 'utf8' });
      assert.equal(child.signal, null, 'the read returned (the child was not killed at the timeout)');
      assert.equal(child.stdout, 'null');
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe('the pace of the reads of a lint worker', () => {
  const times = (count: number, ms: number): number[] => Array.from({ length: count }, () => ms);
  const paced = (reads: number[]): boolean => {
    const pace = new ReadPace();
    for (const ms of reads) pace.record(ms);
    return pace.sync;
  };

  it('stays synchronous while files come fast, a slow read now and then included', () => {
    assert.equal(paced(times(1000, 0.06)), true);
    // A worker set aside by the scheduler in the middle of reads: 5 reads in 16 take 10 ms.
    assert.equal(paced(Array.from({ length: 160 }, (_, i) => (i % 16 < 5 ? 10 : 0.06))), true);
  });

  it('reads concurrently for good once a run of reads is slow on average (a network share)', () => {
    assert.equal(paced([...times(64, 0.06), ...times(16, 3)]), false);
    assert.equal(paced([...times(16, 3), ...times(1000, 0.06)]), false, 'it does not switch back');
    assert.equal(paced(times(15, 3)), true, 'judged on 16 reads, not fewer');
    assert.equal(paced(Array.from({ length: 16 }, (_, i) => (i < 9 ? 2 : 0.06))), false, 'most reads slow');
  });
});

describe('decoding a letter', () => {
  it('reads plain ASCII as UTF-8 decoding does', () => {
    const bytes = Buffer.from(LETTER);
    assert.deepEqual(decodeLetter(bytes), { kind: 'text', text: new TextDecoder('utf-8').decode(bytes), warning: null });
    assert.deepEqual(decodeLetter(bytes.subarray(5, 400)), { kind: 'text', text: LETTER.slice(5, 400), warning: null }, 'a view into a larger buffer');
  });
});

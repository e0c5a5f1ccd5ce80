// The workspace walk lists a folder's letter files in the order sort() gives their paths (the
// scan records letters in that order and imr.workspace.maxLetters keeps the first ones), with
// no sort of the whole list: a folder's name sorts as if followed by the separator.
import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import type { RemoteConsole } from 'vscode-languageserver';
import { Log } from '../../server/src/lsp/log';
import { walk } from '../../server/src/lsp/workspaceFiles';

const quiet = new Log({ error() {}, warn() {}, info() {}, log() {} } as unknown as RemoteConsole);

describe('workspace walk', () => {
  it('lists letter files in code-unit order of their paths, skipped folders and links left out', async () => {
    const root = mkdtempSync(join(tmpdir(), 'imr-walk-'));
    try {
      // '-' (0x2d) and '.' (0x2e) sort before '/' (0x2f), and capitals before small letters.
      const files = ['a/x.imr', 'a-b.txt', 'a.imr', 'a/b/c.pdf', 'ab/z.imr', 'B.IMR', 'b.txt', 'é/1.imr', 'e/9.imr', 'a/b-c/d.imr', 'note.md', 'node_modules/x.imr', '.git/y.imr'];
      for (const file of files) {
        mkdirSync(join(root, file, '..'), { recursive: true });
        writeFileSync(join(root, file), 'x');
      }
      symlinkSync(join(root, 'a'), join(root, 'link'));
      const found: string[] = [];
      await walk(root, found, quiet);
      const expected = files.filter((f) => /\.(?:imr|txt|pdf)$/i.test(f) && !f.startsWith('node_modules/') && !f.startsWith('.git/')).map((f) => join(root, f)).sort();
      assert.deepEqual(found, expected);
    } finally {
      rmSync(root, { recursive: true, force: true });
    }
  });

  it('yields to the event loop while it walks a big folder', async () => {
    const root = mkdtempSync(join(tmpdir(), 'imr-walk-'));
    try {
      for (let i = 0; i < 1000; i++) writeFileSync(join(root, `l${i}.imr`), 'x');
      // What other work sees of the walk between turns: with no yield, only 0 and then 1000.
      const seen = new Set<number>();
      const found: string[] = [];
      let walking = true;
      const tick = (): void => {
        seen.add(found.length);
        if (walking) setImmediate(tick);
      };
      tick();
      await walk(root, found, quiet);
      walking = false;
      assert.equal(found.length, 1000);
      const between = [...seen].filter((n) => n > 0 && n < 1000);
      assert.ok(between.length >= 3, `other work ran mid-walk at ${between.length} points`);
    } finally {
      rmSync(root, { recursive: true, force: true });
    }
  });
});

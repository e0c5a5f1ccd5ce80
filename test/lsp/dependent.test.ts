// Dependent items over the protocol: a service that follows a surgery is linked to it (hover,
// outline detail), is not warned about when the dependency holds, and is warned about, with the
// surgery as related information, when it does not.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { DocumentSymbolRequest, HoverRequest, type DocumentSymbol, type MarkupContent } from 'vscode-languageserver-protocol';
import { repoRoot } from '../support/paths';
import { LspClient } from './client';
import { lineOf, positionOf } from './text';

const letter = (name: string) => readFileSync(join(repoRoot, 'test', 'fixtures', name), 'utf8');
const HOLDS = 'untitled:dependent-items.imr';
const BROKEN = 'untitled:dependent-mismatch.imr';
const holds = letter('dependent-items.txt');
const broken = letter('dependent-mismatch.txt');

let client: LspClient;

before(async () => {
  client = await LspClient.start();
  client.open(HOLDS, holds);
  client.open(BROKEN, broken);
});

after(() => client?.stop());

async function hoverAt(uri: string, text: string, needle: string): Promise<string> {
  const result = await client.connection.sendRequest(HoverRequest.type, { textDocument: { uri }, position: positionOf(text, needle, 2) });
  assert.ok(result, `a hover on "${needle}"`);
  return (result.contents as MarkupContent).value;
}

async function itemSymbols(uri: string): Promise<DocumentSymbol[]> {
  const roots = (await client.connection.sendRequest(DocumentSymbolRequest.type, { textDocument: { uri } })) as DocumentSymbol[];
  return roots.flatMap((root) => root.children ?? []);
}

describe('dependent items', () => {
  it('that follow a surgery decided the same way: linked, and no warning', async () => {
    const published = await client.waitForDiagnostics(HOLDS, 1);
    assert.deepEqual(published.diagnostics.filter((d) => d.severity !== undefined && d.severity <= 2), []);
    const clearance = await hoverAt(HOLDS, holds, 'Pre-operative medical clearance');
    assert.match(clearance, /Follows item 1, Left knee arthroscopy with partial medial meniscectomy \(Upheld\): its rationale says that surgery is not medically necessary\./);
    const splint = await hoverAt(HOLDS, holds, 'Associated surgical service: Wrist splint');
    assert.match(splint, /Follows item 4, Right carpal tunnel release \(Overturned\): its rationale says that surgery is supported\./);
    const surgery = await hoverAt(HOLDS, holds, 'Left knee arthroscopy');
    assert.match(surgery, /Decided with this surgery: item 2, item 3 follow its fate\./);
    const details = (await itemSymbols(HOLDS)).map((s) => [s.name, s.detail]);
    assert.deepEqual(details, [
      ['Upheld: Left knee arthroscopy with partial medial meniscectomy', 'surgery · 2 services follow this'],
      ['Upheld: Pre-operative medical clearance', 'evaluation-management · follows item 1'],
      ['Upheld: Post-operative physical therapy, 12 visits', 'physical-medicine · follows item 1'],
      ['Overturned: Right carpal tunnel release', 'surgery · 1 service follows this'],
      ['Overturned: Associated surgical service: Wrist splint', 'dme · follows item 4'],
    ]);
  });

  it('that does not hold: one warning in plain words, the surgery as related information', async () => {
    const published = await client.waitForDiagnostics(BROKEN, 1);
    const warnings = published.diagnostics.filter((d) => d.code === 'dependent-item-mismatch');
    assert.equal(warnings.length, 1);
    assert.equal(warnings[0].range.start.line, lineOf(broken, 'Assistant surgeon: Upheld'));
    assert.match(warnings[0].message, /approves the surgery \(Overturned\) in item 1/);
    const related = warnings[0].relatedInformation ?? [];
    assert.equal(related[0]?.location.uri, BROKEN);
    assert.equal(related[0]?.location.range.start.line, lineOf(broken, 'Lumbar laminectomy and discectomy at L4-L5: Overturned'));
    const hover = await hoverAt(BROKEN, broken, 'Assistant surgeon');
    assert.match(hover, /\*\*The letter decides it the other way\.\*\*/);
  });
});

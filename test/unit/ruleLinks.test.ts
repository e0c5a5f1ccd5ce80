// Rule page links as the VS Code extension rewrites them (client/src/ruleLinks.ts): every link the
// language server writes to a rule's page becomes the command that shows it rendered, and nothing
// else is touched.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { addDefectActionsLink, defectActionsCommandUri, isRuleId, linkRulePages, ruleIdOfPageUrl, rulePageCommandUri, rulePageLink } from '../../client/src/ruleLinks';
import { rules, type Diagnostic } from '../../server/src/engine';
import { diagnosticLines } from '../../server/src/lsp/features/hover';
import { ruleDocHref } from '../../server/src/lsp/ruleDocs';

describe('rule page links in VS Code', () => {
  it('the server link of every rule becomes the command that opens its page', () => {
    assert.ok(rules.length >= 10, `only ${rules.length} rules`);
    for (const rule of rules) {
      const href = ruleDocHref(rule.id);
      assert.equal(ruleIdOfPageUrl(href), rule.id, href);
      const link = rulePageLink(href);
      assert.equal(link, `command:imr.openRulePage?${encodeURIComponent(JSON.stringify([rule.id]))}`);
      // The command's argument reads back as the rule id.
      assert.deepEqual(JSON.parse(decodeURIComponent(link.slice(link.indexOf('?') + 1))), [rule.id]);
    }
  });

  it('the "More about" link of a defect hover becomes the command', () => {
    const diagnostic: Diagnostic = {
      code: 'missing-guideline',
      severity: 'warning',
      message: 'Item "MRI" has no "MAXIMUS guideline:"',
      range: { start: { line: 3, character: 0 }, end: { line: 3, character: 4 } },
      item: 0,
    };
    const markdown = diagnosticLines(diagnostic).join('  \n');
    assert.match(markdown, /\]\(file:\/\/[^)]*missing-guideline\.md\)/);
    const { markdown: linked, changed } = linkRulePages(markdown);
    assert.equal(changed, true);
    assert.ok(linked.includes(`](${rulePageCommandUri('missing-guideline')})`), linked);
    assert.doesNotMatch(linked, /file:/);
    // The rest of the hover is unchanged.
    assert.equal(linked.replace(rulePageCommandUri('missing-guideline'), 'X'), markdown.replace(/\(file:[^)]*\)/, '(X)'));
  });

  it('a defect hover gets "Actions for this defect" after its last rule page link', () => {
    const two = [
      `**Why it matters:** a.  \n[More about Guideline missing](${rulePageCommandUri('missing-guideline')})`,
      `**Why it matters:** b.  \n[More about Rationale missing](${rulePageCommandUri('missing-rationale')})`,
      'Upheld: the treatment is not authorized.',
    ].join('\n\n---\n\n');
    const actions = defectActionsCommandUri('file:///w/a%20b.imr', 52, 0);
    assert.deepEqual(JSON.parse(decodeURIComponent(actions.slice(actions.indexOf('?') + 1))), ['file:///w/a%20b.imr', 52, 0]);
    const linked = addDefectActionsLink(two, actions);
    // Once, after the last "More about" link, on its line; the rest unchanged.
    assert.equal(linked.split('[Actions for this defect]').length, 2);
    assert.ok(linked.includes(`(${rulePageCommandUri('missing-rationale')}) · [Actions for this defect](${actions})\n`), linked);
    assert.equal(linked.replace(` · [Actions for this defect](${actions})`, ''), two);
    // No rule page link, no defect: unchanged.
    assert.equal(addDefectActionsLink('Upheld: the treatment is not authorized.', actions), 'Upheld: the treatment is not authorized.');
  });

  it('other links and other Markdown files are left alone', () => {
    for (const url of [
      'file:///home/a/letters/notes.md',
      'file:///home/a/docs/rules/README.md',
      'file:///home/a/docs/rules/Missing-Guideline.md',
      'https://example.invalid/docs/rules/missing-guideline.md',
      'command:imr.openRulePage?%5B%22missing-guideline%22%5D',
    ]) {
      assert.equal(ruleIdOfPageUrl(url), undefined, url);
      assert.equal(rulePageLink(url), url);
    }
    const text = 'See [the letter](file:///home/a/letter.md) and [a site](https://example.invalid/).';
    assert.deepEqual(linkRulePages(text), { markdown: text, changed: false });
  });

  it('only kebab-case words are rule ids', () => {
    for (const id of ['missing-guideline', 'not-a-letter', 'duplicate-item']) assert.equal(isRuleId(id), true, id);
    for (const id of ['', 'Missing', 'a b', '../x', 'x-', '-x', 'x--y', 7, undefined]) assert.equal(isRuleId(id), false, String(id));
  });
});

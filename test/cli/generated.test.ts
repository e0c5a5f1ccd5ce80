// docs/rules/*.md, the `imr.rules` settings schema in package.json and the README's rule table are
// generated from the rule registry (npm run gen:docs); this fails when any of them is stale.
import assert from 'node:assert/strict';
import { cpSync, readFileSync, rmSync, unlinkSync, writeFileSync } from 'node:fs';
import * as path from 'node:path';
import { describe, it } from 'node:test';
import { docsFolder, renderRuleDoc, rulesSettingSchema, staleParts } from '../../scripts/gen-docs';
import { ruleDocPath, rules } from '../../server/src/engine';
import { ROOT, tempDir } from './helpers';

describe('generated rule docs and settings schema', () => {
  it('are up to date with the rule registry (else: npm run gen:docs)', () => {
    assert.deepEqual(staleParts(ROOT), [], 'run `npm run gen:docs` and commit the result');
  });

  it('give every rule a reader\'s page (title, what/why/what to do, then settings and CLI) and a schema entry', () => {
    const pkg = JSON.parse(readFileSync(path.join(ROOT, 'package.json'), 'utf8')) as {
      contributes: { configuration: { properties: Record<string, { properties: Record<string, { enum: string[]; default: string; description: string }> }> } };
    };
    const schema = pkg.contributes.configuration.properties['imr.rules'].properties;
    assert.deepEqual(Object.keys(schema), rules.map((r) => r.id));
    for (const rule of rules) {
      const doc = readFileSync(path.join(ROOT, ruleDocPath(rule.id)), 'utf8');
      assert.ok(rule.title, `${rule.id} has a plain title`);
      assert.ok(doc.includes(`# ${rule.title}\n`) && doc.includes(rule.description) && doc.includes(rule.docs.trim()), rule.id);
      // What a reader needs comes first; command-line and settings lines after it.
      const cli = doc.indexOf('## Settings and command line');
      assert.ok(cli > doc.indexOf('**What to do.**') && doc.indexOf('**What to do.**') > doc.indexOf('**Why it matters.**'), rule.id);
      assert.ok(doc.indexOf('imr-lint --rule') > cli && doc.indexOf(`Rule id \`${rule.id}\``) > cli, rule.id);
      assert.deepEqual(schema[rule.id].enum, ['error', 'warning', 'information', 'hint', 'off']);
      assert.equal(schema[rule.id].default, rule.defaultSeverity);
      assert.equal(schema[rule.id].description, `${rule.title}: ${rule.description}`);
    }
  });

  it('the staleness check catches an edited, a missing and an extra doc, and an edited schema', () => {
    const { dir, cleanup } = tempDir();
    try {
      cpSync(docsFolder(ROOT), docsFolder(dir), { recursive: true });
      const pkgPath = path.join(dir, 'package.json');
      cpSync(path.join(ROOT, 'package.json'), pkgPath);
      const readmePath = path.join(dir, 'README.md');
      cpSync(path.join(ROOT, 'README.md'), readmePath);
      assert.deepEqual(staleParts(dir), []);

      const [first, second] = rules;
      writeFileSync(path.join(dir, ruleDocPath(first.id)), renderRuleDoc(first).replace(first.description, 'Something else.'));
      unlinkSync(path.join(dir, ruleDocPath(second.id)));
      writeFileSync(path.join(docsFolder(dir), 'retired-rule.md'), '# retired-rule\n');
      const pkg = JSON.parse(readFileSync(pkgPath, 'utf8')) as { contributes: { configuration: { properties: Record<string, unknown> } } };
      const schema = rulesSettingSchema(rules) as { properties: Record<string, { default: string }> };
      schema.properties[first.id].default = 'off';
      pkg.contributes.configuration.properties['imr.rules'] = schema;
      writeFileSync(pkgPath, JSON.stringify(pkg));
      writeFileSync(readmePath, readFileSync(readmePath, 'utf8').replace(`| ${first.defaultSeverity} | ${first.description}`, '| hint | Edited by hand. |'));

      assert.deepEqual(staleParts(dir).sort(), [
        `missing docs/rules/${second.id}.md`,
        'no such rule: docs/rules/retired-rule.md',
        `out of date: docs/rules/${first.id}.md`,
        'out of date: package.json contributes.configuration.properties["imr.rules"]',
        'out of date: the rule table in README.md',
      ]);
      writeFileSync(readmePath, '# no table\n');
      assert.ok(staleParts(dir).includes('README.md has no rules:start/rules:end rule table'));
    } finally {
      cleanup();
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

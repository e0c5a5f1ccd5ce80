// Links to a rule's page, as VS Code opens them. The server links each diagnostic and each defect
// hover to docs/rules/<id>.md by a file URL (what any LSP editor and the CLI can follow), and VS
// Code opens a file URL as raw Markdown in an editable editor. The extension turns those links
// into `command:imr.openRulePage?["<id>"]`, which shows the page rendered, read-only. Pure (no
// vscode), so it is tested without an editor.
import { Commands } from '../../server/src/shared/protocol';

// Rule ids are kebab-case words (missing-decision, ...).
const RULE_ID_SOURCE = String.raw`[a-z][a-z0-9]*(?:-[a-z0-9]+)*`;
const RULE_ID = new RegExp(`^${RULE_ID_SOURCE}$`);
/** A rule page's file URL, as server/src/lsp/ruleDocs.ts writes it: ends /docs/rules/<id>.md. */
const RULE_PAGE_URL = new RegExp(String.raw`^file:\/\/[^\s)]*\/docs\/rules\/(${RULE_ID_SOURCE})\.md$`);
/** A Markdown link whose target is a file URL (no spaces or parentheses in it: the server encodes them). */
const MARKDOWN_FILE_LINK = /\]\((file:\/\/[^\s)]+)\)/g;

export function isRuleId(value: unknown): boolean {
  return typeof value === 'string' && RULE_ID.test(value);
}

/** The rule id of a rule page's file URL, or undefined for any other link. */
export function ruleIdOfPageUrl(url: string): string | undefined {
  return RULE_PAGE_URL.exec(url)?.[1];
}

/** The command URI that opens a rule's page rendered: `command:imr.openRulePage?%5B%22<id>%22%5D`. */
export function rulePageCommandUri(ruleId: string): string {
  return `command:${Commands.openRulePage}?${encodeURIComponent(JSON.stringify([ruleId]))}`;
}

/** `url` with a rule page's file URL replaced by the command that renders it; other URLs unchanged. */
export function rulePageLink(url: string): string {
  const id = ruleIdOfPageUrl(url);
  return id ? rulePageCommandUri(id) : url;
}

/** The command of the actions for the defects at a position (client/src/commands.ts). */
export const DEFECT_ACTIONS_COMMAND = 'imr.defectActions';

/** The command URI of the actions for the defects at a 0-based position of a letter. */
export function defectActionsCommandUri(uri: string, line: number, character: number): string {
  return `command:${DEFECT_ACTIONS_COMMAND}?${encodeURIComponent(JSON.stringify([uri, line, character]))}`;
}

/**
 * A defect hover with "Actions for this defect" after its last rule page link: in a letter open
 * read-only VS Code's hover offers no "Quick Fix...", so this is the mouse's way to the actions.
 * Markdown with no rule page command link is returned unchanged.
 */
export function addDefectActionsLink(markdown: string, actionsUri: string): string {
  const prefix = `](command:${Commands.openRulePage}?`;
  const start = markdown.lastIndexOf(prefix);
  if (start < 0) return markdown;
  const end = markdown.indexOf(')', start + prefix.length);
  if (end < 0) return markdown;
  return `${markdown.slice(0, end + 1)} · [Actions for this defect](${actionsUri})${markdown.slice(end + 1)}`;
}

/** Markdown with every link to a rule page turned into the command that renders it. */
export function linkRulePages(markdown: string): { markdown: string; changed: boolean } {
  let changed = false;
  const out = markdown.replace(MARKDOWN_FILE_LINK, (whole, url: string) => {
    const link = rulePageLink(url);
    if (link === url) return whole;
    changed = true;
    return `](${link})`;
  });
  return { markdown: out, changed };
}

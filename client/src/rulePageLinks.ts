// The client side of ruleLinks.ts: the rule page links of the language server's diagnostics (as
// URIs are converted) and hovers (as Markdown), so that VS Code opens the page rendered, read-only.
import * as vscode from 'vscode';
import { Commands } from '../../server/src/shared/protocol';
import { addDefectActionsLink, DEFECT_ACTIONS_COMMAND, defectActionsCommandUri, linkRulePages, rulePageLink } from './ruleLinks';

/**
 * The client's protocol-to-code URI converter: a rule page's file URL (a diagnostic's
 * codeDescription.href, in Problems and the squiggle's hover) becomes the command that shows the
 * page rendered; every other URI is parsed as vscode-languageclient does by default. Done here and
 * not in diagnostics middleware because vscode-languageclient 9 hands workspace diagnostics to
 * VS Code without the reporter a middleware passes on: only the converter sees them all (push,
 * document pull and workspace pull).
 */
export function protocolToCodeUri(value: string): vscode.Uri {
  return vscode.Uri.parse(rulePageLink(value));
}

function linkContent(
  content: vscode.MarkdownString | vscode.MarkedString,
  actionsUri: string,
): vscode.MarkdownString | vscode.MarkedString {
  // A code block ({language, value}) holds no links.
  if (typeof content !== 'string' && !(content instanceof vscode.MarkdownString)) return content;
  const { markdown, changed } = linkRulePages(typeof content === 'string' ? content : content.value);
  if (!changed) return content;
  const linked = new vscode.MarkdownString(addDefectActionsLink(markdown, actionsUri), typeof content === 'string' ? false : content.supportThemeIcons);
  // Only these two commands run from a hover: nothing else in a server's text can.
  linked.isTrusted = { enabledCommands: [Commands.openRulePage, DEFECT_ACTIONS_COMMAND] };
  return linked;
}

/**
 * A hover with its "More about ..." link opening the rule's page rendered, followed by "Actions for
 * this defect" (the picker of imr.defectActions at this position).
 */
export function linkHover(hover: vscode.Hover | null | undefined, document: vscode.TextDocument, position: vscode.Position): vscode.Hover | null | undefined {
  if (!hover) return hover;
  const actionsUri = defectActionsCommandUri(document.uri.toString(), position.line, position.character);
  const contents = hover.contents.map((content) => linkContent(content, actionsUri));
  return contents.every((c, i) => c === hover.contents[i]) ? hover : new vscode.Hover(contents, hover.range);
}

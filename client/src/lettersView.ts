// The "IMR Letters" view: letters of the workspace with their items, fed by the server's
// imr/workspaceLetters request (no webview). Conventions from Todo Tree: grouping and filter
// toggles as commands on the title bar with setContext keys, a badge with the letters that have
// problems, file icons through resourceUri, a welcome message when there is nothing to show.
import * as vscode from 'vscode';
import { reloader } from './reloader';
import { WORKSPACE_LETTERS_CHANGED, WORKSPACE_LETTERS_METHOD, type WorkspaceLetterEntry, type WorkspaceLetterItem } from '../../server/src/shared/protocol';
import { applyFilter, describeFilter, groupLetters, isFilterActive, lettersWithProblems, NO_FILTER, parseFilter, type Grouping, type LetterFilter } from './lettersModel';
import type { LanguageClient } from './serverClient';

export const LETTERS_VIEW_ID = 'imr.letters';

type Node =
  | { kind: 'group'; label: string; letters: WorkspaceLetterEntry[] }
  | { kind: 'letter'; letter: WorkspaceLetterEntry }
  | { kind: 'item'; letter: WorkspaceLetterEntry; item: WorkspaceLetterItem; index: number };

export class LettersView implements vscode.TreeDataProvider<Node>, vscode.Disposable {
  private readonly emitter = new vscode.EventEmitter<Node | undefined>();
  readonly onDidChangeTreeData = this.emitter.event;
  private letters: WorkspaceLetterEntry[] = [];
  private grouping: Grouping = 'none';
  private filter: LetterFilter = NO_FILTER;
  private readonly view: vscode.TreeView<Node>;
  private client: LanguageClient | undefined;

  constructor(private readonly ensureClient: () => Promise<LanguageClient>) {
    this.view = vscode.window.createTreeView(LETTERS_VIEW_ID, { treeDataProvider: this, showCollapseAll: true });
    // Opening the view starts the language server, which reads the workspace's letters.
    this.view.onDidChangeVisibility((e) => {
      if (e.visible) void this.connect();
    });
    if (this.view.visible) void this.connect();
    void this.setContext();
  }

  /** Called once the language client runs: listen for changes and load. */
  attach(client: LanguageClient): void {
    if (this.client) return;
    this.client = client;
    client.onNotification(WORKSPACE_LETTERS_CHANGED, () => void this.reload());
    void this.reload();
  }

  async connect(): Promise<void> {
    try {
      this.attach(await this.ensureClient());
    } catch {
      // The failure is reported where the client is started.
    }
  }

  /** Asks the server for the letters; a change announced during a request asks again after it. */
  readonly reload = reloader(async () => {
    if (!this.client) return;
    const result = await this.client.sendRequest<{ letters: WorkspaceLetterEntry[] } | null>(WORKSPACE_LETTERS_METHOD, {});
    this.letters = result?.letters ?? [];
    await this.setContext();
    this.emitter.fire(undefined);
  });

  /** The letters as the server last listed them (the export command uses them). */
  get all(): readonly WorkspaceLetterEntry[] {
    return this.letters;
  }

  setGrouping(grouping: Grouping): void {
    this.grouping = grouping;
    void this.setContext();
    this.emitter.fire(undefined);
  }

  async editFilter(): Promise<void> {
    const input = await vscode.window.showInputBox({
      title: 'Filter IMR letters',
      prompt: 'Words to find in file names, case numbers and items; decision:upheld or decision:overturned; rule:RULE-ID',
      value: describeFilter(this.filter),
    });
    if (input === undefined) return;
    this.filter = parseFilter(input);
    await this.setContext();
    this.emitter.fire(undefined);
  }

  clearFilter(): void {
    this.filter = NO_FILTER;
    void this.setContext();
    this.emitter.fire(undefined);
  }

  getTreeItem(node: Node): vscode.TreeItem {
    if (node.kind === 'group') {
      const item = new vscode.TreeItem(node.label, vscode.TreeItemCollapsibleState.Expanded);
      if (this.grouping === 'folder') {
        item.label = vscode.workspace.asRelativePath(vscode.Uri.parse(node.label), true) || node.label;
        item.iconPath = vscode.ThemeIcon.Folder;
      }
      item.description = `${node.letters.length}`;
      item.contextValue = 'imrGroup';
      return item;
    }
    if (node.kind === 'letter') {
      const { letter } = node;
      const uri = vscode.Uri.parse(letter.uri);
      const item = new vscode.TreeItem(uri, letter.items.length ? vscode.TreeItemCollapsibleState.Collapsed : vscode.TreeItemCollapsibleState.None);
      const parts = [letter.caseNumber, letter.problems ? `${letter.problems} problem${letter.problems === 1 ? '' : 's'}` : null].filter(Boolean);
      item.description = parts.join(' · ');
      item.tooltip = `${vscode.workspace.asRelativePath(uri)}\n${letter.items.length} items${letter.letterRules.length ? `\nLetter: ${letter.letterRules.join(', ')}` : ''}`;
      item.command = { command: 'vscode.open', title: 'Open Letter', arguments: [uri] };
      item.contextValue = 'imrLetter';
      return item;
    }
    const { item: entry } = node;
    const item = new vscode.TreeItem(entry.name || '(unnamed item)', vscode.TreeItemCollapsibleState.None);
    item.description = [entry.decision ?? 'no decision', entry.rules.length ? entry.rules.join(', ') : null].filter(Boolean).join(' · ');
    item.iconPath = entry.decision === 'Upheld'
      ? new vscode.ThemeIcon('circle-slash', new vscode.ThemeColor('charts.red'))
      : entry.decision === 'Overturned'
        ? new vscode.ThemeIcon('pass', new vscode.ThemeColor('charts.green'))
        : new vscode.ThemeIcon('question', new vscode.ThemeColor('charts.yellow'));
    const range = new vscode.Range(entry.range.start.line, entry.range.start.character, entry.range.end.line, entry.range.end.character);
    item.command = { command: 'vscode.open', title: 'Open at Item', arguments: [vscode.Uri.parse(node.letter.uri), { selection: range }] };
    item.tooltip = `${entry.name}: ${entry.decision ?? 'no decision'}${entry.rules.length ? `\nProblems: ${entry.rules.join(', ')}` : ''}`;
    item.contextValue = 'imrItem';
    return item;
  }

  getChildren(node?: Node): Node[] {
    if (!node) {
      const shown = applyFilter(this.letters, this.filter, fileName);
      const groups = groupLetters(shown, this.grouping, folderOf);
      if (this.grouping === 'none') return groups[0].letters.map((letter) => ({ kind: 'letter', letter }));
      return groups.map((g) => ({ kind: 'group', label: g.label, letters: g.letters }));
    }
    if (node.kind === 'group') return node.letters.map((letter) => ({ kind: 'letter', letter }));
    if (node.kind === 'letter') return node.letter.items.map((item, index) => ({ kind: 'item', letter: node.letter, item, index }));
    return [];
  }

  private async setContext(): Promise<void> {
    const withProblems = lettersWithProblems(this.letters);
    this.view.badge = withProblems > 0 ? { value: withProblems, tooltip: `${withProblems} letter${withProblems === 1 ? '' : 's'} with problems` } : undefined;
    this.view.message = isFilterActive(this.filter) ? `Filter: ${describeFilter(this.filter)}` : undefined;
    await vscode.commands.executeCommand('setContext', 'imr.letters.count', this.letters.length);
    await vscode.commands.executeCommand('setContext', 'imr.letters.grouping', this.grouping);
    await vscode.commands.executeCommand('setContext', 'imr.letters.filtered', isFilterActive(this.filter));
  }

  dispose(): void {
    this.view.dispose();
    this.emitter.dispose();
  }
}

function fileName(uri: string): string {
  return decodeURIComponent(uri.slice(uri.lastIndexOf('/') + 1));
}

function folderOf(uri: string): string {
  return uri.slice(0, uri.lastIndexOf('/'));
}

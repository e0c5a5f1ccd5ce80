// Settings are pulled per document through `workspace/configuration` and cached per URI (the
// vscode-extension-samples flow); clients without that capability get the initialization options
// or the last `didChangeConfiguration` payload, else the defaults.
import { isRecord } from './params';
import { isSeveritySetting, type ImrSettings, type TraceSetting } from './protocol';

export const DEFAULT_SETTINGS: ImrSettings = Object.freeze({
  enable: true,
  rules: Object.freeze({}) as ImrSettings['rules'],
  trace: Object.freeze({ server: 'off' }),
  workspace: Object.freeze({ enable: true, maxLetters: 10_000 }),
});

/** imr.workspace.maxLetters may not exceed this (memory: about 10 KB per letter held). */
export const MAX_WORKSPACE_LETTERS = 100_000;

const TRACES = new Set<string>(['off', 'messages', 'verbose']);

/** Whatever a client sends, a well-formed ImrSettings comes out (bad values fall back to defaults). */
function normalizeSettings(raw: unknown): ImrSettings {
  if (!isRecord(raw)) return DEFAULT_SETTINGS;
  const rules: ImrSettings['rules'] = {};
  if (isRecord(raw.rules)) {
    for (const [id, value] of Object.entries(raw.rules)) {
      if (isSeveritySetting(value)) rules[id] = value;
    }
  }
  const trace = isRecord(raw.trace) && typeof raw.trace.server === 'string' && TRACES.has(raw.trace.server)
    ? (raw.trace.server as TraceSetting)
    : DEFAULT_SETTINGS.trace.server;
  const ws = isRecord(raw.workspace) ? raw.workspace : {};
  const maxLetters = typeof ws.maxLetters === 'number' && Number.isInteger(ws.maxLetters) && ws.maxLetters >= 0 && ws.maxLetters <= MAX_WORKSPACE_LETTERS
    ? ws.maxLetters
    : DEFAULT_SETTINGS.workspace.maxLetters;
  return {
    enable: typeof raw.enable === 'boolean' ? raw.enable : DEFAULT_SETTINGS.enable,
    rules,
    trace: { server: trace },
    workspace: { enable: typeof ws.enable === 'boolean' ? ws.enable : DEFAULT_SETTINGS.workspace.enable, maxLetters },
  };
}

/** A stable key for the settings that change lint results (the cache and pull result ids use it). */
export function lintSettingsKey(settings: ImrSettings): string {
  const ids = Object.keys(settings.rules).sort();
  return `${settings.enable ? 1 : 0}|` + ids.map((id) => `${id}=${settings.rules[id]}`).join(',');
}

/** initializationOptions may be the settings, `{ imr: settings }` (Helix sends its `config` so) or `{ settings }`. */
function settingsIn(options: unknown): unknown {
  if (!isRecord(options)) return undefined;
  if (isRecord(options.imr)) return options.imr;
  if (isRecord(options.settings)) return options.settings;
  return options;
}

/** Fetches the `imr` section for one document; rejects or hangs if the client misbehaves. */
export type ConfigurationFetcher = (uri: string) => Promise<unknown>;

/** A client that never answers `workspace/configuration` must not stall diagnostics forever. */
const FETCH_TIMEOUT_MS = 3000;

export class SettingsStore {
  private readonly perUri = new Map<string, Promise<ImrSettings>>();
  /** Settings of clients without `workspace/configuration`: initializationOptions, then pushes. */
  private fallback: ImrSettings;

  constructor(
    private readonly fetcher: ConfigurationFetcher | null,
    initializationOptions: unknown,
    private readonly onFetchFailed: (reason: string) => void,
  ) {
    this.fallback = normalizeSettings(settingsIn(initializationOptions));
  }

  get(uri: string): Promise<ImrSettings> {
    if (!this.fetcher) return Promise.resolve(this.fallback);
    const cached = this.perUri.get(uri);
    if (cached) return cached;
    const pending: Promise<ImrSettings> = this.fetch(uri).then(({ settings, ok }) => {
      // A failed fetch is not cached: the next request asks again.
      if (!ok && this.perUri.get(uri) === pending) this.perUri.delete(uri);
      return settings;
    });
    this.perUri.set(uri, pending);
    return pending;
  }

  /** `workspace/didChangeConfiguration`: forget everything; take pushed settings if any. */
  changed(pushed: unknown): void {
    this.perUri.clear();
    if (isRecord(pushed) && isRecord(pushed.imr)) this.fallback = normalizeSettings(pushed.imr);
  }

  forget(uri: string): void {
    this.perUri.delete(uri);
  }

  private async fetch(uri: string): Promise<{ settings: ImrSettings; ok: boolean }> {
    let timer: NodeJS.Timeout | undefined;
    const timeout = new Promise<'timeout'>((resolve) => {
      timer = setTimeout(() => resolve('timeout'), FETCH_TIMEOUT_MS);
      timer.unref();
    });
    try {
      const raw = await Promise.race([this.fetcher!(uri), timeout]);
      if (raw === 'timeout') throw new Error('no answer within ' + FETCH_TIMEOUT_MS + ' ms');
      // A null section (the client has no imr settings) means the defaults.
      return { settings: raw === null || raw === undefined ? this.fallback : normalizeSettings(raw), ok: true };
    } catch (error) {
      this.onFetchFailed(error instanceof Error ? error.message : 'unknown error');
      return { settings: this.fallback, ok: false };
    } finally {
      clearTimeout(timer);
    }
  }
}

// Settings for clients without workspace/configuration: initializationOptions first, then the
// settings a client pushes with workspace/didChangeConfiguration.
import assert from 'node:assert/strict';
import { after, before, it } from 'node:test';
import { DiagnosticSeverity, DidChangeConfigurationNotification } from 'vscode-languageserver-protocol';
import { fixtureUri, LspClient, PUSH_CAPABILITIES } from './client';
import { fixture } from './text';

const DEFECTS = fixtureUri('defects.imr');
let client: LspClient;

before(async () => {
  client = await LspClient.start({
    capabilities: { ...PUSH_CAPABILITIES, workspace: { ...PUSH_CAPABILITIES.workspace, configuration: false } },
    // As Helix sends its `config`: the settings under their section name.
    initializationOptions: { imr: { rules: { 'missing-guideline': 'error', 'claims-administrator-uncited': 'off' } } },
  });
});

after(() => client.stop());

it('initializationOptions set the severities, and pushed settings replace them', async () => {
  client.open(DEFECTS, fixture('defects.imr'));
  const first = await client.waitForDiagnostics(DEFECTS, 1);
  assert.equal(client.configurationRequests, 0, 'the server does not ask a client that cannot answer');
  assert.equal(first.diagnostics.find((d) => d.code === 'missing-guideline')?.severity, DiagnosticSeverity.Error);
  assert.ok(!first.diagnostics.some((d) => d.code === 'claims-administrator-uncited'));

  const next = client.waitFor<{ uri: string; diagnostics: Array<{ code?: unknown; severity?: number }> }>('diagnostics',
    (p) => p.uri === DEFECTS && p.diagnostics.some((d) => d.code === 'missing-rationale' && d.severity === DiagnosticSeverity.Information),
    'diagnostics under pushed settings');
  await client.connection.sendNotification(DidChangeConfigurationNotification.type, { settings: { imr: { rules: { 'missing-rationale': 'information' } } } });
  const pushed = await next;
  assert.equal(pushed.diagnostics.find((d) => d.code === 'missing-guideline')?.severity, DiagnosticSeverity.Warning, 'back to its default');
  assert.ok(pushed.diagnostics.some((d) => d.code === 'claims-administrator-uncited'));
});

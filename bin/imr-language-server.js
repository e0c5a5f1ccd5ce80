#!/usr/bin/env -S node --max-semi-space-size=4 --expose-gc
// The flags are SERVER_NODE_FLAGS of server/src/shared/protocol.ts (test/packaging checks they agree).
// The language server: imr-language-server --stdio (see server/src/lsp/main.ts).
'use strict';
// eslint-disable-next-line @typescript-eslint/no-require-imports -- a CommonJS shim by design
require('../dist/server.js');

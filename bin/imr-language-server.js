#!/usr/bin/env node
// The language server: imr-language-server --stdio (see server/src/lsp/main.ts).
'use strict';
// eslint-disable-next-line @typescript-eslint/no-require-imports -- a CommonJS shim by design
require('../dist/server.js');

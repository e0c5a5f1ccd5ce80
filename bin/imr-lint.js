#!/usr/bin/env node
// imr-lint: checks IMR Final Determination letters. The CLI is bundled in dist/cli.js (npm run build).
'use strict';
// eslint-disable-next-line @typescript-eslint/no-require-imports -- a CommonJS shim by design
require('../dist/cli.js').runAsProcess();

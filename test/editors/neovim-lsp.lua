-- Run by test/editors/neovim.test.ts: nvim --headless -u NONE -c 'luafile neovim-lsp.lua'
-- Starts the language server with Neovim's built-in LSP client (0.7 API), opens one letter, records
-- the diagnostics the server publishes and the document symbols it answers, writes them as JSON
-- to $IMR_OUT and quits. Any error is written there too, so the test can say what went wrong.
local server = os.getenv('IMR_SERVER')
local file = os.getenv('IMR_FILE')
local out = os.getenv('IMR_OUT')
local timeout_ms = tonumber(os.getenv('IMR_TIMEOUT_MS') or '15000')

local function write_result(result)
  local f = assert(io.open(out, 'w'))
  f:write(vim.fn.json_encode(result))
  f:close()
end

local function main()
  local bufnr = vim.fn.bufadd(file)
  vim.fn.bufload(bufnr)
  vim.api.nvim_set_current_buf(bufnr)
  local uri = vim.uri_from_bufnr(bufnr)

  local published = nil
  local publish_count = 0
  local server_errors = {}
  local client_id = vim.lsp.start_client({
    name = 'imr',
    cmd = { os.getenv('IMR_NODE') or 'node', server, '--stdio' },
    root_dir = vim.fn.fnamemodify(file, ':h'),
    handlers = {
      ['textDocument/publishDiagnostics'] = function(err, result, ctx, config)
        -- Neovim's own handler feeds vim.diagnostic (the signs and virtual text a user sees).
        vim.lsp.handlers['textDocument/publishDiagnostics'](err, result, ctx, config)
        if err then table.insert(server_errors, vim.inspect(err)) end
        if result and result.uri == uri then
          published = result.diagnostics
          publish_count = publish_count + 1
        end
      end,
    },
    on_exit = function(code, signal)
      if code ~= 0 then table.insert(server_errors, 'server exited with code ' .. code .. ' signal ' .. signal) end
    end,
  })
  if not client_id then error('vim.lsp.start_client returned nil') end
  vim.lsp.buf_attach_client(bufnr, client_id)

  local started = vim.loop.hrtime()
  local got = vim.wait(timeout_ms, function() return published ~= nil end, 20)
  local diagnostics_ms = (vim.loop.hrtime() - started) / 1e6
  if not got then error('no textDocument/publishDiagnostics for the letter within ' .. timeout_ms .. ' ms') end

  local responses = vim.lsp.buf_request_sync(bufnr, 'textDocument/documentSymbol',
    { textDocument = { uri = uri } }, timeout_ms)
  local symbols = nil
  for _, response in pairs(responses or {}) do
    if response.err then error('documentSymbol failed: ' .. vim.inspect(response.err)) end
    symbols = response.result
  end

  -- What a user sees: the diagnostics Neovim's own diagnostic module holds for the buffer.
  local shown = {}
  for _, d in ipairs(vim.diagnostic.get(bufnr)) do
    table.insert(shown, { lnum = d.lnum, severity = d.severity, code = d.code or (d.user_data and d.user_data.lsp and d.user_data.lsp.code) })
  end

  write_result({
    ok = true,
    diagnostics = published,
    publishCount = publish_count,
    symbols = symbols or vim.NIL,
    shown = shown,
    diagnosticsMs = diagnostics_ms,
    errors = server_errors,
  })
  vim.lsp.stop_client(client_id)
end

local ok, err = pcall(main)
if not ok then
  pcall(write_result, { ok = false, error = tostring(err) })
  vim.cmd('cquit 1')
end
vim.cmd('qall!')

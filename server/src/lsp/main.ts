// placeholder until the LSP helper writes it

"""`factcheck lsp`: a language server over stdio (pygls), for any editor with an LSP client.

Needs `pip install "factcheck[lsp]"`."""

"""`copydesk lsp`: the Language Server Protocol server (pygls 2, lsprotocol).

Modules: `server` wires the protocol to the rest; `checker` keeps the one
pipeline (`lint.run.pipeline.Linter`) warm and reloads it when a
configuration or rule file changes; `positions` converts code-point offsets
to the client's position encoding; `diagnostics`, `actions`, `hover` and
`config_edit` (writes to `copydesk.yaml`) build the answers.
"""

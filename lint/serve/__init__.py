"""`copydesk serve`: the pre-publish HTTP service a CMS calls.

One long-running process keeps the compiled rules, the configuration and a
warm LanguageTool server, and answers three APIs on the same findings:

- `native` — ``/api/v1/check|fix|rules``, the ``version: 1`` JSON of ``copydesk check``;
- `languagetool` — ``/v2/check|languages|info``, LanguageTool's own API (UTF-16 offsets);
- `typerighter` — ``/check``, ``/checkStream``, ``/categories``, ``/healthcheck``;

plus the paste-in web page at ``/`` (`page`). `service.CheckService` runs every
check through the one pipeline (``lint.run.pipeline.Linter``) on one worker
thread, with a bounded queue and a per-request timeout; `app.build_app` wires
the routes, the limits and the bearer token.
"""

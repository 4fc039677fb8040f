// Starts `copydesk lsp` over stdio for Markdown, plain text, HTML and reST files.
"use strict";
const vscode = require("vscode");
const { LanguageClient, TransportKind } = require("vscode-languageclient/node");

let client;

function activate(context) {
  const settings = vscode.workspace.getConfiguration("copydesk");
  const [command, ...args] = settings.get("command", ["copydesk", "lsp"]);
  const serverOptions = { command, args, transport: TransportKind.stdio };
  const initializationOptions = { min_severity: settings.get("minSeverity", "info") };
  const languagetool = settings.get("languagetool", null);
  if (languagetool !== null) {
    initializationOptions.languagetool = languagetool;
  }
  const clientOptions = {
    documentSelector: ["markdown", "plaintext", "html", "restructuredtext"].map(
      (language) => ({ scheme: "file", language })),
    initializationOptions,
  };
  client = new LanguageClient("copydesk", "Copydesk", serverOptions, clientOptions);
  context.subscriptions.push(client);
  return client.start();
}

function deactivate() {
  return client ? client.stop() : undefined;
}

module.exports = { activate, deactivate };

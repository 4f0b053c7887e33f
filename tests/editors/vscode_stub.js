// A stand-in for the `vscode` module, enough for editors/vscode/extension.js to run under
// node: documents from files, an editor with a cursor, diagnostics and messages recorded.
const fs = require('fs');

class Range {
  constructor(a, b, c, d) {
    if (typeof a === 'object') { this.start = a; this.end = b; }
    else { this.start = { line: a, character: b }; this.end = { line: c, character: d }; }
  }
}
class Diagnostic {
  constructor(range, message, severity) { this.range = range; this.message = message; this.severity = severity; }
}
const log = { status: [], errors: [], diagnostics: new Map() };

function document(path) {
  const lines = fs.readFileSync(path, 'utf8').replace(/\n$/, '').split('\n');
  return {
    fileName: path, isUntitled: false, uri: path, lineCount: lines.length,
    lineAt: (l) => ({ text: lines[l], isEmptyOrWhitespace: /^\s*$/.test(lines[l]) }),
    getText: (r) => lines.slice(r.start.line, r.end.line + 1).join('\n'),
  };
}

const commands = new Map();
module.exports = {
  Range, Diagnostic, DiagnosticSeverity: { Error: 0 }, log, document,
  workspace: { getConfiguration: () => ({ get: (k) => ({ path: process.env.TALA, port: process.env.TALA_PORT })[k] }) },
  window: {
    activeTextEditor: null,
    setStatusBarMessage: (t) => log.status.push(t),
    showErrorMessage: (t) => log.errors.push(t),
    showInputBox: async () => '133',
  },
  languages: {
    createDiagnosticCollection: () => ({
      set: (uri, d) => log.diagnostics.set(uri, d), delete: (uri) => log.diagnostics.delete(uri), dispose() {},
    }),
  },
  commands: { registerCommand: (name, fn) => { commands.set(name, fn); return { dispose() {} }; } },
};
module.exports.commands.map = commands;

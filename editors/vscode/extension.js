// tala for VS Code: evaluate the block around the cursor (or the selection) in a running
// tala (`tala FILE --listen 7770`) with `tala send`, and show its answer; an error is put
// on its line and column. No build step: VS Code runs this file as it is.
const vscode = require('vscode');
const { execFile } = require('child_process');

let diagnostics;

function config() {
  const c = vscode.workspace.getConfiguration('tala');
  return { path: c.get('path') || 'tala', port: String(c.get('port') || '7770') };
}

// Runs `tala send ARGS` with input on stdin; resolves to { ok, text }.
function send(args, input) {
  const { path, port } = config();
  return new Promise((resolve) => {
    const child = execFile(path, ['send', '--port', port, ...args], { timeout: 10000 },
      (err, stdout, stderr) => {
        const text = (stdout + stderr).trim();
        if (err && err.code === 'ENOENT') resolve({ ok: false, text: `cannot run '${path}' (setting tala.path)` });
        else resolve({ ok: !err, text });
      });
    if (input !== undefined) child.stdin.end(input);
  });
}

// The lines of the block around line `at`: up and down to a blank line.
function blockAround(doc, at) {
  const blank = (l) => doc.lineAt(l).isEmptyOrWhitespace;
  if (blank(at)) return null;
  let first = at, last = at;
  while (first > 0 && !blank(first - 1)) first--;
  while (last < doc.lineCount - 1 && !blank(last + 1)) last++;
  return new vscode.Range(first, 0, last, doc.lineAt(last).text.length);
}

// "FILE:LINE:COL: message" (and a hint line) as a diagnostic.
function showError(doc, text) {
  const m = /^.*?:(\d+):(\d+): (.*)$/m.exec(text);
  if (m) {
    const line = Number(m[1]) - 1, col = Number(m[2]) - 1;
    const hint = /^hint: (.*)$/m.exec(text);
    const d = new vscode.Diagnostic(new vscode.Range(line, col, line, col + 1),
      m[3] + (hint ? `\nhint: ${hint[1]}` : ''), vscode.DiagnosticSeverity.Error);
    d.source = 'tala';
    diagnostics.set(doc.uri, [d]);
  }
  vscode.window.showErrorMessage(text.split('\n')[0]);
}

async function evaluate() {
  const editor = vscode.window.activeTextEditor;
  if (!editor) return;
  const doc = editor.document;
  const range = editor.selection.isEmpty ? blockAround(doc, editor.selection.active.line)
    : new vscode.Range(editor.selection.start, editor.selection.end);
  if (!range) {
    vscode.window.setStatusBarMessage('tala: a blank line, no block here', 2000);
    return;
  }
  diagnostics.delete(doc.uri);
  const where = `${doc.isUntitled ? '<vscode>' : doc.fileName}:${range.start.line + 1}`;
  const r = await send(['--as', where, '-'], doc.getText(range) + '\n');
  if (r.ok) vscode.window.setStatusBarMessage(`tala: ${r.text}`, 2000);
  else showError(doc, r.text);
  return r;
}

async function simple(args, what) {
  const r = await send(args);
  if (r.ok) vscode.window.setStatusBarMessage(`tala: ${what || r.text}`, 3000);
  else vscode.window.showErrorMessage(r.text);
  return r;
}

function activate(context) {
  diagnostics = vscode.languages.createDiagnosticCollection('tala');
  context.subscriptions.push(
    diagnostics,
    vscode.commands.registerCommand('tala.eval', evaluate),
    vscode.commands.registerCommand('tala.hush', () => simple(['--hush'], 'hush')),
    vscode.commands.registerCommand('tala.query', () => simple(['--query'])),
    vscode.commands.registerCommand('tala.tempo', async () => {
      const bpm = await vscode.window.showInputBox({ prompt: 'Tempo (BPM)' });
      if (bpm) return simple(['--tempo', bpm], `tempo ${bpm}`);
    }),
  );
}

function deactivate() {}

module.exports = { activate, deactivate, blockAround, send };

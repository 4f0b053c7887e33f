#!/usr/bin/env bash
# test_editors.sh TALA - the editor integrations in editors/ against a running tala
# (tala FILE --no-audio --listen PORT): Neovim (headless) and Emacs (batch) evaluate the
# paragraph at the cursor, show a bad block's error at its line and column, and hush;
# the VS Code extension runs under node with a stand-in for the vscode module
# (vscode_stub.js) and does the same. What each did is checked in tala (tala send --query).
set -u
TALA=$(cd "$(dirname "$1")" && pwd)/$(basename "$1")
ROOT=$(cd "$(dirname "$0")/../.." && pwd)
here=$(cd "$(dirname "$0")" && pwd)
pass=0
fail=0
ok() { echo "ok   $1"; pass=$((pass + 1)); }
bad() { echo "FAIL $1"; fail=$((fail + 1)); }
tmp=$(mktemp -d)
export HOME="$tmp"
PID=
trap '[ -n "$PID" ] && kill $PID 2>/dev/null; wait 2>/dev/null; rm -rf "$tmp"' EXIT
port=$((25000 + ($$ * 7) % 20000))
while ss -Hlun "sport = :$port" | grep -q .; do port=$((port + 1)); done
export TALA_PORT=$port TALA
export PATH="$(dirname "$TALA"):$PATH" # the editors run `tala`, as a user's installed one
printf -- '-- a start\nd = s("bd*4")\nplay d\n' >"$tmp/start.tala"
"$TALA" "$tmp/start.tala" --no-audio --no-log --listen "$port" --seconds 120 </dev/null \
    >"$tmp/out" 2>&1 &
PID=$!
for _ in $(seq 100); do
    "$TALA" send --query --timeout 0.2 >/dev/null 2>&1 && break
    sleep 0.1
done
playing() { "$TALA" send --query 2>/dev/null | sed 's/.*| *//'; }
cat >"$tmp/song.tala" <<'TALA'
-- a song, as an editor holds it
hats = s("hh*8")
play d, hats

bass = note("c2 eb2"
play d, hats, bass
TALA

# Neovim
if command -v nvim >/dev/null; then
    nvim --headless -u NONE -i NONE --cmd "set rtp^=$ROOT/editors/nvim" \
        +"runtime plugin/tala.lua" +"edit $tmp/song.tala" +"call cursor(3, 1)" +"TalaEval" \
        +"call cursor(5, 1)" \
        +"lua local ok, out = require('tala').eval_paragraph(); local d = vim.diagnostic.get(0)[1]; vim.fn.writefile({tostring(ok), d and (d.lnum + 1 .. ':' .. d.col + 1 .. ' ' .. d.message) or 'none'}, '$tmp/nvim')" \
        +"qa!" >/dev/null 2>&1
    [ "$(playing)" = "d hats" ] && ok "Neovim: :TalaEval on line 3 played the paragraph (d hats)" ||
        bad "Neovim: after :TalaEval tala plays '$(playing)'"
    r=$(tr -d '\000' <"$tmp/nvim" 2>/dev/null | tr '\n' '|')
    [[ "$r" == "false|5:12 unclosed '(' (opened here)"* ]] &&
        ok "Neovim: the bad paragraph's error is a diagnostic at 5:12 (${r#false|})" ||
        bad "Neovim: the bad paragraph gave '$r'"
    nvim --headless -u NONE -i NONE --cmd "set rtp^=$ROOT/editors/nvim" +"runtime plugin/tala.lua" \
        +"TalaHush" +"qa!" >/dev/null 2>&1
    [ -z "$(playing)" ] && ok "Neovim: :TalaHush stopped every track" || bad "Neovim: after :TalaHush '$(playing)'"
else
    bad "nvim is not installed (./build.sh deps installs neovim)"
fi

# Emacs
if command -v emacs >/dev/null; then
    emacs -Q --batch -l "$ROOT/editors/emacs/tala-mode.el" --eval "
      (progn (find-file \"$tmp/song.tala\")
             (unless (eq major-mode 'tala-mode) (error \"not tala-mode\"))
             (goto-char (point-min)) (forward-line 1)
             (let ((good (tala-eval-paragraph)))
               (goto-char (point-min)) (forward-line 4)
               (let ((bad (tala-eval-paragraph)))
                 (with-temp-file \"$tmp/emacs\"
                   (insert (format \"%s %s\n\" good bad)
                           (with-current-buffer \"*tala*\" (buffer-string)))))))" >/dev/null 2>&1
    [ "$(playing)" = "d hats" ] && ok "Emacs: C-c C-c (tala-eval-paragraph) played the paragraph" ||
        bad "Emacs: after tala-eval-paragraph tala plays '$(playing)'"
    head -2 "$tmp/emacs" 2>/dev/null | tr '\n' '|' | grep -q "^t nil|$tmp/song.tala:5:12: unclosed '('" &&
        ok "Emacs: the bad paragraph's error in *tala* as $tmp/song.tala:5:12 (compilation mode)" ||
        bad "Emacs: '$(head -2 "$tmp/emacs" 2>/dev/null | tr '\n' '|')'"
    emacs -Q --batch -l "$ROOT/editors/emacs/tala-mode.el" --eval "(tala-hush)" >/dev/null 2>&1
    [ -z "$(playing)" ] && ok "Emacs: tala-hush stopped every track" || bad "Emacs: after tala-hush '$(playing)'"
else
    bad "emacs is not installed (./build.sh deps installs emacs-nox)"
fi

# VS Code: the extension under node, vscode stood in for
if command -v node >/dev/null; then
    mkdir -p "$tmp/node_modules/vscode"
    cp "$here/vscode_stub.js" "$tmp/node_modules/vscode/index.js"
    NODE_PATH="$tmp/node_modules" node -e "
      const vscode = require('vscode');
      const ext = require('$ROOT/editors/vscode/extension.js');
      const pkg = require('$ROOT/editors/vscode/package.json');
      ext.activate({ subscriptions: [] });
      const doc = vscode.document('$tmp/song.tala');
      const at = (line) => ({ document: doc, selection: { isEmpty: true, active: { line } } });
      (async () => {
        vscode.window.activeTextEditor = at(2);
        const good = await vscode.commands.map.get('tala.eval')();
        vscode.window.activeTextEditor = at(5);
        const badr = await vscode.commands.map.get('tala.eval')();
        const d = (vscode.log.diagnostics.get('$tmp/song.tala') || [])[0];
        console.log([good.ok, badr.ok, d ? (d.range.start.line + 1) + ':' + (d.range.start.character + 1) : 'none',
                     vscode.log.errors[0] || '', pkg.contributes.keybindings[0].key,
                     [...vscode.commands.map.keys()].join(',')].join('|'));
      })();" >"$tmp/vscode" 2>&1
    r=$(cat "$tmp/vscode")
    [ "$(playing)" = "d hats" ] && [[ "$r" == "true|false|5:12|$tmp/song.tala:5:12: unclosed '('"* ]] &&
        [[ "$r" == *"|ctrl+enter|tala.eval,tala.hush,tala.query,tala.tempo" ]] &&
        ok "VS Code: tala.eval played the block and put the bad one's error at 5:12 ($(cut -d'|' -f5- <<<"$r"))" ||
        bad "VS Code: '$r', playing '$(playing)'"
else
    bad "node is not installed (./build.sh deps installs nodejs)"
fi

echo "$pass passed, $fail failed"
[ $fail = 0 ]

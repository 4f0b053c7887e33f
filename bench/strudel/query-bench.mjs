#!/usr/bin/env node
// usage: node query-bench.mjs [--seconds S] [--runs R] LIST
//
// Strudel's side of bench/queries.sh: how many events a second Strudel 1.2.6
// queries for each case of LIST, cycle by cycle, the way its scheduler does
// (cyclist.mjs: pattern.queryArc(begin, end, { _cps }) and the haps that
// hasOnset()), here one whole cycle [c, c + 1) at a time from cycle 0.
//
// LIST has one case a line, `KIND TEXT` (blank lines and # comments skipped):
//   mini TEXT   mini-notation, parsed by @strudel/mini's mini()
//   expr TEXT   a Strudel expression; every "..." is mini-notation, every
//               core, mini and tonal name is in scope (as ../../../shared/oracle's
//               query-expr.mjs evaluates it: no source locations attached)
//   tune FILE   a whole tune, through Strudel's own REPL (repl().evaluate
//               with @strudel/transpiler, as strudel.cc and the oracle's
//               query-tune.mjs do), queried with the tempo it set as _cps
//
// First a second of queries of two patterns warms the JIT up. Per case:
// warm-up and calibration (passes of growing length until one
// takes S/4 seconds), one untimed pass of the chosen length (the JIT's last
// say), then R timed passes over the same cycles (again with more cycles if
// their median fell short of S); only queryArc and the onset filter are timed. Prints one tab-separated line a case:
//   KIND  TEXT  STATUS  CYCLES  EVENTS  SECONDS(median)  EVENTS_PER_SECOND
// STATUS is ok, warned (Strudel logged something while evaluating or
// querying: a query error there is logged and gives no events) or
// error:MESSAGE (then the numbers are 0).
//
// The evaluation code (console handling, strudel.cc's stubs) is adapted from
// ../shared/oracle (lib.mjs, query-tune.mjs).

import { readFileSync } from 'node:fs';
import { register as registerHooks } from 'node:module';

registerHooks('./resolve-hooks.mjs', import.meta.url);

const args = process.argv.slice(2);
let seconds = 0.5;
let runs = 3;
let listFile;
for (let i = 0; i < args.length; i++) {
  if (args[i] === '--seconds' && i + 1 < args.length) seconds = +args[++i];
  else if (args[i] === '--runs' && i + 1 < args.length) runs = +args[++i];
  else if (listFile === undefined) listFile = args[i];
  else listFile = null;
}
if (!listFile || !(seconds > 0) || !(runs >= 1)) {
  process.stderr.write('usage: node query-bench.mjs [--seconds S] [--runs R] LIST\n');
  process.exit(2);
}

// ---- console: quiet while loading, recorded as warnings afterwards -----------
const KINDS = ['log', 'info', 'debug', 'warn', 'error'];
const warnings = [];
function setConsole(mode) {
  for (const k of KINDS)
    console[k] =
      mode === 'quiet'
        ? () => {}
        : (...xs) => {
            const text = xs.map((x) => (x instanceof Error ? x.message : String(x))).join(' ');
            if (text.includes('[eval] code updated')) return;
            warnings.push(text.replace(/^%c/, '').slice(0, 200));
          };
}

setConsole('quiet');
const core = await import('@strudel/core');
const mini = await import('@strudel/mini');
const tonal = await import('@strudel/tonal');
const { transpiler, registerWidgetType } = await import('@strudel/transpiler');

const { Pattern, register, silence, isPattern, noteToMidi, valueToMidi, ref, evalScope } = core;

// ---- what strudel.cc adds besides the packages (the oracle's query-tune.mjs) --
const maxPan = noteToMidi('C8');
const panwidth = (pan, width) => pan * width + (1 - width) / 2;
Pattern.prototype.piano = function () {
  return this.fmap((v) => ({ ...v, clip: v.clip ?? 1 }))
    .s('piano')
    .release(0.1)
    .fmap((value) => {
      const midi = valueToMidi(value);
      const pan = panwidth(Math.min(Math.round(midi) / maxPan, 1), 0.5);
      return { ...value, pan: (value.pan || 1) * pan };
    });
};
const same = function () {
  return this;
};
const resolved = () => Promise.resolve();
for (const m of ['pianoroll', 'punchcard', 'wordfall', 'spiral', 'pitchwheel', 'draw', 'onPaint']) {
  Pattern.prototype[m] = same;
}
Pattern.prototype.animate = () => silence;
const analyzing = function (config = {}) {
  return this.analyze(config.id ?? 1);
};
for (const m of ['scope', 'tscope', 'fscope', 'spectrum']) Pattern.prototype[m] = analyzing;
for (const w of ['_pianoroll', '_punchcard', '_spiral', '_pitchwheel']) {
  registerWidgetType(w);
  Pattern.prototype[w] = same;
}
for (const w of ['_scope', '_spectrum']) {
  registerWidgetType(w);
  Pattern.prototype[w] = function (id) {
    return this.analyze(id);
  };
}
for (const m of ['midi', 'osc', 'serial', 'dough', 'supradough']) Pattern.prototype[m] = same;
const triggerOnly = (name) => register(name, (_arg, pat) => pat);
const stubs = {
  samples: resolved,
  aliasBank: resolved,
  registerSynthSounds: resolved,
  registerZZFXSounds: resolved,
  registerSoundfonts: resolved,
  loadCsound: resolved,
  loadcsound: resolved,
  loadCSound: resolved,
  loadOrc: resolved,
  initHydra: resolved,
  csound: triggerOnly('csound'),
  csoundm: triggerOnly('csoundm'),
  theme: triggerOnly('theme'),
  fontFamily: triggerOnly('fontFamily'),
  fontSize: triggerOnly('fontSize'),
  pianoroll: (arg) => (isPattern(arg) ? arg.pianoroll() : (pat) => pat.pianoroll(arg)),
  slider: (value) => core.pure(value),
  sliderWithID: (_id, value) => ref(() => value),
};
await evalScope(core, tonal, mini, stubs);
const scope = Object.assign(Object.create(null), core, mini, tonal);
setConsole('record');

// ---- the three kinds of case --------------------------------------------------

// "..." -> mini("...") as the oracle's lib.mjs rewriteExpression does
function evalExpression(code) {
  if (/['`\\]/.test(code)) throw new Error('single quotes, backticks and backslashes are not supported');
  const js = code.replace(/"([^"]*)"/g, (_, s) => `mini(${JSON.stringify(s)})`);
  const pat = new Function('__scope', `with (__scope) { return (\n${js}\n); }`)(scope);
  if (!isPattern(pat)) throw new Error('expression is not a pattern');
  return { pat, controls: {} };
}

async function evalTune(file) {
  let evalError;
  const repl = core.repl({
    defaultOutput: () => {},
    getTime: () => 0,
    transpiler,
    onEvalError: (e) => (evalError = e),
  });
  const pat = await repl.evaluate(readFileSync(file, 'utf8'), false); // false: no clock
  if (evalError || !isPattern(pat)) throw new Error(evalError ? evalError.message : 'no pattern');
  return { pat, controls: { _cps: repl.scheduler.cps } };
}

// the onsets of cycles [0, n), one cycle a query
function pass({ pat, controls }, n) {
  let total = 0;
  for (let c = 0; c < n; c++) {
    const haps = pat.queryArc(c, c + 1, controls);
    for (let i = 0; i < haps.length; i++) if (haps[i].hasOnset()) total++;
  }
  return total;
}

function bench(q) {
  let n = 4;
  for (;;) {
    const t0 = performance.now();
    pass(q, n);
    const dt = (performance.now() - t0) / 1000;
    if (dt >= seconds / 4 || n >= 2 ** 40) {
      n = Math.max(n, Math.ceil(((n * seconds) / Math.max(dt, 1e-9)) * 1.25));
      break;
    }
    n *= dt < seconds / 256 ? 16 : 4;
  }
  let events = pass(q, n); // warm-up at full length
  let dt = 0;
  for (let tries = 0; tries < 2; tries++) {
    const times = [];
    for (let r = 0; r < runs; r++) {
      const t0 = performance.now();
      events = pass(q, n);
      times.push((performance.now() - t0) / 1000);
    }
    times.sort((a, b) => a - b);
    dt = times[Math.floor(runs / 2)];
    if (dt >= seconds) break;
    // the calibration fell short (a busy machine): once more, with enough cycles
    n = Math.ceil(((n * seconds) / Math.max(dt, 1e-9)) * 1.1);
  }
  return { n, events, dt };
}

// the JIT's first say, before any case is timed: a second of queries
{
  const q = [{ pat: mini.mini('[bd*16, hh*32, <sn cp>*8]'), controls: {} }];
  q.push(evalExpression('note("c3 e3 g3 b3").off(0.125, add(note(7))).jux(rev).every(3, fast(2))'));
  for (const t0 = performance.now(); performance.now() - t0 < 1000; ) for (const x of q) pass(x, 16);
}

const clean = (s) => String(s).replace(/[\t\n]+/g, ' ');
for (const raw of readFileSync(listFile, 'utf8').split('\n')) {
  const line = raw.trim();
  if (!line || line.startsWith('#')) continue;
  const m = /^(\S+)\s+(.*)$/.exec(line);
  const kind = m ? m[1] : line;
  const text = m ? m[2] : '';
  let out;
  warnings.length = 0;
  try {
    const q =
      kind === 'mini'
        ? { pat: mini.mini(text), controls: {} }
        : kind === 'expr'
          ? evalExpression(text)
          : kind === 'tune'
            ? await evalTune(text)
            : (() => {
                throw new Error(`unknown kind ${kind}`);
              })();
    const { n, events, dt } = bench(q);
    const status = warnings.length ? 'warned' : 'ok';
    out = [status, n, events, dt.toFixed(4), (events / dt).toFixed(0)];
    if (warnings.length) process.stderr.write(`# ${text}: Strudel said: ${warnings[0]}\n`);
  } catch (e) {
    out = [`error:${clean(e.message).slice(0, 120)}`, 0, 0, 0, 0];
  }
  process.stdout.write([kind, clean(text), ...out].join('\t') + '\n');
}
process.exit(0);

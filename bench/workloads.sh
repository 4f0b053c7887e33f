#!/usr/bin/env bash
# workloads.sh TALA - runs workloads W1-W3 (WORKLOADS.md) in tala and, in the
# same run, in the peer engines (run-peers.sh: ChucK, scsynth, Csound), and
# prints one table: CPU seconds per audio second, realtime factor, peak RSS,
# and how many times less CPU tala needs than each peer (> 1: tala is faster).
# tala renders twice: as the peers do (--no-loudness) and as `tala render`
# does by default, measuring the file with libebur128 too ("tala+r128").
#
# Every engine renders offline to a 48 kHz stereo float WAV (ChucK: 16-bit),
# timed by GNU time -v around the whole process; medians of RUNS runs (3).
# Env: RUNS=3, ENGINES (peers, see run-peers.sh), NO_PEERS=1 for tala alone,
#      KEEP=1 keeps the work directory (renders, logs).
set -u
HERE=$(cd "$(dirname "$0")" && pwd)
TALA=${1:?usage: workloads.sh PATH/TO/tala}
RUNS=${RUNS:-3}
WORKLOADS="w1_osc_bank w2_drum_machine w3_poly_synth"
WORK=$(mktemp -d)
TIME_BIN=$(type -P time || true)
[ -n "$TIME_BIN" ] || { echo "GNU time not found (apt-get install time)" >&2; exit 1; }

audio_s() { case "$1" in w1_osc_bank) echo 60;; w2_drum_machine) echo 300;; w3_poly_synth) echo 120;; esac; }
median() { sort -g | awk '{v[NR]=$1} END{ if (NR%2) print v[(NR+1)/2]; else printf "%.3f\n", (v[NR/2]+v[NR/2+1])/2 }'; }

# "tala" renders as the peers do, writing the file and measuring nothing
# (--no-loudness); "tala+r128" is a plain `tala render`, which also measures
# the file with libebur128 (integrated loudness, range and true peak) for its
# report line. Runs alternate between the two.
echo "# tala: $RUNS runs of each workload, with and without the EBU R128 measurement" >&2
: > "$WORK/results"
for w in $WORKLOADS; do
  A=$(audio_s "$w"); : > "$WORK/tala.$w.metrics"; : > "$WORK/tala+r128.$w.metrics"
  for r in $(seq 1 "$RUNS"); do
    for e in tala tala+r128; do
      flag=--no-loudness; [ "$e" = tala ] || flag=
      "$TIME_BIN" -v -o "$WORK/$e.$w.$r.time" "$TALA" render "$HERE/tala/$w.tala" \
        -o "$WORK/tala.$w.wav" --seconds "$A" --rate 48000 $flag >"$WORK/$e.$w.$r.log" 2>&1 ||
        { echo "$e $w run $r failed:" >&2; cat "$WORK/$e.$w.$r.log" >&2; exit 1; }
      awk -F': ' '/User time/{u=$2} /System time/{s=$2} /Maximum resident/{m=$2}
        /Elapsed \(wall clock\)/{n=split($2,p,":"); w=0; for(i=1;i<=n;i++) w=w*60+p[i]}
        END{printf "%.3f %.3f %d\n", w, u+s, m}' "$WORK/$e.$w.$r.time" >> "$WORK/$e.$w.metrics"
    done
    if [ "$r" = 1 ] && command -v sox >/dev/null; then
      echo "# check tala $w: $(sox "$WORK/tala.$w.wav" -n stat 2>&1 | awk -F: '/^Length/{l=$2} /^RMS +amp/{q=$2} /^Maximum amp/{m=$2}
        END{gsub(/ /,"",l);gsub(/ /,"",q);gsub(/ /,"",m); printf "len=%s rms=%s peak=%s", l, q, m}')" >&2
    fi
  done
  for e in tala tala+r128; do
    wall=$(awk '{print $1}' "$WORK/$e.$w.metrics" | median)
    cpu=$(awk '{print $2}' "$WORK/$e.$w.metrics" | median)
    rss=$(awk '{print $3}' "$WORK/$e.$w.metrics" | median)
    echo "$e $w $A $wall $cpu ${rss%.*}" >> "$WORK/results"
  done
done

if [ -z "${NO_PEERS:-}" ]; then
  echo "# peers: $RUNS runs of each workload (run-peers.sh)" >&2
  WORKDIR="$WORK/peers" RUNS="$RUNS" bash "$HERE/run-peers.sh" | grep -v '^#' |
    awk 'NF >= 6 && $4 != "FAILED" {print $1, $2, $3, $4, $5, $6}' >> "$WORK/results"
fi

echo
echo "# $(nproc) cpus, $(awk -F': ' '/model name/{print $2; exit}' /proc/cpuinfo); medians of $RUNS runs"
awk '
  { key = $2; eng[NR] = $1; wl[NR] = $2; a[NR] = $3; wall[NR] = $4; cpu[NR] = $5; rss[NR] = $6
    if ($1 == "tala") tala[key] = $5 / $3 }
  END {
    printf "%-16s %-14s %12s %10s %10s %14s\n", "workload", "engine", "cpu_s/audio_s", "realtime", "peak_MB", "tala_faster_by"
    for (i = 1; i <= NR; i++) {
      c = cpu[i] / a[i]; rt = wall[i] > 0 ? a[i] / wall[i] : 0
      r = "-"
      if (eng[i] !~ /^tala/ && (wl[i] in tala) && tala[wl[i]] > 0) r = sprintf("%.2fx", c / tala[wl[i]])
      printf "%-16s %-14s %12.4f %9.1fx %10.1f %14s\n", wl[i], eng[i], c, rt, rss[i] / 1024, r
    }
  }' "$WORK/results"
[ -n "${KEEP:-}" ] && echo "# work directory: $WORK" || rm -rf "$WORK"

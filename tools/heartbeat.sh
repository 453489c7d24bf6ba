#!/usr/bin/env bash
# Runs a command with its output passed through as it comes, and a line of its own whenever the command has printed
# nothing for 30 s, so that a long test run is never silent for long. Usage: tools/heartbeat.sh LABEL COMMAND [ARGS...]
label="$1"
shift
stamp="$(mktemp)"
start=$SECONDS
(
  while sleep 5; do
    [ -e "$stamp" ] || exit 0
    if [ $(( $(date +%s) - $(stat -c %Y "$stamp") )) -ge 30 ]; then
      echo "  … $label: still running ($((SECONDS - start)) s)"
      touch "$stamp"
    fi
  done
) &
ticker=$!
"$@" 2>&1 | while IFS= read -r line || [ -n "$line" ]; do printf '%s\n' "$line"; touch "$stamp"; done
status=${PIPESTATUS[0]}
rm -f "$stamp"
kill "$ticker" 2>/dev/null
exit "$status"

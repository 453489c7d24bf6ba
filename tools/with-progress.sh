#!/usr/bin/env bash
# Runs a long build step so that it is never silent for long: "LABEL ..." when it starts, a line every 20 s while it
# runs, and "LABEL: done in N s" (or its failure, with its output) at the end.
# Usage: tools/with-progress.sh LABEL COMMAND [ARGS...]
label="$1"
shift
start=$SECONDS
echo "$label ..."
log="$(mktemp)"
"$@" > "$log" 2>&1 &
pid=$!
while kill -0 "$pid" 2>/dev/null; do
  for _ in $(seq 1 40); do kill -0 "$pid" 2>/dev/null || break; sleep 0.5; done
  kill -0 "$pid" 2>/dev/null && echo "  $label: still working ($((SECONDS - start)) s)"
done
wait "$pid"
status=$?
if [ $status -ne 0 ]; then
  cat "$log" >&2
  echo "$label: failed after $((SECONDS - start)) s" >&2
else
  grep -E "warning|error" "$log" || true
  echo "$label: done in $((SECONDS - start)) s"
fi
rm -f "$log"
exit $status

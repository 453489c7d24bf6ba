#!/usr/bin/env bash
# Adds up the results of every test runner `make test` ran (their logs are the arguments) into one closing line.
set -euo pipefail
passed=0 failed=0 skipped=0
for log in "$@"; do
  # dotnet test: "Passed!  - Failed:     0, Passed:    83, Skipped:     0, Total: ..."
  while read -r f p s; do
    failed=$((failed + f)); passed=$((passed + p)); skipped=$((skipped + s))
  done < <(sed -n 's/.*Failed: *\([0-9]*\), Passed: *\([0-9]*\), Skipped: *\([0-9]*\),.*/\1 \2 \3/p' "$log")
  # dotnet test, normal verbosity: "Total tests: 367" then "     Passed: 360", "     Failed: 2", "    Skipped: 5"
  if grep -q '^Total tests: ' "$log"; then
    p=$(sed -n '/^Total tests: /,/Total time/{s/^ *Passed: *\([0-9]*\)$/\1/p}' "$log" | tail -1); passed=$((passed + ${p:-0}))
    f=$(sed -n '/^Total tests: /,/Total time/{s/^ *Failed: *\([0-9]*\)$/\1/p}' "$log" | tail -1); failed=$((failed + ${f:-0}))
    s=$(sed -n '/^Total tests: /,/Total time/{s/^ *Skipped: *\([0-9]*\)$/\1/p}' "$log" | tail -1); skipped=$((skipped + ${s:-0}))
  fi
  # node --test: "ℹ pass 24" / "ℹ fail 0" / "ℹ skipped 0"
  p=$(sed -n 's/^ℹ pass \([0-9]*\)$/\1/p' "$log" | tail -1); passed=$((passed + ${p:-0}))
  f=$(sed -n 's/^ℹ fail \([0-9]*\)$/\1/p' "$log" | tail -1); failed=$((failed + ${f:-0}))
  s=$(sed -n 's/^ℹ skipped \([0-9]*\)$/\1/p' "$log" | tail -1); skipped=$((skipped + ${s:-0}))
done
echo "tests: $passed passed, $failed failed, $skipped skipped"
[ "$failed" -eq 0 ]

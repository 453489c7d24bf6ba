#!/usr/bin/env bash
# One summary across the shards' drift checks, in Markdown: a line per shard of the list SHARDS (e.g. [1,2,3]), from
# the results the checks left in RESULTS; printed, and appended to SUMMARY_FILE when given ($GITHUB_STEP_SUMMARY). A
# shard without a result (its job never ran or died) counts as an error. Exits 0 when every shard is in line, 7 when
# some drifted and none failed, 1 otherwise.
set -euo pipefail
usage="usage: summarize.sh RESULTS_FOLDER SHARDS [SUMMARY_FILE]"
results="${1:?$usage}"
shards="${2:?$usage}"
summary_file="${3:-/dev/null}"
drift=0
errors=0
lines=("| shard | state | pulumi exit code |" "| ---: | --- | ---: |")
for shard in $(echo "$shards" | tr -d '[] ' | tr ',' ' '); do
  if [ -f "$results/shard-$shard.txt" ]; then
    read -r _ verdict code < "$results/shard-$shard.txt"
  else
    verdict=error
    code="none: no result"
  fi
  case "$verdict" in
    in-line) lines+=("| $shard | in line with Git | $code |") ;;
    drift) drift=$((drift + 1)); lines+=("| $shard | **drift**: Webex differs from Git | $code |") ;;
    *) errors=$((errors + 1)); lines+=("| $shard | **error**: the check did not complete | $code |") ;;
  esac
done
lines+=("" "$drift shard(s) drifted, $errors could not be checked.")
printf '%s\n' "${lines[@]}" | tee -a "$summary_file"
if [ "$errors" -gt 0 ]; then exit 1; fi
if [ "$drift" -gt 0 ]; then exit 7; fi

#!/usr/bin/env bash
# One summary across the shards' drift checks, in Markdown: a line per shard of the list SHARDS (e.g. [1,2,3]), from
# the results the checks left in RESULTS; printed, and appended to SUMMARY_FILE when given ($GITHUB_STEP_SUMMARY). A
# shard without a result (its job never ran or died) counts as an error. Then the audit across shards (audit.sh's
# RESULTS/audit.txt and audit.md): what no shard declares. Exits 1 on any error (an audit that did not run is one), else
# 7 when some shard drifted, else 3 when the audit found unmanaged, twice-managed or gone resources, else 0.
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
lines+=("" "$drift shard(s) drifted, $errors could not be checked." "" "### What no shard declares" "")
found=0
audit="error none"
if [ -f "$results/audit.txt" ]; then read -r audit_verdict audit_code audit_missing < "$results/audit.txt"; audit="$audit_verdict $audit_code"; fi
case "$audit" in
  clean*|found*)
    [ "${audit%% *}" = found ] && found=1
    mapfile -t audit_lines < "$results/audit.md"
    lines+=("${audit_lines[@]}") ;;
  *)
    errors=$((errors + 1))
    if [ "${audit_missing:--}" != "-" ]; then
      lines+=("**error**: the audit did not run: no state of shard(s) ${audit_missing} (their drift check left none).")
    else
      lines+=("**error**: the audit did not complete (exit ${audit#* }); see the summary job's log.")
    fi ;;
esac
printf '%s\n' "${lines[@]}" | tee -a "$summary_file"
if [ "$errors" -gt 0 ]; then exit 1; fi
if [ "$drift" -gt 0 ]; then exit 7; fi
if [ "$found" -gt 0 ]; then exit 3; fi

#!/usr/bin/env bash
# What no shard declares: `webex-wholesale-export audit` over every shard's state (RESULTS/stack-N.json, which the
# drift checks left) for the shards of the list SHARDS (e.g. [1,2,3]), so that a customer or subscriber declared by
# any shard counts as managed. Writes the audit's Markdown to RESULTS/audit.md, the files that adopt what it finds
# to RESULTS/adopt-import.json and RESULTS/adopt-fleet.yaml, and "<found|clean|error> <exit code> <missing shards>" to
# RESULTS/audit.txt for the summary; exits 0 (the summary decides what fails).
set -uo pipefail
usage="usage: audit.sh RESULTS_FOLDER SHARDS EXPORTER"
results="${1:?$usage}"
shards="${2:?$usage}"
exporter="${3:?$usage}"
args=()
missing=()
for shard in $(echo "$shards" | tr -d '[] ' | tr ',' ' '); do
  if [ -f "$results/stack-$shard.json" ]; then
    args+=(--stack-export "$results/stack-$shard.json")
  else
    missing+=("$shard")
  fi
done
if [ "${#missing[@]}" -gt 0 ]; then
  # Without every shard's state, resources of the missing shards would be reported as unmanaged: no audit.
  echo "error none ${missing[*]}" > "$results/audit.txt"
  exit 0
fi
"$exporter" audit "${args[@]}" --summary-file "$results/audit.md" \
  --import-file "$results/adopt-import.json" --fleet-file "$results/adopt-fleet.yaml"
code=$?
case "$code" in
  0) verdict=clean ;;
  3) verdict=found ;;
  *) verdict=error ;;
esac
echo "$verdict $code -" > "$results/audit.txt"
exit 0

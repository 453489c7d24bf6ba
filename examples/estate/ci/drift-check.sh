#!/usr/bin/env bash
# The scheduled drift check of one shard: `pulumi preview --refresh --expect-no-changes` on its stack. Since Pulumi
# 3.227 that exits 7 when the preview shows changes (drift) and any other non-zero code on an error, so the two are
# told apart. Writes "<shard> <in-line|drift|error> <exit code>" to RESULTS/shard-<shard>.txt for the summary, the
# shard's state (`pulumi stack export`) to RESULTS/stack-<shard>.json for the audit across shards, and exits with the
# preview's code.
set -uo pipefail
shard="${1:?usage: drift-check.sh SHARD RESULTS_FOLDER}"
results="${2:?usage: drift-check.sh SHARD RESULTS_FOLDER}"
mkdir -p "$results"
pulumi preview --refresh --expect-no-changes --non-interactive --diff --stack "${STACK_PREFIX:-}shard-$shard" --cwd "${PROGRAM_DIR:?set PROGRAM_DIR to the folder of the program}"
code=$?
case "$code" in
  0) verdict=in-line ;;
  7) verdict=drift ;;
  *) verdict=error ;;
esac
echo "$shard $verdict $code" > "$results/shard-$shard.txt"
# The state as the stack holds it, for `webex-wholesale-export audit` (secrets stay encrypted in it). A shard whose
# export fails is missing from the audit, which the summary reports as an error.
pulumi stack export --stack "${STACK_PREFIX:-}shard-$shard" --cwd "$PROGRAM_DIR" --file "$results/stack-$shard.json" > /dev/null || rm -f "$results/stack-$shard.json"
exit "$code"

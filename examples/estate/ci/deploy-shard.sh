#!/usr/bin/env bash
# Deploys one shard: `pulumi up` on its stack (STACK_PREFIX + shard-N, e.g. acme/webex-wholesale-estate/shard-2) of
# the program in PROGRAM_DIR. A shard that fails halfway leaves the other shards deployed and its own state recording
# what Webex finished; the next run resumes it.
set -euo pipefail
shard="${1:?usage: deploy-shard.sh SHARD}"
pulumi up --yes --non-interactive --refresh --stack "${STACK_PREFIX:-}shard-$shard" --cwd "${PROGRAM_DIR:?set PROGRAM_DIR to the folder of the program}"

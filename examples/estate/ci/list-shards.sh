#!/usr/bin/env bash
# Prints the shards of the estate as a GitHub Actions output, list=[1,2,…], from the fleet files in FOLDER
# (customers-1.yaml … customers-N.yaml, as webex-wholesale-export --shards N writes them).
set -euo pipefail
folder="${1:?usage: list-shards.sh FLEET_FOLDER}"
shards=$(find "$folder" -maxdepth 1 -name 'customers-*.yaml' | sed -E 's/.*customers-([0-9]+)\.yaml$/\1/' | grep -E '^[0-9]+$' | sort -n | paste -sd, - || true)
if [ -z "$shards" ]; then
  echo "no fleet files customers-N.yaml in $folder: run webex-wholesale-export --shards N --fleet-file $folder/customers.yaml" >&2
  exit 1
fi
echo "list=[$shards]"

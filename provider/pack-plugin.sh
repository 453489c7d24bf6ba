#!/usr/bin/env bash
# Packs a plugin executable into a release archive in Pulumi's layout: the executable, LICENSE and README.md at the
# archive's root. Usage: provider/pack-plugin.sh <archive.tar.gz> <executable>
set -euo pipefail
archive=$1 executable=$2
root=$(cd "$(dirname "$0")/.." && pwd)
stage=$(mktemp -d)
trap 'rm -rf "$stage"' EXIT
install -m 0755 "$executable" "$stage/"
cp "$root/LICENSE" "$root/README.md" "$stage/"
mkdir -p "$(dirname "$archive")"
(cd "$stage" && tar --owner=0 --group=0 --sort=name -czf - *) > "$archive"
echo "packed $archive"

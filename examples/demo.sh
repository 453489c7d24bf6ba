#!/usr/bin/env bash
# make demo: deploys the YAML example fleet to the local Webex simulator with a local Pulumi backend in a temporary
# directory, checks for drift, and destroys it again. Needs the Pulumi CLI; builds nothing itself (make does).
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"

if ! command -v pulumi >/dev/null 2>&1; then
  cat >&2 <<'MSG'
make demo: the Pulumi CLI is not on PATH, so the example fleet cannot be deployed.
Install it (https://www.pulumi.com/docs/iac/download-install/, e.g. `curl -fsSL https://get.pulumi.com | sh`),
then run `make demo` again. The plugin and the simulator are built: bin/pulumi-resource-webex-wholesale and
bin/webex-wholesale-simulator.
MSG
  exit 1
fi

work="$(mktemp -d)"
simulator_pid=""
cleanup() {
  [ -n "$simulator_pid" ] && kill "$simulator_pid" 2>/dev/null || true
  rm -rf "$work"
}
trap cleanup EXIT

# The simulator prints its base URL as its first line.
"$root/bin/webex-wholesale-simulator" --port 0 --provisioning-seconds 3 > "$work/simulator.out" 2> "$work/simulator.err" &
simulator_pid=$!
for _ in $(seq 1 100); do [ -s "$work/simulator.out" ] && break; sleep 0.1; done
base_url="$(head -1 "$work/simulator.out")"
echo "simulator: $base_url"

cp "$root/examples/yaml/Pulumi.yaml" "$work/"
cd "$work"
export PULUMI_BACKEND_URL="file://$work/state" PULUMI_CONFIG_PASSPHRASE="demo" PULUMI_SKIP_UPDATE_CHECK=true
mkdir -p "$work/state"
# The engine finds the plugin on PATH (bin/), without installing it.
export PATH="$root/bin:$PATH"

pulumi stack init demo --non-interactive
pulumi config set webex-wholesale:baseUrl "$base_url"
pulumi config set --secret webex-wholesale:accessToken dev-token

echo "== pulumi up"
pulumi up --yes --non-interactive
echo "== drift check (nothing changed outside Pulumi: no changes expected)"
pulumi preview --refresh --expect-no-changes --non-interactive
echo "== pulumi destroy"
pulumi destroy --yes --non-interactive
echo "demo finished: the fleet was deployed to the simulator, checked for drift and destroyed"

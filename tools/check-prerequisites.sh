#!/usr/bin/env bash
# Says, in one message and before anything is built, what a make target needs that this machine lacks, and how to
# get each. Usage: tools/check-prerequisites.sh TARGET NEED...   (NEED: pulumi dotnet node clang zlib)
# Only shell builtins and dpkg are used, so it answers within a second however bare the machine is.
target="$1"
shift
missing=()
hint() {
  case "$1" in
    pulumi) echo "  - the Pulumi CLI (3.74 or newer): https://www.pulumi.com/docs/iac/download-install/ (e.g. curl -fsSL https://get.pulumi.com | sh)" ;;
    dotnet) echo "  - the .NET 10 SDK: https://dot.net/download (Debian/Ubuntu: apt-get install dotnet-sdk-10.0)" ;;
    node) echo "  - Node.js 20 or newer with npm (Debian/Ubuntu: apt-get install nodejs npm)" ;;
    clang) echo "  - clang, for the NativeAOT plugin (Debian/Ubuntu: apt-get install clang)" ;;
    zlib) echo "  - zlib's headers, for the NativeAOT plugin (Debian/Ubuntu: apt-get install zlib1g-dev)" ;;
  esac
}
for need in "$@"; do
  case "$need" in
    zlib)
      if command -v dpkg >/dev/null 2>&1 && ! dpkg -s zlib1g-dev >/dev/null 2>&1; then missing+=(zlib); fi ;;
    node)
      { command -v node >/dev/null 2>&1 && command -v npm >/dev/null 2>&1; } || missing+=(node) ;;
    *)
      command -v "$need" >/dev/null 2>&1 || missing+=("$need") ;;
  esac
done
if [ ${#missing[@]} -gt 0 ]; then
  echo "make $target: this machine lacks what it needs; nothing was built. Install:" >&2
  for need in "${missing[@]}"; do hint "$need" >&2; done
  echo "then run make $target again (.ci/run installs all but the Pulumi CLI on Debian)." >&2
  exit 1
fi

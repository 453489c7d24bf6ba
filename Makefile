# pulumi-webex-wholesale — build, test and install the Pulumi provider for Webex Wholesale.
# `make demo` runs the main job, `make test` every test; see README.md.

SHELL        := /bin/bash
.SHELLFLAGS  := -eu -o pipefail -c
VERSION      := $(shell sed -n 's:.*<Version>\(.*\)</Version>.*:\1:p' Directory.Build.props)
RID          ?= linux-x64
PLUGIN       := bin/pulumi-resource-webex-wholesale
SIMULATOR    := bin/webex-wholesale-simulator
PULUMI_HOME  ?= $(HOME)/.pulumi
PLUGIN_DIR   := $(PULUMI_HOME)/plugins/resource-webex-wholesale-v$(VERSION)
DOTNET       := DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1 dotnet
CONFORMANCE  := tests/conformance

.PHONY: all provider simulator install test test_unit test_conformance demo schema sdk_dotnet bench clean

all: provider simulator

# The plugin, published as NativeAOT (trim and AOT warnings fail the build).
provider: $(PLUGIN)

$(PLUGIN): $(shell find provider -name '*.cs' -o -name '*.proto' -o -name '*.csproj' | grep -v '/obj/' | grep -v '/bin/') schema.json Directory.Build.props Directory.Packages.props
	$(DOTNET) publish provider/Provider.csproj -c Release -r $(RID) -o bin/.publish/provider --nologo -v quiet
	install -m 0755 bin/.publish/provider/pulumi-resource-webex-wholesale $(PLUGIN)
	@echo "built $(PLUGIN) $(VERSION)"

# The local Webex Wholesale simulator (framework-dependent; a wrapper script runs it from bin/).
simulator: $(SIMULATOR)

$(SIMULATOR): $(shell find simulator -name '*.cs' -o -name '*.csproj' | grep -v '/obj/' | grep -v '/bin/') Directory.Build.props Directory.Packages.props
	$(DOTNET) publish simulator/Simulator.csproj -c Release -o bin/.publish/simulator --nologo -v quiet
	printf '#!/bin/sh\n# Runs the Webex Wholesale simulator published by `make simulator`.\nexec "$$(dirname "$$0")/.publish/simulator/webex-wholesale-simulator" "$$@"\n' > $(SIMULATOR)
	chmod +x $(SIMULATOR)
	@echo "built $(SIMULATOR)"

# Where the Pulumi CLI looks for plugins: $PULUMI_HOME/plugins/resource-<name>-v<version>/.
install: provider
	mkdir -p "$(PLUGIN_DIR)"
	install -m 0755 $(PLUGIN) "$(PLUGIN_DIR)/"
	@echo "installed into $(PLUGIN_DIR)"

LOGS := bin/test-logs

# Every test; the last line adds up all runners' results.
test: provider simulator
	@mkdir -p $(LOGS)
	$(MAKE) --no-print-directory test_unit 2>&1 | tee $(LOGS)/unit.log
	$(MAKE) --no-print-directory test_conformance 2>&1 | tee $(LOGS)/conformance.log
	@tests/report-totals.sh $(LOGS)/unit.log $(LOGS)/conformance.log

test_unit:
	$(DOTNET) test tests/WebexWholesale.Tests/WebexWholesale.Tests.csproj -c Release --nologo -v quiet --logger "console;verbosity=minimal"

$(CONFORMANCE)/node_modules/.package-lock.json: $(CONFORMANCE)/package-lock.json
	cd $(CONFORMANCE) && npm ci --no-audit --no-fund --loglevel=error

test_conformance: provider $(CONFORMANCE)/node_modules/.package-lock.json
	cd $(CONFORMANCE) && PLUGIN_PATH=$(CURDIR)/$(PLUGIN) node --test --test-concurrency=1 --test-reporter=spec

# Build, start the simulator, deploy the YAML example fleet, check for drift, destroy (needs the Pulumi CLI).
demo: provider simulator
	examples/demo.sh

# schema.json and the C# SDK's sources, generated from the provider's typed model (committed; a test compares them).
schema:
	$(DOTNET) run --project sdk/generator -c Release --nologo -v quiet -- $(CURDIR)

# The C# SDK package, where the Pulumi NuGet package can be restored.

sdk_dotnet:
	$(DOTNET) pack sdk/dotnet/Pulumi.WebexWholesale.csproj -c Release -o bin

# Start-up and memory of the plugin, NativeAOT against the JIT build, side by side (results: BENCHMARKS.md).
bench: provider $(CONFORMANCE)/node_modules/.package-lock.json
	$(DOTNET) build provider/Provider.csproj -c Release --nologo -v quiet
	node tests/bench/startup.js $(CURDIR)/$(PLUGIN) $(CURDIR)/provider/bin/Release/net10.0/pulumi-resource-webex-wholesale.dll
	node tests/bench/fleet.js $(CURDIR)/$(PLUGIN) $(CURDIR)/provider/bin/Release/net10.0/pulumi-resource-webex-wholesale.dll

clean:
	rm -rf bin provider/bin provider/obj simulator/bin simulator/obj sdk/generator/bin sdk/generator/obj tests/*/bin tests/*/obj

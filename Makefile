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
DOTNET       := env DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1 dotnet
# Long steps print a line when they start, every 20 s while they run, and their time at the end; test runs stream
# their output and add a line whenever they have been quiet for 30 s.
PROGRESS     := tools/with-progress.sh
CONFORMANCE  := tests/conformance
# Read when make starts, before any target builds: whether `make bench` began with nothing built (a fresh clone).
BENCH_FRESH  := $(if $(wildcard bin provider/bin),no,yes)

.PHONY: all provider simulator exporter install dist dist-% test test_unit test_conformance soak demo schema sdk_dotnet sdk_nodejs bench bench-estate clean check-%

all: provider simulator exporter

# The plugin, published as NativeAOT (trim and AOT warnings fail the build).
provider: $(PLUGIN)

$(PLUGIN): $(shell find provider -name '*.cs' -o -name '*.proto' -o -name '*.csproj' | grep -v '/obj/' | grep -v '/bin/') schema.json Directory.Build.props Directory.Packages.props
	$(PROGRESS) "building the plugin (NativeAOT, about 2 minutes)" $(DOTNET) publish provider/Provider.csproj -c Release -r $(RID) -o bin/.publish/provider --nologo -v quiet
	install -m 0755 bin/.publish/provider/pulumi-resource-webex-wholesale $(PLUGIN)
	@echo "built $(PLUGIN) $(VERSION)"

# The bulk export command for adopting a partner's existing customers, NativeAOT like the plugin.
EXPORTER     := bin/webex-wholesale-export
exporter: $(EXPORTER)

$(EXPORTER): $(shell find exporter provider -name '*.cs' -o -name '*.csproj' | grep -v '/obj/' | grep -v '/bin/') Directory.Build.props Directory.Packages.props
	$(PROGRESS) "building the exporter (NativeAOT)" $(DOTNET) publish exporter/Exporter.csproj -c Release -r $(RID) -o bin/.publish/exporter --nologo -v quiet
	install -m 0755 bin/.publish/exporter/webex-wholesale-export $(EXPORTER)
	@echo "built $(EXPORTER)"

# The local Webex Wholesale simulator (framework-dependent; a wrapper script runs it from bin/).
simulator: $(SIMULATOR)

$(SIMULATOR): $(shell find simulator -name '*.cs' -o -name '*.csproj' | grep -v '/obj/' | grep -v '/bin/') Directory.Build.props Directory.Packages.props
	$(PROGRESS) "building the simulator" $(DOTNET) publish simulator/Simulator.csproj -c Release -o bin/.publish/simulator --nologo -v quiet
	printf '#!/bin/sh\n# Runs the Webex Wholesale simulator published by `make simulator`.\nexec "$$(dirname "$$0")/.publish/simulator/webex-wholesale-simulator" "$$@"\n' > $(SIMULATOR)
	chmod +x $(SIMULATOR)
	@echo "built $(SIMULATOR)"

# Release archives in Pulumi's plugin layout, pulumi-resource-<name>-v<version>-<os>-<arch>.tar.gz, and their checksums.
# linux-amd64 is NativeAOT; NativeAOT cannot cross-compile from Linux to the others, so they are self-contained
# single-file builds (JIT), restored against a lock file of their own so the committed one stays as it is.
DIST         := bin/dist
ARCHIVE       = $(DIST)/pulumi-resource-webex-wholesale-v$(VERSION)-$(1).tar.gz
CROSS        := linux-arm64:linux-arm64 darwin-amd64:osx-x64 darwin-arm64:osx-arm64 windows-amd64:win-x64

dist: dist-linux-amd64 $(foreach target,$(CROSS),dist-$(firstword $(subst :, ,$(target)))) dist-nodejs
	cd $(DIST) && sha256sum *.tar.gz *.tgz > pulumi-resource-webex-wholesale_$(VERSION)_checksums.txt
	@cat $(DIST)/pulumi-resource-webex-wholesale_$(VERSION)_checksums.txt

# The npm package of the TypeScript SDK, next to the plugin archives.
dist-nodejs: sdk_nodejs
	@mkdir -p $(DIST)
	cd $(NODEJS_SDK) && npm pack --silent --pack-destination $(CURDIR)/$(DIST)

dist-linux-amd64: $(PLUGIN)
	provider/pack-plugin.sh $(call ARCHIVE,linux-amd64) $(PLUGIN)

define cross_dist
dist-$(1):
	$$(PROGRESS) "building the plugin for $(1)" $$(DOTNET) publish provider/Provider.csproj -c Release -r $(2) -o bin/.publish/$(2) --nologo -v quiet --self-contained \
		-p:PublishAot=false -p:PublishSingleFile=true -p:IncludeNativeLibrariesForSelfExtract=true \
		-p:NuGetLockFilePath=$(CURDIR)/bin/.publish/$(2).packages.lock.json
	provider/pack-plugin.sh $(call ARCHIVE,$(1)) bin/.publish/$(2)/pulumi-resource-webex-wholesale$(if $(findstring win,$(2)),.exe,)
endef
$(foreach target,$(CROSS),$(eval $(call cross_dist,$(firstword $(subst :, ,$(target))),$(lastword $(subst :, ,$(target))))))

# Where the Pulumi CLI looks for plugins: $PULUMI_HOME/plugins/resource-<name>-v<version>/.
install: provider
	mkdir -p "$(PLUGIN_DIR)"
	install -m 0755 $(PLUGIN) "$(PLUGIN_DIR)/"
	@echo "installed into $(PLUGIN_DIR)"

LOGS := bin/test-logs

# Every test; both runners always run, and the last line adds up their results (a runner that failed fails the target).
test: check-test provider simulator exporter dist-linux-amd64
	@mkdir -p $(LOGS)
	@status=0; \
	$(MAKE) --no-print-directory test_unit 2>&1 | tee $(LOGS)/unit.log || status=1; \
	$(MAKE) --no-print-directory test_conformance 2>&1 | tee $(LOGS)/conformance.log || status=1; \
	tests/report-totals.sh $(LOGS)/unit.log $(LOGS)/conformance.log && exit $$status

test_unit:
	$(PROGRESS) "building the unit tests" $(DOTNET) build tests/WebexWholesale.Tests/WebexWholesale.Tests.csproj -c Release --nologo -v quiet
	tools/heartbeat.sh "unit tests" $(DOTNET) test tests/WebexWholesale.Tests/WebexWholesale.Tests.csproj -c Release --no-build --nologo -v quiet --logger "console;verbosity=normal"

$(CONFORMANCE)/node_modules/.package-lock.json: $(CONFORMANCE)/package-lock.json
	cd $(CONFORMANCE) && npm ci --no-audit --no-fund --loglevel=error

test_conformance: provider sdk_nodejs $(CONFORMANCE)/node_modules/.package-lock.json
	cd $(CONFORMANCE) && PLUGIN_PATH=$(CURDIR)/$(PLUGIN) EXPORTER_PATH=$(CURDIR)/$(EXPORTER) $(CURDIR)/tools/heartbeat.sh "conformance tests" node --test --test-concurrency=1 --test-reporter=spec

# The fault soak at full size (500 customers with 4 subscribers each, 60 SIGKILL trials) and 100,000 generated inputs per
# resource through the gRPC parser; figures in
# bin/soak-report.json and bin/fuzz-report.json (RELIABILITY.md records them). A small soak runs in make test.
soak: provider simulator $(CONFORMANCE)/node_modules/.package-lock.json
	PLUGIN_PATH=$(CURDIR)/$(PLUGIN) node tests/soak/run.js 500 60 16
	FUZZ_ITERATIONS=100000 FUZZ_REPORT=$(CURDIR)/bin/fuzz-report.json $(DOTNET) test tests/WebexWholesale.Tests/WebexWholesale.Tests.csproj -c Release \
		--nologo -v quiet --filter "FullyQualifiedName~GeneratedInputs_"
	@cat bin/fuzz-report.json

# Build, start the simulator, deploy the YAML example fleet, check for drift, destroy (needs the Pulumi CLI). What the
# machine lacks is said first, in one message, before anything is built.
demo: check-demo provider simulator
	examples/demo.sh

check-demo:
	@tools/check-prerequisites.sh demo pulumi dotnet node clang zlib

check-test:
	@tools/check-prerequisites.sh test dotnet node clang zlib

# schema.json and the C# SDK's sources, generated from the provider's typed model (committed; a test compares them).
schema:
	$(DOTNET) run --project sdk/generator -c Release --nologo -v quiet -- $(CURDIR)

# The C# SDK package, where the Pulumi NuGet package can be restored.

sdk_dotnet:
	$(DOTNET) pack sdk/dotnet/Pulumi.WebexWholesale.csproj -c Release -o bin

# The TypeScript SDK, compiled by tsc (strict) into sdk/nodejs/bin with its declarations.
NODEJS_SDK := sdk/nodejs

$(NODEJS_SDK)/node_modules/.package-lock.json: $(NODEJS_SDK)/package-lock.json
	cd $(NODEJS_SDK) && npm ci --no-audit --no-fund --loglevel=error

sdk_nodejs: $(NODEJS_SDK)/node_modules/.package-lock.json
	cd $(NODEJS_SDK) && node_modules/.bin/tsc

BARE := bin/.publish/bare/bare-grpc-server

# The floor for start-up: a bare NativeAOT gRPC server published with the plugin's settings.
$(BARE): tests/bench/BareServer/Program.cs tests/bench/BareServer/BareServer.csproj provider/Protocol/Protos/pulumi/provider.proto
	$(DOTNET) publish tests/bench/BareServer/BareServer.csproj -c Release -r $(RID) -o bin/.publish/bare --nologo -v quiet

# Start-up and memory (NativeAOT against the JIT build and a bare AOT server), a no-op preview, and a 1,000-customer
# fleet and 2,000 subscribers (100 customers × 20) at 20 requests/s in every scenario (about 45 minutes); the tables go into BENCHMARKS.md (tests/bench/report.js),
# raw figures stay in bin/bench/.
bench: provider simulator $(BARE) $(CONFORMANCE)/node_modules/.package-lock.json
	$(DOTNET) build provider/Provider.csproj -c Release --nologo -v quiet
	@mkdir -p bin/bench
	node tests/bench/startup.js $(CURDIR)/$(PLUGIN) $(CURDIR)/provider/bin/Release/net10.0/pulumi-resource-webex-wholesale.dll $(CURDIR)/$(BARE) \
		| tee bin/bench/startup.md
	node tests/bench/fleet.js $(CURDIR)/$(PLUGIN) $(CURDIR)/provider/bin/Release/net10.0/pulumi-resource-webex-wholesale.dll | tee bin/bench/preview.md
	PLUGIN_PATH=$(CURDIR)/$(PLUGIN) node tests/bench/fleet-scale.js --json bin/bench/fleet.json | tee bin/bench/fleet.md
	PLUGIN_PATH=$(CURDIR)/$(PLUGIN) node tests/bench/fleet-scale.js --customers 100 --subscribers 20 --json bin/bench/subscribers.json \
		| tee bin/bench/subscribers.md
	node tests/bench/report.js BENCHMARKS.md bin/bench $(BENCH_FRESH)

# The estate beyond one stack (about 40 minutes): one plugin over 50,000 subscribers in 1,000 customers, seeded into the
# simulator, at 64 and 1,000 in flight; then 8 stacks deployed at once on one token, pacing alone and sharing the pace;
# then the audit of that estate, its subscribers from the list's pages and from one point-in-time report, side by side.
bench-estate: provider simulator exporter $(CONFORMANCE)/node_modules/.package-lock.json
	@mkdir -p bin/bench
	PLUGIN_PATH=$(CURDIR)/$(PLUGIN) node tests/bench/estate.js --json bin/bench/estate.json | tee bin/bench/estate.md
	PLUGIN_PATH=$(CURDIR)/$(PLUGIN) node tests/bench/stacks.js --json bin/bench/stacks.json | tee bin/bench/stacks.md
	EXPORTER_PATH=$(CURDIR)/$(EXPORTER) node tests/bench/audit.js --json bin/bench/audit.json | tee bin/bench/audit.md
	node tests/bench/report.js BENCHMARKS.md bin/bench $(BENCH_FRESH) run-estate estate stacks audit

clean:
	rm -rf bin provider/bin provider/obj simulator/bin simulator/obj exporter/bin exporter/obj sdk/generator/bin sdk/generator/obj tests/*/bin tests/*/obj

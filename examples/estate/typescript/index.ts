// One stack per shard of the estate: the stack's config names its shard; the fleet files, written by
// `webex-wholesale-export --shards N`, are shared by every shard's stack.
import * as fs from "fs";
import * as path from "path";
import * as pulumi from "@pulumi/pulumi";
import { declare, FleetFile } from "./fleetFile";

// js-yaml ships with @pulumi/pulumi; only its load is needed
const yaml: { load(text: string): unknown } = require("js-yaml");

const config = new pulumi.Config();
const shard = config.requireNumber("shard");
const folder = config.get("fleetFolder") ?? path.join("..", "fleet");
const file = path.join(folder, `customers-${shard}.yaml`);
if (!fs.existsSync(file)) {
    throw new Error(`shard ${shard} has no fleet file ${file}: webex-wholesale-export --shards N --fleet-file ${path.join(folder, "customers.yaml")} ` +
        "writes customers-1.yaml to customers-N.yaml (set webex-wholesale-estate:fleetFolder if they are elsewhere)");
}

// A shard of a large estate provisions many customers at once: more than the default 30 minutes each may be needed.
export const statuses = declare(yaml.load(fs.readFileSync(file, "utf8")) as FleetFile, { create: "45m", update: "45m", delete: "30m" });

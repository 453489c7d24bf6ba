import * as pulumi from "@pulumi/pulumi";
import * as webex from "@pulumi-webex-wholesale/webex-wholesale";
import { customers, provisioningId } from "./fleet";

// Provisioning waits until Webex has finished; a large fleet may want more than the default 30 minutes.
const customTimeouts: pulumi.CustomTimeouts = { create: "45m", update: "45m", delete: "30m" };

const statuses: Record<string, pulumi.Output<string>> = {};
for (const entry of customers) {
    const customer = new webex.WholesaleCustomer(entry.externalId, {
        provisioningId,
        externalId: entry.externalId,
        address: entry.address,
        customerInfo: { name: entry.name, primaryEmail: entry.primaryEmail, language: entry.language },
        packages: entry.packages,
        provisioningParameters: entry.callingLocation && {
            calling: { location: { ...entry.callingLocation, address: entry.address } },
        },
    }, { customTimeouts, import: entry.webexId });
    statuses[`${entry.externalId}Status`] = customer.status;
}

// Customers Webex reports in trouble, whoever manages them: a drift check worth a glance after every run.
const inTrouble = webex.getWholesaleCustomersOutput({ status: ["error", "provisioned_with_errors"] });

export const customerStatuses = statuses;
export const customersInTrouble = inTrouble.customers.apply((found) => found.map((c) => c.externalId));

// The billing reports Webex has generated for this partner (WholesaleBillingReport asks for a new one; see the C# example).
const reports = webex.getWholesaleBillingReportsOutput({ status: "COMPLETED" });
export const billingReports = reports.reports.apply((found) => found.map((r) => `${r.type} ${r.billingStartDate}..${r.billingEndDate}`));

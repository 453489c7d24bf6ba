// A fleet file as webex-wholesale-export writes it (and examples/csharp reads it), and the resources it declares: a
// customer per entry, a subscriber per person, named as the C# programs name them, so that a stack's resources are
// the same whichever language deploys it.
import * as pulumi from "@pulumi/pulumi";
import * as webex from "@pulumi-webex-wholesale/webex-wholesale";

export interface Address {
    addressLine1: string;
    addressLine2?: string;
    city: string;
    stateOrProvince?: string;
    zipOrPostalCode?: string;
    country: string;
}

export interface SubscriberEntry {
    email: string;
    packages: string[];
    firstName?: string;
    lastName?: string;
    extension?: string;
    primaryPhoneNumber?: string;
    /** The Webex subscriber id of an adopted subscriber. */
    webexId?: string;
    pulumiName?: string;
}

export interface CustomerEntry {
    externalId: string;
    pulumiName?: string;
    /** The Webex customer id of an adopted customer. */
    webexId?: string;
    name?: string;
    primaryEmail?: string;
    language?: string;
    packages: string[];
    address: Address;
    callingLocation?: { name: string; timezone: string; language: string; address?: Address };
    subscribers?: SubscriberEntry[];
}

export interface FleetFile {
    provisioningId?: string;
    customers: CustomerEntry[];
}

const customerName = (entry: CustomerEntry) => entry.pulumiName || entry.externalId;
const subscriberName = (customer: CustomerEntry, person: SubscriberEntry) => person.pulumiName || `${customerName(customer)}-${person.email.split("@")[0]}`;

/** Declares the fleet's resources; returns each one's status, for the stack's outputs. */
export function declare(fleet: FleetFile, customTimeouts?: pulumi.CustomTimeouts): Record<string, pulumi.Output<string>> {
    const statuses: Record<string, pulumi.Output<string>> = {};
    for (const entry of fleet.customers ?? []) {
        // A customer adopted from Partner Hub may leave out what Webex does not return (template, name, e-mail).
        const customer = new webex.WholesaleCustomer(customerName(entry), {
            provisioningId: fleet.provisioningId || undefined,
            externalId: entry.externalId,
            address: entry.address,
            customerInfo: entry.name || entry.primaryEmail ? { name: entry.name ?? "", primaryEmail: entry.primaryEmail ?? "", language: entry.language } : undefined,
            packages: entry.packages,
            provisioningParameters: entry.callingLocation && {
                calling: { location: { ...entry.callingLocation, address: entry.callingLocation.address ?? entry.address } },
            },
        }, { customTimeouts, import: entry.webexId || undefined });
        statuses[`${entry.externalId}Status`] = customer.status;

        for (const person of entry.subscribers ?? []) {
            // customer.id orders the engine's work: the customer is provisioned before its subscribers, removed after them.
            const subscriber = new webex.WholesaleSubscriber(subscriberName(entry, person), {
                customerId: customer.id,
                email: person.email,
                packages: person.packages,
                provisioningParameters: {
                    firstName: person.firstName, lastName: person.lastName, extension: person.extension, primaryPhoneNumber: person.primaryPhoneNumber,
                },
            }, { customTimeouts, import: person.webexId || undefined });
            statuses[`${subscriberName(entry, person)}Status`] = subscriber.status;
        }
    }
    return statuses;
}

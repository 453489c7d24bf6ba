// The fleet: one entry per Webex Wholesale customer. Adding a customer is adding an entry; index.ts never changes.
// The type checks each entry as you type it: a misspelt field or a package list that is not a list fails `tsc`.

/** A postal address as Webex stores it. */
export interface Address {
    addressLine1: string;
    addressLine2?: string;
    city: string;
    stateOrProvince?: string;
    zipOrPostalCode?: string;
    country: string;
}

/** One customer of the fleet. */
export interface FleetCustomer {
    /** Your own identifier of the customer: it names the Pulumi resource too, so never change it. */
    externalId: string;
    name: string;
    primaryEmail: string;
    language?: string;
    /** The Webex packages the customer has; the provider sends the complete list on every change. */
    packages: string[];
    address: Address;
    /** Needed as soon as a calling package is in `packages`. */
    callingLocation?: { name: string; timezone: string; language: string };
    /** A customer that already exists in Partner Hub: its Webex id, to adopt it instead of creating it. */
    webexId?: string;
}

/** The provisioning template every customer is created from (Partner Hub → Settings → Templates). */
export const provisioningId = "ZjViMzYxODctYzhkZC00NzI3LThiMmYtZjljNDQ3ZjI5MDQ2";

export const customers: FleetCustomer[] = [
    {
        externalId: "acme-pizza",
        name: "Acme Pizza",
        primaryEmail: "it-admin@acme-pizza.example",
        language: "en",
        packages: ["webex_meetings"],
        address: { addressLine1: "771 Alder Drive", city: "Milpitas", stateOrProvince: "CA", zipOrPostalCode: "95035", country: "US" },
    },
    {
        externalId: "globex",
        name: "Globex Corporation",
        primaryEmail: "hank@globex.example",
        packages: ["webex_calling", "webex_meetings"],
        address: { addressLine1: "1 Globex Plaza", city: "Cypress Creek", stateOrProvince: "OR", zipOrPostalCode: "97401", country: "US" },
        callingLocation: { name: "Head Office", timezone: "America/Los_Angeles", language: "en_us" },
    },
    {
        externalId: "initech",
        name: "Initech",
        primaryEmail: "bill.lumbergh@initech.example",
        packages: ["webex_meetings", "cx_ai_assistant"],
        address: { addressLine1: "4120 Freidrich Lane", city: "Austin", stateOrProvince: "TX", zipOrPostalCode: "78744", country: "US" },
    },
];

import type { InventoryActionInput } from "@/db/queries/inventory";

// The vocabulary of the large benchmark organisation: names, systems and inventories that
// combine into thousands of distinct, plausible use cases.

/** A small, fast, seeded PRNG (mulberry32): the same seed gives the same sequence. */
export function mulberry32(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
}

/** A generator of its own for each part of the organisation, so changing one count leaves the others alone. */
export function streamFor(name: string, seed = 15): () => number {
  let h = 2_166_136_261 ^ seed;
  for (const c of name) h = Math.imul(h ^ c.charCodeAt(0), 16_777_619);
  return mulberry32(h);
}

export type Random = () => number;

export const pickOne = <T>(rng: Random, items: readonly T[]): T =>
  items[Math.floor(rng() * items.length)] as T;

export const between = (rng: Random, min: number, max: number) => min + (max - min) * rng();

export const DEPARTMENTS = [
  { name: "Customer Support", systems: ["Zendesk", "Salesforce"] },
  { name: "Finance", systems: ["SAP", "Stripe"] },
  { name: "Logistics", systems: ["Carrier API", "WMS"] },
  { name: "HR", systems: ["Workday", "Slack"] },
  { name: "IT Operations", systems: ["ServiceNow", "Okta"] },
  { name: "Procurement", systems: ["Coupa", "SAP"] },
  { name: "Sales", systems: ["Salesforce", "HubSpot"] },
  { name: "Legal", systems: ["DocuSign", "SharePoint"] },
] as const;

export const WORKFLOWS = [
  "ticket triage",
  "refund approvals",
  "invoice matching",
  "supplier onboarding",
  "contract review",
  "access requests",
  "shift swaps",
  "order status replies",
  "expense checks",
  "lead qualification",
  "returns handling",
  "claims intake",
  "password resets",
  "delivery exceptions",
  "credit notes",
  "KYC document checks",
  "stock reconciliation",
  "meeting summaries",
  "quote drafting",
  "policy Q&A",
] as const;

export const REGIONS = ["UK", "Nordics", "DACH", "Benelux", "Iberia", "US East", "US West", "APAC"];

/** Inventories a use case is described with, from read-only to moving money or access. */
export const INVENTORY_TEMPLATES: InventoryActionInput[][] = [
  [
    {
      name: "Read ticket",
      system: "Zendesk",
      access: "read",
      reversibility: "reversible",
      blastRadius: "one_record",
      frequency: "hourly",
    },
    {
      name: "Search knowledge base",
      system: "Confluence",
      access: "read",
      reversibility: "reversible",
      blastRadius: "one_record",
      frequency: "continuous",
    },
  ],
  [
    {
      name: "Read record",
      system: "Salesforce",
      access: "read",
      reversibility: "reversible",
      blastRadius: "one_record",
      frequency: "hourly",
    },
    {
      name: "Update record fields",
      system: "Salesforce",
      access: "write",
      reversibility: "reversible",
      blastRadius: "one_record",
      frequency: "hourly",
    },
  ],
  [
    {
      name: "Read order",
      system: "Shopify",
      access: "read",
      reversibility: "reversible",
      blastRadius: "one_record",
      frequency: "hourly",
    },
    {
      name: "Send reply to customer",
      system: "Zendesk",
      access: "write",
      reversibility: "hard_to_reverse",
      blastRadius: "one_customer",
      frequency: "hourly",
    },
  ],
  [
    {
      name: "Read invoice",
      system: "SAP",
      access: "read",
      reversibility: "reversible",
      blastRadius: "one_record",
      frequency: "daily",
    },
    {
      name: "Issue refund",
      system: "Stripe",
      access: "write",
      reversibility: "irreversible",
      blastRadius: "money",
      frequency: "hourly",
    },
  ],
  [
    {
      name: "Bulk update accounts",
      system: "Salesforce",
      access: "write",
      reversibility: "hard_to_reverse",
      blastRadius: "many_customers",
      frequency: "daily",
    },
  ],
  [
    {
      name: "Read access request",
      system: "ServiceNow",
      access: "read",
      reversibility: "reversible",
      blastRadius: "one_record",
      frequency: "daily",
    },
    {
      name: "Grant group membership",
      system: "Okta",
      access: "write",
      reversibility: "reversible",
      blastRadius: "security_access",
      frequency: "daily",
    },
  ],
];

export const PEOPLE = [
  { key: "owner", name: "Lara Large", role: "owner" },
  { key: "lead-1", name: "Mateo Lead", role: "lead" },
  { key: "lead-2", name: "Aisha Lead", role: "lead" },
  { key: "contributor-1", name: "Noah Contributor", role: "contributor" },
  { key: "contributor-2", name: "Mei Contributor", role: "contributor" },
  { key: "contributor-3", name: "Omar Contributor", role: "contributor" },
  { key: "viewer-1", name: "Ivy Viewer", role: "viewer" },
  { key: "viewer-2", name: "Felix Viewer", role: "viewer" },
] as const;

export const ROLLBACK_PLANS = [
  "Switch the integration's feature flag off; open items go back to the manual queue and the run log lists every action to review.",
  "Disable the automation rule in the admin console; the team works the queue by hand until it is fixed.",
  "Revoke the service account's write scope; drafts stay for people to send by hand.",
];

export const ROLLBACK_REASONS = [
  "Accuracy fell below the gate after a change in the source system; back one stage until it recovers.",
  "An integration outage left actions half done; rolled back while retries are made idempotent.",
  "Reviewers overrode too many actions in the first week; more supervision until the prompts are tuned.",
];

export const PARTICIPANT_NAMES = [
  "Maya Lind",
  "Tom Becker",
  "Ines Duarte",
  "Olu Adeyemi",
  "Priya Nair",
  "Sam Okafor",
  "Ken Ito",
  "Ada Novak",
  "Luis Ortega",
  "Rosa Klein",
  "Dev Mehta",
  "Hana Sato",
  "Jonas Berg",
  "Chloe Martin",
];

export const WORKSHOP_COMMENTS = [
  "Only true for the main path; the exceptions are handled by hand.",
  "We measured this once last year, not since.",
  "Depends on the region: the Nordics team does it differently.",
  "Nobody owns this today.",
];

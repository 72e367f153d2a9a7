import type { InventoryActionInput } from "@/db/queries/inventory";
import type { UseCaseInput } from "@/db/queries/use-cases";
import { REFUND_ACTION } from "./sample-actions";

type DemoUseCase = Omit<UseCaseInput, "ownerId"> & {
  ownerEmail: string;
  actions: InventoryActionInput[];
};

/** The demo organisation's candidate workflows, from low-risk to high-stakes (one not assessed yet). */
export const DEMO_USE_CASES: DemoUseCase[] = [
  {
    name: "Support ticket triage",
    description:
      "Incoming support emails are read, tagged with product and urgency, and routed to the right queue. Today two agents do this by hand each morning.",
    ownerEmail: "lead@example.com",
    businessValue: 3,
    annualValue: 90_000,
    systems: ["Zendesk", "Product catalogue"],
    status: "piloting",
    actions: [
      {
        name: "Read incoming ticket",
        system: "Zendesk",
        access: "read",
        reversibility: "reversible",
        blastRadius: "one_record",
        frequency: "continuous",
      },
      {
        name: "Set tags and priority",
        system: "Zendesk",
        access: "write",
        reversibility: "reversible",
        blastRadius: "one_record",
        frequency: "continuous",
      },
      {
        name: "Assign to queue",
        system: "Zendesk",
        access: "write",
        reversibility: "reversible",
        blastRadius: "one_customer",
        frequency: "continuous",
      },
    ],
  },
  {
    name: "Refunds under 100 EUR",
    description:
      "Customers who report a damaged or missing delivery get a refund after a check of the order and courier scan history.",
    ownerEmail: "demo@example.com",
    businessValue: 4,
    annualValue: 240_000,
    systems: ["Zendesk", "Order database", "Stripe"],
    status: "assessing",
    actions: [
      {
        name: "Look up order and courier scans",
        system: "Order database",
        access: "read",
        reversibility: "reversible",
        blastRadius: "one_customer",
        frequency: "hourly",
      },
      REFUND_ACTION,
      {
        name: "Email the customer",
        system: "Zendesk",
        access: "write",
        reversibility: "irreversible",
        blastRadius: "one_customer",
        frequency: "hourly",
      },
    ],
  },
  {
    name: "Warehouse access requests",
    description:
      "New temporary staff are added to the right warehouse security groups based on the shift roster.",
    ownerEmail: "lead@example.com",
    businessValue: 2,
    annualValue: 30_000,
    systems: ["Okta", "Roster spreadsheet"],
    status: "candidate",
    actions: [
      {
        name: "Read shift roster",
        system: "Roster spreadsheet",
        access: "read",
        reversibility: "reversible",
        blastRadius: "one_record",
        frequency: "daily",
      },
      {
        name: "Add user to security group",
        system: "Okta",
        access: "write",
        reversibility: "hard_to_reverse",
        blastRadius: "security_access",
        frequency: "daily",
      },
    ],
  },
  {
    name: "Carrier invoice reconciliation",
    description:
      "Carrier invoices are matched against shipments; mismatches above a tolerance are flagged for finance instead of being paid.",
    ownerEmail: "contributor@example.com",
    businessValue: 5,
    annualValue: 410_000,
    systems: ["ERP", "Carrier portals", "Shipment database"],
    status: "assessing",
    actions: [
      {
        name: "Read invoices and shipments",
        system: "ERP",
        access: "read",
        reversibility: "reversible",
        blastRadius: "many_customers",
        frequency: "daily",
      },
      {
        name: "Mark invoice as disputed",
        system: "ERP",
        access: "write",
        reversibility: "reversible",
        blastRadius: "money",
        frequency: "daily",
      },
      {
        name: "Approve invoice for payment",
        system: "ERP",
        access: "write",
        reversibility: "hard_to_reverse",
        blastRadius: "money",
        frequency: "daily",
      },
    ],
  },
  {
    name: "Delivery ETA replies",
    description:
      "Customers asking where their parcel is get a reply drafted from the tracking feed and the carrier's latest scan, with the expected delivery window.",
    ownerEmail: "lead@example.com",
    businessValue: 3,
    annualValue: 60_000,
    systems: ["Zendesk", "Tracking feed"],
    status: "assessing",
    actions: [
      {
        name: "Read tracking events",
        system: "Tracking feed",
        access: "read",
        reversibility: "reversible",
        blastRadius: "one_customer",
        frequency: "continuous",
      },
      {
        name: "Send reply to the customer",
        system: "Zendesk",
        access: "write",
        reversibility: "irreversible",
        blastRadius: "one_customer",
        frequency: "continuous",
      },
    ],
  },
  {
    name: "Customs document pre-check",
    description:
      "Export paperwork is checked for missing commodity codes and value mismatches before it reaches the broker, so shipments are not held at the border.",
    ownerEmail: "demo@example.com",
    businessValue: 4,
    annualValue: 150_000,
    systems: ["Broker portal", "ERP"],
    status: "assessing",
    actions: [
      {
        name: "Read export documents",
        system: "ERP",
        access: "read",
        reversibility: "reversible",
        blastRadius: "one_record",
        frequency: "hourly",
      },
      {
        name: "Flag document for correction",
        system: "Broker portal",
        access: "write",
        reversibility: "reversible",
        blastRadius: "one_customer",
        frequency: "hourly",
      },
    ],
  },
  {
    // Not assessed yet: listed beside the dashboard's readiness chart.
    name: "Driver shift swaps",
    description:
      "Drivers ask to swap shifts by message; the AI would find a qualified colleague who is free and propose the swap to the depot manager.",
    ownerEmail: "lead@example.com",
    businessValue: 2,
    annualValue: 45_000,
    systems: ["Rota app", "Driver messaging"],
    status: "candidate",
    actions: [
      {
        name: "Read the shift rota",
        system: "Rota app",
        access: "read",
        reversibility: "reversible",
        blastRadius: "one_record",
        frequency: "daily",
      },
    ],
  },
];

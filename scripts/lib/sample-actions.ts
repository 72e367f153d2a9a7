import type { InventoryActionInput } from "@/db/queries/inventory";

// Inventory actions the demo, the scripts and the tests describe workflows with.

/** Reading a support ticket: the safest kind of action. */
export const READ_TICKET_ACTION = {
  name: "Read ticket",
  system: "Zendesk",
  access: "read",
  reversibility: "reversible",
  blastRadius: "one_record",
  frequency: "hourly",
} as const satisfies InventoryActionInput;

/** Issuing a refund: a write that moves money and cannot be undone. */
export const REFUND_ACTION: InventoryActionInput = {
  name: "Issue refund",
  system: "Stripe",
  access: "write",
  reversibility: "irreversible",
  blastRadius: "money",
  frequency: "hourly",
};

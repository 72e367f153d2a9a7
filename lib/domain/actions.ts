/** Whether an action only reads or also changes something. */
export const ACTION_ACCESS = ["read", "write"] as const;
export type ActionAccess = (typeof ACTION_ACCESS)[number];

/** How hard it is to undo an action once it has run. */
export const REVERSIBILITY = ["reversible", "hard_to_reverse", "irreversible"] as const;
export type Reversibility = (typeof REVERSIBILITY)[number];

/** How far the damage of a wrong action reaches. */
export const BLAST_RADIUS = [
  "one_record",
  "one_customer",
  "many_customers",
  "money",
  "security_access",
] as const;
export type BlastRadius = (typeof BLAST_RADIUS)[number];

/** How often the action would run. */
export const FREQUENCY = ["rare", "daily", "hourly", "continuous"] as const;
export type Frequency = (typeof FREQUENCY)[number];

export const ACCESS_LABELS: Record<ActionAccess, string> = { read: "Reads", write: "Writes" };

export const REVERSIBILITY_LABELS: Record<Reversibility, string> = {
  reversible: "Reversible",
  hard_to_reverse: "Hard to reverse",
  irreversible: "Irreversible",
};

export const BLAST_RADIUS_LABELS: Record<BlastRadius, string> = {
  one_record: "One record",
  one_customer: "One customer",
  many_customers: "Many customers",
  money: "Money",
  security_access: "Security or access",
};

export const FREQUENCY_LABELS: Record<Frequency, string> = {
  rare: "Rarely (a few times a month)",
  daily: "Daily",
  hourly: "Hourly",
  continuous: "Continuously",
};

/** One thing the AI would do in a workflow, rated for risk. */
export type InventoryAction = {
  id: string;
  name: string;
  system: string;
  access: ActionAccess;
  reversibility: Reversibility;
  blastRadius: BlastRadius;
  frequency: Frequency;
};

import type { Band } from "../scoring/bands";

/** Facts about a use case's action inventory that questions and blockers can depend on. */
export const INVENTORY_FACTS = [
  "writes_anywhere",
  "moves_money",
  "changes_access",
  "affects_many_customers",
  "has_irreversible_write",
  "has_irreversible_money_or_security_write",
  "has_hard_to_undo_write",
  "has_hard_to_undo_money_or_access_write",
  "has_hard_to_undo_many_customer_write",
  "has_customer_facing_write",
] as const;
export type InventoryFact = (typeof INVENTORY_FACTS)[number];

/**
 * A condition, as data so a bank can be hashed, serialised and shown to people.
 * `question` holds when the answer is one of `anyOf`, or, with `orDontKnow`, when the
 * question was answered "don't know" or not at all.
 */
export type Condition =
  | { question: string; anyOf: string[]; orDontKnow?: boolean }
  | { inventory: InventoryFact }
  | { all: Condition[] }
  | { any: Condition[] };

export type AnswerOption = {
  id: string;
  label: string;
  /** 0 (a production risk) to 4 (production-grade). */
  score: 0 | 1 | 2 | 3 | 4;
};

export type Question = {
  id: string;
  dimensionId: string;
  /** Plain wording an executive understands. */
  prompt: string;
  /** Why it matters in production, and what good looks like. */
  help: string;
  options: AnswerOption[];
  /** Relative weight within its dimension (positive). */
  weight: number;
  /** Shown when the answer is weak. */
  recommendation: string;
  /** The belief an optimistic answer commits the organisation to, for the assumptions register. */
  assumption: string;
  /** Asked only when this holds; otherwise the question does not apply. */
  showIf?: Condition;
  /** What good looks like, in one or two sentences (v2 on; v1 keeps it inside `help`). */
  good?: string;
  /**
   * The fact to settle when the answer is not known, as a clause that follows
   * "Find out whether …" (v2 on), e.g. "the AI would use a person's login or an admin account".
   */
  findOut?: string;
};

export type Dimension = {
  id: string;
  title: string;
  description: string;
  /** Relative weight in the overall score (positive). */
  weight: number;
};

/** A rule that caps the band whatever the average says. */
export type Blocker = {
  id: string;
  when: Condition;
  capBand: Band;
  /** Shown to the user: why the result is capped. */
  reason: string;
};

export type QuestionBank = {
  version: string;
  /**
   * The scoring model the bank is scored with. Absent means the first model, which v1 was
   * shipped and frozen with; 2 adds honest unknowns, floors and inventory-aware averages.
   */
  scoringModel?: 2;
  title: string;
  dimensions: Dimension[];
  questions: Question[];
  blockers: Blocker[];
};

/** One answer as stored and scored. "Don't know" is always possible and is not an option. */
export type AnswerInput =
  | { questionId: string; optionId: string; dontKnow?: false; evidence?: string }
  | { questionId: string; dontKnow: true; evidence?: string };

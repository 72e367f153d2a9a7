import type { Band } from "../scoring/bands";

/** Facts about a use case's action inventory that questions and blockers can depend on. */
export const INVENTORY_FACTS = [
  "writes_anywhere",
  "moves_money",
  "changes_access",
  "affects_many_customers",
  "has_irreversible_write",
  "has_irreversible_money_or_security_write",
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
  title: string;
  dimensions: Dimension[];
  questions: Question[];
  blockers: Blocker[];
};

/** One answer as stored and scored. "Don't know" is always possible and is not an option. */
export type AnswerInput =
  | { questionId: string; optionId: string; dontKnow?: false; evidence?: string }
  | { questionId: string; dontKnow: true; evidence?: string };

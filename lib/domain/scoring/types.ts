import type { InventoryFact } from "../question-bank/types";
import type { Stage } from "../stages";
import type { Autonomy, Band } from "./bands";

/**
 * How a question stands in a result: answered with an option, "don't know", not answered,
 * ruled out by the inventory (`not_applicable`), or not asked because an earlier answer
 * settles it (`settled`).
 */
export type AnswerState = "option" | "dont_know" | "unanswered" | "not_applicable" | "settled";

/** What backs an answer: nothing, a note, or a link or document reference someone can open. */
export type EvidenceKind = "none" | "note" | "link";

export type QuestionResult = {
  questionId: string;
  dimensionId: string;
  prompt: string;
  state: AnswerState;
  optionLabel: string | null;
  /** 0–4 as it enters the scores ("don't know" and unanswered count 0). */
  score: number;
  /** Whether it enters the averages (questions the inventory rules out do not, from model 2). */
  counted: boolean;
  /** Whether the answer is known (an option, or settled by a known earlier answer). */
  known: boolean;
  weight: number;
  evidenced: boolean;
  evidence: EvidenceKind;
};

export type DimensionResult = {
  id: string;
  title: string;
  weight: number;
  /** 0–100, one decimal; unknown answers count as gaps. */
  score: number;
  /** 0–100 on the known answers only, or null when none is known. */
  knownScore: number | null;
  applicable: number;
  answered: number;
  dontKnow: number;
};

/** Something to settle: a question answered "don't know" or left open. */
export type FindOutItem = { questionId: string; prompt: string; text: string };

export type BlockerHit = {
  id: string;
  capBand: Band;
  reason: string;
  /** Confirmed by the answers, or possible because some answers are not known. */
  status: "confirmed" | "unverified";
  /** For an unverified blocker: what to find out to confirm or clear it. */
  findOut: FindOutItem[];
  /** The answers and inventory facts that triggered it, in words. */
  causes: string[];
  /** Inventory facts its condition depends on. */
  facts: InventoryFact[];
};

/** One limit on the band, and whether it is the one that decided it. */
export type BandCap = {
  source: "score" | "blocker" | "dimension_floor" | "confidence" | "read_only";
  band: Band;
  text: string;
  binding: boolean;
};

export type Recommendation = {
  questionId: string;
  dimensionId: string;
  prompt: string;
  /** `find_out` settles an unknown answer; `improve` raises a weak one. */
  kind: "improve" | "find_out";
  text: string;
  currentAnswer: string;
  /** Overall points gained if this answer reached the best option. */
  gain: number;
  /** The furthest stage the pilot could then reach, when that is further than now. */
  unlocks: Stage | null;
};

export type AssumptionEntry = {
  questionId: string;
  dimensionId: string;
  assumption: string;
  evidence: string | null;
};

/** An inventory fact behind questions and blockers, with the actions that make it true. */
export type InventoryDriver = {
  fact: InventoryFact;
  label: string;
  actions: string[];
  /** Questions asked because of it. */
  questionIds: string[];
  /** Blockers it is part of. */
  blockerIds: string[];
};

export type AssessmentResult = {
  bankVersion: string;
  /** 1 for the frozen first model (v1), 2 from v2 on. */
  scoringModel: 1 | 2;
  /** 0–100, one decimal: what the answers vouch for, unknown answers counting as gaps. */
  overall: number;
  /** 0–100, one decimal, on the known answers only; null when nothing is known. */
  knownScore: number | null;
  /** The band the score earns before any cap. */
  scoreBand: Band;
  /** The final band. */
  band: Band;
  /** The band the unknowns could lift it to at best, when answered at their best. */
  bestCaseBand: Band;
  /** True when unknowns or thin evidence hold the verdict down: it may change once settled. */
  provisional: boolean;
  /** 0–1: answers count half, evidence the other half (a link in full, a note by half). */
  confidence: number;
  dimensions: DimensionResult[];
  questions: QuestionResult[];
  blockers: BlockerHit[];
  caps: BandCap[];
  /** Dimensions from weakest, each with its recommendations. */
  weakestDimensions: (DimensionResult & { recommendations: Recommendation[] })[];
  /** Every recommendation: find-outs first when provisional, then what unlocks a stage, then points. */
  recommendations: Recommendation[];
  findOut: FindOutItem[];
  inventory: InventoryDriver[];
  recommendedStage: Stage;
  /** The furthest stage a pilot may reach without an override. */
  maxStage: Stage;
  autonomy: Autonomy;
  assumptions: AssumptionEntry[];
  counts: {
    applicable: number;
    answered: number;
    dontKnow: number;
    unanswered: number;
    evidenced: number;
    notApplicable: number;
    settled: number;
  };
  /** Human-readable steps that explain every number above. */
  trace: string[];
};

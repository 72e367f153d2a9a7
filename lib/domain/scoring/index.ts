import type { InventoryAction } from "../actions";
import type { AnswerInput, QuestionBank } from "../question-bank/types";
import type { Stage } from "../stages";
import {
  type Autonomy,
  BAND_MAX_STAGE,
  BAND_START,
  BAND_THRESHOLDS,
  BANDS,
  type Band,
} from "./bands";
import { scoreModel1 } from "./model1";
import { CONFIDENCE_FLOORS, DIMENSION_FLOORS, scoreModel2 } from "./model2";
import type { AssessmentResult } from "./types";

export * from "./bands";
export { CONFIDENCE_FLOORS, DIMENSION_FLOORS, PROVISIONAL_BELOW, READ_ONLY_FLOOR } from "./model2";
export * from "./progress";
export { classifyEvidence } from "./shared";
export * from "./types";

/** What a band needs (score, weakest dimension, confidence) and where it lets a pilot go. */
export type BandRule = {
  band: Band;
  threshold: number;
  dimensionFloor: number;
  confidenceFloor: number;
  start: { stage: Stage; autonomy: Autonomy };
  maxStage: Stage;
};

/** The rules of every band, lowest first, as the current model applies them. */
export const BAND_RULES: readonly BandRule[] = BANDS.map((band) => ({
  band,
  threshold: BAND_THRESHOLDS[band],
  dimensionFloor: DIMENSION_FLOORS[band],
  confidenceFloor: CONFIDENCE_FLOORS[band],
  start: BAND_START[band],
  maxStage: BAND_MAX_STAGE[band],
}));

/**
 * Scores an assessment with the model its question bank was shipped with, so a v1 assessment
 * keeps its v1 score. Deterministic and pure: the same bank, answers and inventory always give
 * the same result, whatever the order of the answers.
 */
export function scoreAssessment(input: {
  bank: QuestionBank;
  answers: readonly AnswerInput[];
  inventory: readonly InventoryAction[];
}): AssessmentResult {
  return input.bank.scoringModel === 2 ? scoreModel2(input) : scoreModel1(input);
}

/**
 * A result as stored, brought to the current shape: results frozen before a field existed
 * get the value that field means for them (nothing unverified, nothing provisional).
 */
export function normaliseResult(stored: unknown): AssessmentResult | null {
  if (!stored || typeof stored !== "object") return null;
  const r = stored as Partial<AssessmentResult> & { band: Band };
  return {
    ...(r as AssessmentResult),
    scoringModel: r.scoringModel ?? 1,
    knownScore: r.knownScore ?? null,
    bestCaseBand: r.bestCaseBand ?? r.band,
    provisional: r.provisional ?? false,
    caps: r.caps ?? [],
    findOut: r.findOut ?? [],
    inventory: r.inventory ?? [],
    maxStage: r.maxStage ?? BAND_MAX_STAGE[r.band],
    blockers: (r.blockers ?? []).map((b) => ({
      ...b,
      status: b.status ?? "confirmed",
      findOut: b.findOut ?? [],
      facts: b.facts ?? [],
    })),
    recommendations: (r.recommendations ?? []).map((x) => ({
      ...x,
      kind: x.kind ?? "improve",
      unlocks: x.unlocks ?? null,
    })),
    weakestDimensions: (r.weakestDimensions ?? []).map((d) => ({
      ...d,
      knownScore: d.knownScore ?? null,
      recommendations: d.recommendations.map((x) => ({
        ...x,
        kind: x.kind ?? "improve",
        unlocks: x.unlocks ?? null,
      })),
    })),
    dimensions: (r.dimensions ?? []).map((d) => ({ ...d, knownScore: d.knownScore ?? null })),
    questions: (r.questions ?? []).map((q) => ({
      ...q,
      counted: q.counted ?? true,
      known: q.known ?? q.state === "option",
      evidence: q.evidence ?? (q.evidenced ? "note" : "none"),
    })),
    counts: {
      ...(r.counts as AssessmentResult["counts"]),
      notApplicable: r.counts?.notApplicable ?? 0,
      settled: r.counts?.settled ?? 0,
    },
  };
}

import type { InventoryAction } from "../actions";
import {
  answerMap,
  evaluateCondition,
  INVENTORY_FACT_LABELS,
  inventoryFacts,
} from "../question-bank/conditions";
import { isApplicable } from "../question-bank/index";
import type {
  AnswerInput,
  Condition,
  InventoryFact,
  Question,
  QuestionBank,
} from "../question-bank/types";
import { STAGE_LABELS, type Stage } from "../stages";
import {
  AUTONOMY_LABELS,
  type Autonomy,
  BAND_LABELS,
  BAND_START,
  BAND_THRESHOLDS,
  BANDS,
  type Band,
  bandForScore,
  bandIndex,
  minBand,
} from "./bands";

export * from "./bands";

const MAX_OPTION_SCORE = 4;
/** Answers scoring below this are weak: they produce recommendations. */
const WEAK_BELOW = 3;
/** Answers scoring at least this are optimistic: they enter the assumptions register. */
const OPTIMISTIC_FROM = 3;

export type AnswerState = "option" | "dont_know" | "unanswered" | "not_applicable";

export type QuestionResult = {
  questionId: string;
  dimensionId: string;
  prompt: string;
  state: AnswerState;
  optionLabel: string | null;
  /** 0–4 as scored: "don't know" and unanswered score 0; questions that do not apply score 4. */
  score: number;
  weight: number;
  evidenced: boolean;
};

export type DimensionResult = {
  id: string;
  title: string;
  weight: number;
  /** 0–100, one decimal. */
  score: number;
  applicable: number;
  answered: number;
  dontKnow: number;
};

export type BlockerHit = {
  id: string;
  capBand: Band;
  reason: string;
  /** The answers and inventory facts that triggered it, in words. */
  causes: string[];
};

export type Recommendation = {
  questionId: string;
  dimensionId: string;
  prompt: string;
  text: string;
  currentAnswer: string;
  /** Overall points gained if this answer reached the best option. */
  gain: number;
};

export type AssumptionEntry = {
  questionId: string;
  dimensionId: string;
  assumption: string;
  evidence: string | null;
};

export type AssessmentResult = {
  bankVersion: string;
  /** 0–100, one decimal. */
  overall: number;
  /** The band the score earns before blockers. */
  scoreBand: Band;
  /** The final band, after blockers. */
  band: Band;
  /** 0–1: applicable questions answered with an option count half, with evidence in full. */
  confidence: number;
  dimensions: DimensionResult[];
  questions: QuestionResult[];
  blockers: BlockerHit[];
  /** Dimensions from weakest, each with its recommendations, best gain first. */
  weakestDimensions: (DimensionResult & { recommendations: Recommendation[] })[];
  /** Every recommendation, best gain first. */
  recommendations: Recommendation[];
  recommendedStage: Stage;
  autonomy: Autonomy;
  assumptions: AssumptionEntry[];
  counts: {
    applicable: number;
    answered: number;
    dontKnow: number;
    unanswered: number;
    evidenced: number;
  };
  /** Human-readable steps that explain every number above. */
  trace: string[];
};

const round1 = (n: number) => Math.round(n * 10) / 10;
const percent = (n: number) => `${Math.round(n * 100)}%`;

function answerLabel(question: Question, answer: AnswerInput | undefined): string {
  if (!answer) return "not answered";
  if (answer.dontKnow) return "don't know";
  return question.options.find((o) => o.id === answer.optionId)?.label ?? answer.optionId;
}

function explain(
  condition: Condition,
  bank: QuestionBank,
  answers: ReadonlyMap<string, AnswerInput>,
  facts: ReadonlySet<InventoryFact>,
  inventory: readonly InventoryAction[],
): string[] {
  if ("all" in condition)
    return condition.all.flatMap((c) => explain(c, bank, answers, facts, inventory));
  if ("any" in condition) {
    return condition.any
      .filter((c) => evaluateCondition(c, answers, facts))
      .flatMap((c) => explain(c, bank, answers, facts, inventory));
  }
  if ("inventory" in condition) {
    const matching = inventory
      .filter((a) => inventoryFacts([a]).has(condition.inventory))
      .map((a) => `“${a.name}”`);
    return [`The inventory ${INVENTORY_FACT_LABELS[condition.inventory]}: ${matching.join(", ")}.`];
  }
  const question = bank.questions.find((q) => q.id === condition.question);
  if (!question) return [];
  return [`“${question.prompt}” — ${answerLabel(question, answers.get(question.id))}.`];
}

/**
 * Scores an assessment. Deterministic and pure: the same bank, answers and inventory always
 * give the same result, whatever the order of the answers.
 */
export function scoreAssessment(input: {
  bank: QuestionBank;
  answers: readonly AnswerInput[];
  inventory: readonly InventoryAction[];
}): AssessmentResult {
  const { bank, inventory } = input;
  const answers = answerMap(input.answers);
  const facts = inventoryFacts(inventory);
  const trace: string[] = [];

  const questions: QuestionResult[] = bank.questions.map((q) => {
    const answer = answers.get(q.id);
    const evidenced = Boolean(answer?.evidence?.trim());
    if (!isApplicable(q, answers, facts)) {
      return {
        questionId: q.id,
        dimensionId: q.dimensionId,
        prompt: q.prompt,
        state: "not_applicable",
        optionLabel: null,
        score: MAX_OPTION_SCORE,
        weight: q.weight,
        evidenced: false,
      };
    }
    if (!answer) {
      return {
        questionId: q.id,
        dimensionId: q.dimensionId,
        prompt: q.prompt,
        state: "unanswered",
        optionLabel: null,
        score: 0,
        weight: q.weight,
        evidenced,
      };
    }
    if (answer.dontKnow) {
      return {
        questionId: q.id,
        dimensionId: q.dimensionId,
        prompt: q.prompt,
        state: "dont_know",
        optionLabel: null,
        score: 0,
        weight: q.weight,
        evidenced,
      };
    }
    const option = q.options.find((o) => o.id === answer.optionId);
    return {
      questionId: q.id,
      dimensionId: q.dimensionId,
      prompt: q.prompt,
      state: option ? "option" : "unanswered",
      optionLabel: option?.label ?? null,
      score: option?.score ?? 0,
      weight: q.weight,
      evidenced,
    };
  });

  // Dimension scores: weighted mean of answer scores, scaled to 0–100. Questions that do not
  // apply count as no risk, so that an answer can never lower a score by hiding or showing one.
  const totalDimensionWeight = bank.dimensions.reduce((s, d) => s + d.weight, 0);
  const dimensions: DimensionResult[] = bank.dimensions.map((d) => {
    const qs = questions.filter((q) => q.dimensionId === d.id);
    const weight = qs.reduce((s, q) => s + q.weight, 0);
    const raw =
      weight > 0 ? qs.reduce((s, q) => s + q.weight * q.score, 0) / (MAX_OPTION_SCORE * weight) : 1;
    const applicable = qs.filter((q) => q.state !== "not_applicable");
    const result: DimensionResult = {
      id: d.id,
      title: d.title,
      weight: d.weight,
      score: round1(Math.min(1, Math.max(0, raw)) * 100),
      applicable: applicable.length,
      answered: applicable.filter((q) => q.state === "option").length,
      dontKnow: applicable.filter((q) => q.state === "dont_know").length,
    };
    const skipped = qs.length - applicable.length;
    trace.push(
      `${d.title}: ${result.score} = weighted mean of ${applicable.length} applicable answers on a 0–4 scale` +
        `${result.dontKnow ? ` (${result.dontKnow} "don't know" scored 0)` : ""}` +
        `${applicable.length - result.answered - result.dontKnow > 0 ? ` (${applicable.length - result.answered - result.dontKnow} unanswered scored 0)` : ""}` +
        `${skipped ? `; ${skipped} question${skipped > 1 ? "s" : ""} not applicable, counted as no risk` : ""}.`,
    );
    return result;
  });

  const overall = round1(
    dimensions.reduce((s, d) => s + d.weight * d.score, 0) /
      (totalDimensionWeight > 0 ? totalDimensionWeight : 1),
  );
  trace.push(
    `Overall ${overall} = weighted mean of the ${dimensions.length} dimension scores (weights ${bank.dimensions
      .map((d) => `${d.title.split(" ")[0]} ${d.weight}`)
      .join(", ")}).`,
  );

  const scoreBand = bandForScore(overall);
  trace.push(
    `${BAND_LABELS[scoreBand]} by score: ${overall} is at least ${BAND_THRESHOLDS[scoreBand]}${
      scoreBand === "limited_production" ? "" : ` and below ${BAND_THRESHOLDS[nextBand(scoreBand)]}`
    }.`,
  );

  const blockers: BlockerHit[] = bank.blockers
    .filter((b) => evaluateCondition(b.when, answers, facts))
    .map((b) => ({
      id: b.id,
      capBand: b.capBand,
      reason: b.reason,
      causes: explain(b.when, bank, answers, facts, inventory),
    }))
    .sort((a, b) => bandIndex(a.capBand) - bandIndex(b.capBand) || a.id.localeCompare(b.id));
  let band = scoreBand;
  for (const blocker of blockers) {
    if (bandIndex(blocker.capBand) < bandIndex(band)) {
      trace.push(
        `Capped at ${BAND_LABELS[blocker.capBand].toLowerCase()} because ${lowerFirst(blocker.reason)}`,
      );
    }
    band = minBand(band, blocker.capBand);
  }

  const applicable = questions.filter((q) => q.state !== "not_applicable");
  // A follow-up asked only because its parent is not known earns no confidence: otherwise
  // answering "don't know" could raise confidence by bringing an answered follow-up back.
  const certain = new Set(
    bank.questions
      .filter((q) => !q.showIf || evaluateCondition(q.showIf, answers, facts, false))
      .map((q) => q.id),
  );
  const answered = applicable.filter((q) => q.state === "option" && certain.has(q.questionId));
  const evidenced = answered.filter((q) => q.evidenced);
  const uncertain = applicable.filter(
    (q) => q.state === "option" && !certain.has(q.questionId),
  ).length;
  const confidence = applicable.length
    ? Math.round(((answered.length * 0.5 + evidenced.length * 0.5) / applicable.length) * 1000) /
      1000
    : 0;
  trace.push(
    `Confidence ${percent(confidence)}: ${answered.length} of ${applicable.length} applicable questions answered (half credit each), ${evidenced.length} of them with evidence (full credit)${uncertain ? `; ${uncertain} follow-up${uncertain === 1 ? "" : "s"} asked only because an earlier answer is not known earn${uncertain === 1 ? "s" : ""} no credit` : ""}.`,
  );

  const recommendations: Recommendation[] = applicable
    .filter((q) => q.score < WEAK_BELOW)
    .map((q) => {
      const question = bank.questions.find((x) => x.id === q.questionId)!;
      const dimension = bank.dimensions.find((d) => d.id === q.dimensionId)!;
      const dimensionWeight = questions
        .filter((x) => x.dimensionId === q.dimensionId)
        .reduce((s, x) => s + x.weight, 0);
      const gain =
        ((dimension.weight / totalDimensionWeight) *
          100 *
          q.weight *
          (MAX_OPTION_SCORE - q.score)) /
        (MAX_OPTION_SCORE * dimensionWeight);
      return {
        questionId: q.questionId,
        dimensionId: q.dimensionId,
        prompt: q.prompt,
        text: question.recommendation,
        currentAnswer: answerLabel(question, answers.get(q.questionId)),
        gain: round1(gain),
      };
    })
    .sort((a, b) => b.gain - a.gain || a.questionId.localeCompare(b.questionId));

  const weakestDimensions = [...dimensions]
    .sort((a, b) => a.score - b.score || a.id.localeCompare(b.id))
    .filter((d) => recommendations.some((r) => r.dimensionId === d.id))
    .slice(0, 3)
    .map((d) => ({ ...d, recommendations: recommendations.filter((r) => r.dimensionId === d.id) }));

  const assumptions: AssumptionEntry[] = answered
    .filter((q) => q.score >= OPTIMISTIC_FROM)
    .map((q) => ({
      questionId: q.questionId,
      dimensionId: q.dimensionId,
      assumption: bank.questions.find((x) => x.id === q.questionId)!.assumption,
      evidence: answers.get(q.questionId)?.evidence?.trim() || null,
    }));

  const start = BAND_START[band];
  trace.push(
    `Start in ${STAGE_LABELS[start.stage].toLowerCase()} with “${AUTONOMY_LABELS[start.autonomy]}”, the starting point for the band ${BAND_LABELS[band].toLowerCase()}.`,
  );

  return {
    bankVersion: bank.version,
    overall,
    scoreBand,
    band,
    confidence,
    dimensions,
    questions,
    blockers,
    weakestDimensions,
    recommendations,
    recommendedStage: start.stage,
    autonomy: start.autonomy,
    assumptions,
    counts: {
      applicable: applicable.length,
      answered: answered.length,
      dontKnow: applicable.filter((q) => q.state === "dont_know").length,
      unanswered: applicable.filter((q) => q.state === "unanswered").length,
      evidenced: evidenced.length,
    },
    trace,
  };
}

function nextBand(band: Band): Band {
  return BANDS[Math.min(bandIndex(band) + 1, BANDS.length - 1)]!;
}

function lowerFirst(text: string): string {
  return text.charAt(0).toLowerCase() + text.slice(1);
}

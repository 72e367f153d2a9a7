import { formatPercent } from "@/lib/format";
import type { InventoryAction } from "../actions";
import { answerMap, evaluateCondition, inventoryFacts } from "../question-bank/conditions";
import { isApplicable } from "../question-bank/index";
import type { AnswerInput, QuestionBank } from "../question-bank/types";
import { STAGE_LABELS } from "../stages";
import {
  AUTONOMY_LABELS,
  BAND_LABELS,
  BAND_MAX_STAGE,
  BAND_START,
  BAND_THRESHOLDS,
  BANDS,
  type Band,
  bandForScore,
  bandIndex,
  minBand,
} from "./bands";
import {
  answerLabel,
  assumptionsOf,
  classifyEvidence,
  conditionFacts,
  conditionQuestions,
  explainCondition,
  findOutItem,
  inventoryDrivers,
  lowerFirst,
  MAX_OPTION_SCORE,
  questionResult,
  round1,
  WEAK_BELOW,
  weakestDimensions,
} from "./shared";
import type {
  AssessmentResult,
  BlockerHit,
  DimensionResult,
  QuestionResult,
  Recommendation,
} from "./types";

/**
 * The first scoring model, frozen with question bank v1 so that every v1 assessment keeps its
 * score: "don't know" and unanswered count 0, questions that do not apply count as no risk.
 * Deterministic and pure, whatever the order of the answers.
 */
export function scoreModel1(input: {
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
    const evidence = classifyEvidence(answer?.evidence);
    if (!isApplicable(q, answers, facts)) {
      return questionResult(q, "not_applicable", MAX_OPTION_SCORE, true, true);
    }
    if (!answer || answer.dontKnow) {
      return questionResult(q, answer ? "dont_know" : "unanswered", 0, true, false, null, evidence);
    }
    const option = q.options.find((o) => o.id === answer.optionId);
    return questionResult(
      q,
      option ? "option" : "unanswered",
      option?.score ?? 0,
      true,
      Boolean(option),
      option?.label ?? null,
      evidence,
    );
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
      knownScore: null,
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

  const unknownLeaves = (condition: Parameters<typeof conditionQuestions>[0]) =>
    [...new Set(conditionQuestions(condition))]
      .filter((id) => {
        const a = answers.get(id);
        return !a || a.dontKnow;
      })
      .map((id) => findOutItem(bank.questions.find((q) => q.id === id)!));
  const blockers: BlockerHit[] = bank.blockers
    .filter((b) => evaluateCondition(b.when, answers, facts))
    .map((b): BlockerHit => {
      const confirmed = evaluateCondition(b.when, answers, facts, false);
      return {
        id: b.id,
        capBand: b.capBand,
        reason: b.reason,
        status: confirmed ? "confirmed" : "unverified",
        findOut: confirmed ? [] : unknownLeaves(b.when),
        causes: explainCondition(b.when, bank, answers, facts, inventory),
        facts: conditionFacts(b.when),
      };
    })
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
    `Confidence ${formatPercent(confidence)}: ${answered.length} of ${applicable.length} applicable questions answered (half credit each), ${evidenced.length} of them with evidence (full credit)${uncertain ? `; ${uncertain} follow-up${uncertain === 1 ? "" : "s"} asked only because an earlier answer is not known earn${uncertain === 1 ? "s" : ""} no credit` : ""}.`,
  );

  const order = new Map(bank.questions.map((q, i) => [q.id, i]));
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
        kind: q.state === "option" ? "improve" : "find_out",
        text: question.recommendation,
        currentAnswer: answerLabel(question, answers.get(q.questionId)),
        gain: round1(gain),
        unlocks: null,
      } satisfies Recommendation;
    })
    .sort((a, b) => b.gain - a.gain || order.get(a.questionId)! - order.get(b.questionId)!);

  const assumptions = assumptionsOf(
    answered,
    (id) => bank.questions.find((x) => x.id === id)!,
    answers,
  );

  const start = BAND_START[band];
  trace.push(
    `Start in ${STAGE_LABELS[start.stage].toLowerCase()} with “${AUTONOMY_LABELS[start.autonomy]}”, the starting point for the band ${BAND_LABELS[band].toLowerCase()}.`,
  );

  const caps = [
    {
      source: "score" as const,
      band: scoreBand,
      text: `Score ${overall}`,
      binding: band === scoreBand,
    },
    ...blockers.map((b) => ({
      source: "blocker" as const,
      band: b.capBand,
      text: b.reason,
      binding: b.capBand === band && band !== scoreBand,
    })),
  ];
  return {
    bankVersion: bank.version,
    scoringModel: 1,
    overall,
    knownScore: null,
    scoreBand,
    band,
    bestCaseBand: band,
    provisional: false,
    confidence,
    dimensions,
    questions,
    blockers,
    caps,
    weakestDimensions: weakestDimensions(dimensions, recommendations),
    recommendations,
    findOut: applicable
      .filter((q) => q.state === "dont_know" || q.state === "unanswered")
      .map((q) => findOutItem(bank.questions.find((x) => x.id === q.questionId)!)),
    inventory: inventoryDrivers(bank, facts, inventory, blockers),
    recommendedStage: start.stage,
    maxStage: BAND_MAX_STAGE[band],
    autonomy: start.autonomy,
    assumptions,
    counts: {
      notApplicable: questions.filter((q) => q.state === "not_applicable").length,
      settled: 0,
      applicable: applicable.length,
      answered: answered.length,
      dontKnow: applicable.filter((q) => q.state === "dont_know").length,
      unanswered: applicable.filter((q) => q.state === "unanswered").length,
      evidenced: evidenced.length,
    },
    trace,
  };
}

export function nextBand(band: Band): Band {
  return BANDS[Math.min(bandIndex(band) + 1, BANDS.length - 1)]!;
}

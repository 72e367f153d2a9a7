import { formatPercent } from "@/lib/format";
import type { InventoryAction } from "../actions";
import { answerMap, inventoryFacts } from "../question-bank/conditions";
import type { AnswerInput, Condition, InventoryFact, QuestionBank } from "../question-bank/types";
import { STAGE_LABELS, stageIndex } from "../stages";
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
  maxBand,
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
  BandCap,
  BlockerHit,
  DimensionResult,
  QuestionResult,
  Recommendation,
} from "./types";

/**
 * The weakest dimension (unknown answers counting as gaps) a band needs: a dimension far below
 * the rest holds the band down, so weak answers cannot average away.
 */
export const DIMENSION_FLOORS: Readonly<Record<Band, number>> = {
  not_ready: 0,
  sandbox_only: 0,
  shadow: 25,
  supervised: 40,
  limited_production: 55,
};

/**
 * The confidence a band needs. Answers alone give 50%; limited production also needs evidence
 * behind a good share of them, and a third of the answers unknown keeps a verdict in shadow.
 */
export const CONFIDENCE_FLOORS: Readonly<Record<Band, number>> = {
  not_ready: 0,
  sandbox_only: 0,
  shadow: 0,
  supervised: 0.4,
  limited_production: 0.6,
};

/** Below this confidence the verdict is provisional whatever else holds. */
export const PROVISIONAL_BELOW = 0.4;

/** The band a workflow that only reads never falls below: it changes nothing it could break. */
export const READ_ONLY_FLOOR: Band = "shadow";

const EVIDENCE_CREDIT = { none: 0, note: 0.25, link: 0.5 } as const;

type Leaf = { question: string; anyOf: string[]; orDontKnow?: boolean };
/** How a question's answer stands when a condition reads it. */
type LeafValue = { kind: "option"; optionId: string } | { kind: "unknown" } | { kind: "absent" };

function evaluate(condition: Condition, facts: ReadonlySet<string>, leaf: (l: Leaf) => boolean) {
  const go = (c: Condition): boolean => {
    if ("all" in c) return c.all.every(go);
    if ("any" in c) return c.any.some(go);
    if ("inventory" in c) return facts.has(c.inventory);
    return leaf(c);
  };
  return go(condition);
}

function hasWeakParentLeaf(condition: Condition): boolean {
  if ("all" in condition) return condition.all.some(hasWeakParentLeaf);
  if ("any" in condition) return condition.any.some(hasWeakParentLeaf);
  if ("inventory" in condition) return false;
  return condition.orDontKnow === true;
}

/** What the model looks up about a bank again and again, worked out once per bank. */
type BankIndex = {
  byId: Map<string, QuestionBank["questions"][number]>;
  order: Map<string, number>;
  parents: Map<string, string[]>;
  weakParent: Map<string, boolean>;
  /** Follow-ups asked on a weaker answer to each question. */
  weakChildren: Map<string, string[]>;
  blockerQuestions: Map<string, string[]>;
  blockerFacts: Map<string, InventoryFact[]>;
};
const INDEXES = new WeakMap<QuestionBank, BankIndex>();

function indexOf(bank: QuestionBank): BankIndex {
  const cached = INDEXES.get(bank);
  if (cached) return cached;
  const parents = new Map<string, string[]>();
  const weakParent = new Map<string, boolean>();
  const weakChildren = new Map<string, string[]>();
  for (const q of bank.questions) {
    const ids = q.showIf ? [...new Set(conditionQuestions(q.showIf))] : [];
    parents.set(q.id, ids);
    const weak = q.showIf ? hasWeakParentLeaf(q.showIf) : false;
    weakParent.set(q.id, weak);
    if (weak) for (const id of ids) weakChildren.set(id, [...(weakChildren.get(id) ?? []), q.id]);
  }
  const index: BankIndex = {
    byId: new Map(bank.questions.map((q) => [q.id, q])),
    order: new Map(bank.questions.map((q, i) => [q.id, i])),
    parents,
    weakParent,
    weakChildren,
    blockerQuestions: new Map(
      bank.blockers.map((b) => [b.id, [...new Set(conditionQuestions(b.when))]]),
    ),
    blockerFacts: new Map(bank.blockers.map((b) => [b.id, [...new Set(conditionFacts(b.when))]])),
  };
  INDEXES.set(bank, index);
  return index;
}

type Core = {
  questions: QuestionResult[];
  dimensions: DimensionResult[];
  overall: number;
  knownScore: number | null;
  scoreBand: Band;
  blockers: BlockerHit[];
  caps: BandCap[];
  band: Band;
  confidence: number;
  certainIds: Set<string>;
  readOnly: boolean;
  trace: string[];
};

/** Scores answers without the what-ifs (best case, recommendations) built on top of it. */
export function scoreCore(
  bank: QuestionBank,
  rawAnswers: readonly AnswerInput[],
  inventory: readonly InventoryAction[],
  detail = true,
): Core {
  const facts = inventoryFacts(inventory);
  const index = indexOf(bank);
  const byId = index.byId;
  // Answers naming an option the bank does not have count as not answered.
  const answers = answerMap(
    rawAnswers.filter(
      (a) => a.dontKnow || byId.get(a.questionId)?.options.some((o) => o.id === a.optionId),
    ),
  );
  // What-if scoring (best case, recommendations) needs bands only, not the words.
  const trace: string[] = [];
  if (!detail) trace.push = () => 0;
  const states = new Map<string, QuestionResult>();

  const leafValue = (id: string): LeafValue => {
    const state = states.get(id);
    if (!state) {
      // A question listed later than the one that reads it: take its raw answer.
      const a = answers.get(id);
      if (!a || a.dontKnow) return { kind: "unknown" };
      return { kind: "option", optionId: a.optionId };
    }
    const answer = answers.get(id);
    if (state.state === "option" && answer && !answer.dontKnow)
      return { kind: "option", optionId: answer.optionId };
    if (state.state === "dont_know" || state.state === "unanswered") return { kind: "unknown" };
    if (state.state === "settled" && !state.known) return { kind: "unknown" };
    return { kind: "absent" };
  };
  const leafWith = (unknown: (l: Leaf) => boolean) => (l: Leaf) => {
    const v = leafValue(l.question);
    if (v.kind === "option") return l.anyOf.includes(v.optionId);
    if (v.kind === "unknown") return unknown(l);
    return false;
  };
  const asScored = leafWith((l) => l.orDontKnow === true);
  const asCertain = leafWith(() => false);
  const asPossible = leafWith(() => true);

  const questions: QuestionResult[] = [];
  const certainIds = new Set<string>();
  for (const q of bank.questions) {
    const answer = answers.get(q.id);
    const evidence = answer && !answer.dontKnow ? classifyEvidence(answer.evidence) : "none";
    let result: QuestionResult;
    if (q.showIf && !evaluate(q.showIf, facts, () => true)) {
      result = questionResult(q, "not_applicable", 0, false, true);
    } else if (q.showIf && !evaluate(q.showIf, facts, asScored)) {
      const parents = index.parents.get(q.id)!.map((id) => ({ id, value: leafValue(id) }));
      if (index.weakParent.get(q.id)) {
        // Asked only on weaker answers: the earlier answer was good enough to settle it.
        result = questionResult(q, "settled", MAX_OPTION_SCORE, true, true);
      } else if (parents.some((p) => p.value.kind === "unknown")) {
        // Asked only on stronger answers that are not known: it counts as a gap like them.
        result = questionResult(q, "settled", 0, true, false);
      } else {
        // Asked only on stronger answers: a weaker earlier answer carries over to it.
        const scores = parents
          .map((p) => states.get(p.id))
          .filter((s): s is QuestionResult => s?.state === "option")
          .map((s) => s.score);
        const score = scores.length ? Math.min(...scores) : MAX_OPTION_SCORE;
        result = questionResult(q, "settled", score, true, true);
      }
    } else if (!answer || answer.dontKnow) {
      result = questionResult(q, answer ? "dont_know" : "unanswered", 0, true, false);
    } else {
      const option = q.options.find((o) => o.id === answer.optionId)!;
      result = questionResult(q, "option", option.score, true, true, option.label, evidence);
      if (!q.showIf || evaluate(q.showIf, facts, asCertain)) certainIds.add(q.id);
    }
    states.set(q.id, result);
    questions.push(result);
  }

  // Dimension scores: weighted means on a 0–4 scale, scaled to 0–100. Unknown answers count as
  // gaps in `score` and are left out of `knownScore`; questions the inventory rules out are
  // left out of both.
  const weighted = (qs: QuestionResult[]) => {
    const w = qs.reduce((s, q) => s + q.weight, 0);
    return w > 0
      ? (qs.reduce((s, q) => s + q.weight * q.score, 0) / (MAX_OPTION_SCORE * w)) * 100
      : null;
  };
  const dimensions: DimensionResult[] = [];
  const byDimension = new Map<string, QuestionResult[]>();
  for (const q of questions)
    byDimension.set(q.dimensionId, [...(byDimension.get(q.dimensionId) ?? []), q]);
  for (const d of bank.dimensions) {
    const all = byDimension.get(d.id) ?? [];
    const qs = all.filter((q) => q.counted);
    const asked = qs.filter((q) => q.state !== "settled");
    const score = weighted(qs);
    const known = weighted(qs.filter((q) => q.known));
    const result: DimensionResult = {
      id: d.id,
      title: d.title,
      weight: score === null ? 0 : d.weight,
      score: round1(score ?? 0),
      knownScore: known === null ? null : round1(known),
      applicable: asked.length,
      answered: asked.filter((q) => q.state === "option").length,
      dontKnow: asked.filter((q) => q.state !== "option").length,
    };
    const left = all.filter((q) => q.state === "not_applicable").length;
    trace.push(
      `${d.title}: ${result.score} = weighted mean of ${qs.length} answers on a 0–4 scale` +
        (result.dontKnow ? `, ${result.dontKnow} not known and counted as gaps` : "") +
        (result.knownScore !== null && result.dontKnow
          ? ` (${result.knownScore} on the known ones)`
          : "") +
        (left
          ? `; ${left} left out because the inventory makes ${left > 1 ? "them" : "it"} irrelevant`
          : "") +
        ".",
    );
    dimensions.push(result);
  }

  const mean = (pick: (d: DimensionResult) => number | null) => {
    const used = dimensions.filter((d) => d.weight > 0 && pick(d) !== null);
    const w = used.reduce((s, d) => s + d.weight, 0);
    return w > 0 ? round1(used.reduce((s, d) => s + d.weight * pick(d)!, 0) / w) : null;
  };
  const overall = mean((d) => d.score) ?? 0;
  const knownScore = mean((d) => d.knownScore);
  trace.push(
    `Overall ${overall} = weighted mean of the dimension scores (weights ${dimensions
      .filter((d) => d.weight > 0)
      .map((d) => `${d.title.split(" ")[0]} ${d.weight}`)
      .join(
        ", ",
      )}), unknown answers counting as gaps${knownScore !== null && knownScore !== overall ? `; ${knownScore} on the known answers alone` : ""}.`,
  );

  const scoreBand = bandForScore(overall);
  const caps: BandCap[] = [
    {
      source: "score",
      band: scoreBand,
      text: `A score of ${overall} is at least ${BAND_THRESHOLDS[scoreBand]}${
        scoreBand === "limited_production"
          ? ""
          : ` and below ${BAND_THRESHOLDS[BANDS[bandIndex(scoreBand) + 1]!]}`
      }.`,
      binding: false,
    },
  ];

  const blockers: BlockerHit[] = bank.blockers
    .filter((b) => evaluate(b.when, facts, asPossible))
    .map((b): BlockerHit => {
      const confirmed = evaluate(b.when, facts, asCertain);
      const unknownLeaves = index.blockerQuestions
        .get(b.id)!
        .filter((id) => leafValue(id).kind === "unknown")
        .map((id) => findOutItem(byId.get(id)!));
      return {
        id: b.id,
        capBand: b.capBand,
        reason: b.reason,
        status: confirmed ? "confirmed" : "unverified",
        findOut: confirmed ? [] : unknownLeaves,
        causes: detail
          ? explainCondition(b.when, bank, answers, facts, inventory, (c) =>
              evaluate(c, facts, asPossible),
            )
          : [],
        facts: index.blockerFacts.get(b.id)!,
      };
    })
    .sort(
      (a, b) =>
        bandIndex(a.capBand) - bandIndex(b.capBand) ||
        (a.status === b.status ? 0 : a.status === "confirmed" ? -1 : 1),
    );
  for (const b of blockers) {
    caps.push({
      source: "blocker",
      band: b.capBand,
      text:
        b.status === "confirmed"
          ? b.reason
          : `Unverified: ${b.findOut.map((f) => lowerFirst(f.text)).join(" ")} If so: ${lowerFirst(b.reason)}`,
      binding: false,
    });
  }

  const weakest = dimensions
    .filter((d) => d.weight > 0)
    .reduce<DimensionResult | null>((w, d) => (w === null || d.score < w.score ? d : w), null);
  if (weakest) {
    let floorBand: Band = "not_ready";
    for (const b of BANDS) if (weakest.score >= DIMENSION_FLOORS[b]) floorBand = b;
    caps.push({
      source: "dimension_floor",
      band: floorBand,
      text: `The weakest dimension, ${weakest.title.toLowerCase()}, scores ${weakest.score}${
        floorBand === "limited_production"
          ? ""
          : `; ${BAND_LABELS[BANDS[bandIndex(floorBand) + 1]!].toLowerCase()} needs every dimension at ${DIMENSION_FLOORS[BANDS[bandIndex(floorBand) + 1]!]} or more`
      }.`,
      binding: false,
    });
  }

  const asked = questions.filter(
    (q) => q.state === "option" || q.state === "dont_know" || q.state === "unanswered",
  );
  // A follow-up not asked only because its question is unknown is as unknown as an open one:
  // it stays in the count, so that "don't know" can never raise confidence by hiding it.
  const open = questions.filter((q) => q.state === "settled" && !q.known).length;
  const credit = asked
    .filter((q) => q.state === "option" && certainIds.has(q.questionId))
    .reduce((s, q) => s + 0.5 + EVIDENCE_CREDIT[q.evidence], 0);
  const base = asked.length + open;
  const confidence = base ? Math.round((credit / base) * 1000) / 1000 : 0;
  let confidenceBand: Band = "not_ready";
  for (const b of BANDS) if (confidence >= CONFIDENCE_FLOORS[b]) confidenceBand = b;
  caps.push({
    source: "confidence",
    band: confidenceBand,
    text: `Confidence is ${formatPercent(confidence)}${
      confidenceBand === "limited_production"
        ? ""
        : `; ${BAND_LABELS[BANDS[bandIndex(confidenceBand) + 1]!].toLowerCase()} needs ${formatPercent(CONFIDENCE_FLOORS[BANDS[bandIndex(confidenceBand) + 1]!])} (settle unknown answers and back answers with links or documents)`
    }.`,
    binding: false,
  });
  const links = asked.filter((q) => q.evidence === "link").length;
  const notes = asked.filter((q) => q.evidence === "note").length;
  trace.push(
    `Confidence ${formatPercent(confidence)}: each of the ${asked.length} questions asked earns half for a known answer, the other half for a link or document behind it (${links}) or a quarter for a note (${notes}).`,
  );

  const capped = caps.reduce<Band>((b, c) => minBand(b, c.band), "limited_production");
  const readOnly = inventory.length > 0 && !facts.has("writes_anywhere");
  const band = readOnly ? maxBand(capped, READ_ONLY_FLOOR) : capped;
  for (const c of caps) c.binding = c.band === capped && band === capped;
  if (readOnly && band !== capped) {
    caps.push({
      source: "read_only",
      band: READ_ONLY_FLOOR,
      text: "The inventory only reads, so the workflow changes nothing and can always be tried in shadow; the limits above still say what to fix before it goes further.",
      binding: true,
    });
  }
  for (const c of caps.filter((x) => x.binding))
    trace.push(`${BAND_LABELS[band]}: ${lowerFirst(c.text)}`);

  return {
    questions,
    dimensions,
    overall,
    knownScore,
    scoreBand,
    blockers,
    caps,
    band,
    confidence,
    certainIds,
    readOnly,
    trace,
  };
}

/** Answers with every unknown question that is asked set to its best option. */
function bestCaseAnswers(
  bank: QuestionBank,
  answers: readonly AnswerInput[],
  inventory: readonly InventoryAction[],
): AnswerInput[] {
  let current = [...answers];
  for (let round = 0; round < 4; round++) {
    const core = scoreCore(bank, current, inventory, false);
    const open = core.questions.filter((q) => q.state === "dont_know" || q.state === "unanswered");
    if (open.length === 0) break;
    const ids = new Set(open.map((q) => q.questionId));
    current = [
      ...current.filter((a) => !ids.has(a.questionId)),
      ...open.map((q) => ({ questionId: q.questionId, optionId: bestOption(bank, q.questionId) })),
    ];
  }
  return current;
}

function bestOption(bank: QuestionBank, questionId: string): string {
  const q = indexOf(bank).byId.get(questionId)!;
  return q.options.reduce((best, o) => (o.score > best.score ? o : best)).id;
}

/**
 * The second scoring model (question bank v2 on). Unknown answers never help and are never
 * stated as facts: they count as gaps in the score that decides the band, lower confidence,
 * and trigger blockers only as "unverified", each with what to find out. Questions the
 * inventory makes irrelevant are left out of the averages. The band is the lowest of the
 * score's band, the blockers, the weakest dimension's floor and the confidence floor, and a
 * workflow that only reads is never below shadow. Deterministic and pure.
 */
export function scoreModel2(input: {
  bank: QuestionBank;
  answers: readonly AnswerInput[];
  inventory: readonly InventoryAction[];
}): AssessmentResult {
  const { bank, inventory } = input;
  const core = scoreCore(bank, input.answers, inventory);
  const answers = answerMap(input.answers);
  const facts = inventoryFacts(inventory);
  const trace = [...core.trace];
  const maxStage = BAND_MAX_STAGE[core.band];

  const unknown = core.questions.filter((q) => q.state === "dont_know" || q.state === "unanswered");
  const bestCaseBand = unknown.length
    ? scoreCore(bank, bestCaseAnswers(bank, input.answers, inventory), inventory, false).band
    : core.band;
  const provisional =
    bandIndex(bestCaseBand) > bandIndex(core.band) || core.confidence < PROVISIONAL_BELOW;
  if (provisional) {
    trace.push(
      `Provisional: ${unknown.length} answer${unknown.length === 1 ? " is" : "s are"} not known${
        bestCaseBand !== core.band
          ? `; settled at their best, the band could reach ${BAND_LABELS[bestCaseBand].toLowerCase()}`
          : ""
      }.`,
    );
  }

  const index = indexOf(bank);
  const order = index.order;
  // Points gained: the answer at its best, plus the follow-ups that answer would settle.
  const includedWeight = core.dimensions.reduce((sum, d) => sum + d.weight, 0);
  const dimensionWeight = new Map(
    core.dimensions.map((d) => [
      d.id,
      core.questions
        .filter((x) => x.dimensionId === d.id && x.counted)
        .reduce((sum, x) => sum + x.weight, 0),
    ]),
  );
  const dimensionById = new Map(core.dimensions.map((d) => [d.id, d]));
  const resultById = new Map(core.questions.map((x) => [x.questionId, x]));
  const deficit = (x: QuestionResult) => {
    const d = dimensionById.get(x.dimensionId)!;
    const w = dimensionWeight.get(x.dimensionId) ?? 0;
    if (w === 0 || includedWeight === 0) return 0;
    return (
      ((d.weight / includedWeight) * 100 * x.weight * (MAX_OPTION_SCORE - x.score)) /
      (MAX_OPTION_SCORE * w)
    );
  };
  const followUps = (id: string) =>
    (index.weakChildren.get(id) ?? [])
      .map((child) => resultById.get(child)!)
      .filter((x) => x.state !== "settled" && x.state !== "not_applicable");
  // Rescore only where fixing the answer could lift every limit that decided the band.
  const binding = core.caps.filter((c) => c.binding);
  const weakestScore = Math.min(...core.dimensions.filter((d) => d.weight > 0).map((d) => d.score));
  const gainOf = (x: QuestionResult) =>
    [x, ...followUps(x.questionId)].reduce((sum, y) => sum + deficit(y), 0);
  const nextThreshold =
    BAND_THRESHOLDS[BANDS[bandIndex(core.scoreBand) + 1] ?? "limited_production"];
  const couldLift = (x: QuestionResult) =>
    binding.every((c) => {
      if (c.source === "read_only") return true;
      if (c.source === "score") return core.overall + gainOf(x) + 0.05 >= nextThreshold;
      if (c.source === "confidence") return x.state !== "option";
      if (c.source === "dimension_floor")
        return dimensionById.get(x.dimensionId)?.score === weakestScore;
      const blocker = core.blockers.find(
        (b) => b.capBand === c.band && index.blockerQuestions.get(b.id)!.includes(x.questionId),
      );
      return blocker !== undefined;
    });

  const recommendations: Recommendation[] = core.questions
    .filter(
      (q) =>
        q.state === "dont_know" ||
        q.state === "unanswered" ||
        (q.state === "option" && q.score < WEAK_BELOW),
    )
    .map((q) => {
      const question = index.byId.get(q.questionId)!;
      let unlocks: Recommendation["unlocks"] = null;
      if (couldLift(q)) {
        const improved = scoreCore(
          bank,
          [
            ...input.answers.filter((a) => a.questionId !== q.questionId),
            { questionId: q.questionId, optionId: bestOption(bank, q.questionId) },
          ],
          inventory,
          false,
        );
        const reach = BAND_MAX_STAGE[improved.band];
        if (stageIndex(reach) > stageIndex(maxStage)) unlocks = reach;
      }
      const findOut = q.state !== "option";
      return {
        questionId: q.questionId,
        dimensionId: q.dimensionId,
        prompt: q.prompt,
        kind: findOut ? "find_out" : "improve",
        text: findOut
          ? `${findOutItem(question).text} ${question.recommendation}`
          : question.recommendation,
        currentAnswer: answerLabel(question, answers.get(q.questionId)),
        gain: round1(gainOf(q)),
        unlocks,
      } satisfies Recommendation;
    })
    .sort(
      (a, b) =>
        (provisional ? Number(b.kind === "find_out") - Number(a.kind === "find_out") : 0) ||
        (b.unlocks ? stageIndex(b.unlocks) : -1) - (a.unlocks ? stageIndex(a.unlocks) : -1) ||
        b.gain - a.gain ||
        order.get(a.questionId)! - order.get(b.questionId)!,
    );

  const assumptions = assumptionsOf(
    core.questions.filter((q) => q.state === "option" && core.certainIds.has(q.questionId)),
    (id) => index.byId.get(id)!,
    answers,
  );

  const start = BAND_START[core.band];
  trace.push(
    `Start in ${STAGE_LABELS[start.stage].toLowerCase()} with “${AUTONOMY_LABELS[start.autonomy]}”; without an override a pilot may go as far as ${STAGE_LABELS[maxStage].toLowerCase()}.`,
  );

  const asked = core.questions.filter(
    (q) => q.state === "option" || q.state === "dont_know" || q.state === "unanswered",
  );
  return {
    bankVersion: bank.version,
    scoringModel: 2,
    overall: core.overall,
    knownScore: core.knownScore,
    scoreBand: core.scoreBand,
    band: core.band,
    bestCaseBand,
    provisional,
    confidence: core.confidence,
    dimensions: core.dimensions,
    questions: core.questions,
    blockers: core.blockers,
    caps: core.caps,
    weakestDimensions: weakestDimensions(
      core.dimensions.filter((d) => d.weight > 0),
      recommendations,
    ),
    recommendations,
    findOut: unknown.map((q) => findOutItem(index.byId.get(q.questionId)!)),
    inventory: inventoryDrivers(bank, facts, inventory, core.blockers),
    recommendedStage: start.stage,
    maxStage,
    autonomy: start.autonomy,
    assumptions,
    counts: {
      applicable: asked.length,
      answered: asked.filter((q) => q.state === "option").length,
      dontKnow: asked.filter((q) => q.state === "dont_know").length,
      unanswered: asked.filter((q) => q.state === "unanswered").length,
      evidenced: asked.filter((q) => q.evidence !== "none").length,
      notApplicable: core.questions.filter((q) => q.state === "not_applicable").length,
      settled: core.questions.filter((q) => q.state === "settled").length,
    },
    trace,
  };
}

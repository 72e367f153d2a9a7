import type { InventoryAction } from "../actions";
import {
  evaluateCondition,
  INVENTORY_FACT_LABELS,
  inventoryFacts,
} from "../question-bank/conditions";
import type {
  AnswerInput,
  Condition,
  InventoryFact,
  Question,
  QuestionBank,
} from "../question-bank/types";
import type {
  AssumptionEntry,
  DimensionResult,
  EvidenceKind,
  FindOutItem,
  QuestionResult,
  Recommendation,
} from "./types";

export const MAX_OPTION_SCORE = 4;
/** Answers scoring below this are weak: they produce recommendations. */
export const WEAK_BELOW = 3;
/** Answers scoring at least this are optimistic: they enter the assumptions register. */
export const OPTIMISTIC_FROM = 3;

export const round1 = (n: number) => Math.round(n * 10) / 10;

export function lowerFirst(text: string): string {
  return text.charAt(0).toLowerCase() + text.slice(1);
}

export function answerLabel(question: Question, answer: AnswerInput | undefined): string {
  if (!answer) return "not answered";
  if (answer.dontKnow) return "don't know";
  return question.options.find((o) => o.id === answer.optionId)?.label ?? answer.optionId;
}

const LINK = /\bhttps?:\/\/\S+|\bwww\.\S+\.\S+/i;
const REFERENCE =
  /\b[A-Z][A-Z0-9]{1,9}-\d+\b|\b[\w-]+\.(pdf|docx?|xlsx?|pptx?|csv|md|txt|png|jpe?g)\b|\b(doc|file|ticket|attachment|confluence|jira|sharepoint):\S+/i;

/**
 * What backs an answer. A link or a reference someone else can open (a URL, a ticket key such
 * as OPS-142, a file name) is evidence; other text is a note, which counts for less.
 */
export function classifyEvidence(evidence: string | undefined | null): EvidenceKind {
  const text = evidence?.trim();
  if (!text) return "none";
  return LINK.test(text) || REFERENCE.test(text) ? "link" : "note";
}

/** The "find out whether …" line for a question whose answer is not known. */
export function findOutItem(question: Question): FindOutItem {
  const clause = question.findOut ?? `the answer to “${question.prompt}” is known`;
  return {
    questionId: question.id,
    prompt: question.prompt,
    text: `Find out whether ${clause.replace(/[.\s]+$/, "")}.`,
  };
}

/** The question ids a condition reads. */
export function conditionQuestions(condition: Condition): string[] {
  if ("all" in condition) return condition.all.flatMap(conditionQuestions);
  if ("any" in condition) return condition.any.flatMap(conditionQuestions);
  if ("inventory" in condition) return [];
  return [condition.question];
}

/** The inventory facts a condition reads. */
export function conditionFacts(condition: Condition): InventoryFact[] {
  if ("all" in condition) return condition.all.flatMap(conditionFacts);
  if ("any" in condition) return condition.any.flatMap(conditionFacts);
  if ("inventory" in condition) return [condition.inventory];
  return [];
}

/** The answers and inventory facts behind a condition that holds, in words. */
export function explainCondition(
  condition: Condition,
  bank: QuestionBank,
  answers: ReadonlyMap<string, AnswerInput>,
  facts: ReadonlySet<InventoryFact>,
  inventory: readonly InventoryAction[],
  holds: (c: Condition) => boolean = (c) => evaluateCondition(c, answers, facts),
): string[] {
  const recurse = (c: Condition) => explainCondition(c, bank, answers, facts, inventory, holds);
  if ("all" in condition) return condition.all.flatMap(recurse);
  if ("any" in condition) return condition.any.filter(holds).flatMap(recurse);
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

/** Which inventory facts made which questions apply and which blockers fire. */
export function inventoryDrivers(
  bank: QuestionBank,
  facts: ReadonlySet<InventoryFact>,
  inventory: readonly InventoryAction[],
  blockers: readonly { id: string; facts: readonly InventoryFact[] }[],
): import("./types").InventoryDriver[] {
  return [...facts].map((fact) => ({
    fact,
    label: INVENTORY_FACT_LABELS[fact],
    actions: inventory.filter((a) => inventoryFacts([a]).has(fact)).map((a) => a.name),
    questionIds: bank.questions
      .filter((q) => q.showIf && conditionFacts(q.showIf).includes(fact))
      .map((q) => q.id),
    blockerIds: blockers.filter((b) => b.facts.includes(fact)).map((b) => b.id),
  }));
}

/**
 * One question's result. One literal with every key in one order: results of one shape keep
 * the scoring loops fast.
 */
export function questionResult(
  q: Question,
  state: QuestionResult["state"],
  score: number,
  counted: boolean,
  known: boolean,
  optionLabel: string | null = null,
  evidence: EvidenceKind = "none",
): QuestionResult {
  return {
    questionId: q.id,
    dimensionId: q.dimensionId,
    prompt: q.prompt,
    state,
    optionLabel,
    score,
    counted,
    known,
    weight: q.weight,
    evidenced: evidence !== "none",
    evidence,
  };
}

/** The three weakest dimensions that have recommendations, each with its own. */
export function weakestDimensions(
  dimensions: readonly DimensionResult[],
  recommendations: readonly Recommendation[],
) {
  return [...dimensions]
    .sort((a, b) => a.score - b.score)
    .filter((d) => recommendations.some((r) => r.dimensionId === d.id))
    .slice(0, 3)
    .map((d) => ({ ...d, recommendations: recommendations.filter((r) => r.dimensionId === d.id) }));
}

/** The assumptions register: the beliefs behind the optimistic answers among `answered`. */
export function assumptionsOf(
  answered: readonly QuestionResult[],
  questionById: (id: string) => Question,
  answers: ReadonlyMap<string, AnswerInput>,
): AssumptionEntry[] {
  return answered
    .filter((q) => q.score >= OPTIMISTIC_FROM)
    .map((q) => ({
      questionId: q.questionId,
      dimensionId: q.dimensionId,
      assumption: questionById(q.questionId).assumption,
      evidence: answers.get(q.questionId)?.evidence?.trim() || null,
    }));
}

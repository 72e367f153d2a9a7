import type { InventoryAction } from "../actions";
import { answerMap, evaluateCondition, inventoryFacts } from "./conditions";
import type { AnswerInput, Question, QuestionBank } from "./types";
import { QUESTION_BANK_V1 } from "./v1";
import { QUESTION_BANK_V2 } from "./v2";

export * from "./types";

/** Every shipped version; an assessment is always scored against the one it was taken on. */
export const QUESTION_BANKS: Readonly<Record<string, QuestionBank>> = {
  v1: QUESTION_BANK_V1,
  v2: QUESTION_BANK_V2,
};

export const CURRENT_QUESTION_BANK_VERSION = "v2";

/** A shipped question bank by version, or undefined. */
export function getQuestionBank(version: string): QuestionBank | undefined {
  return Object.hasOwn(QUESTION_BANKS, version) ? QUESTION_BANKS[version] : undefined;
}

/** Whether a question applies, given the answers so far and the inventory. */
export function isApplicable(
  question: Question,
  answers: ReadonlyMap<string, AnswerInput>,
  facts: ReturnType<typeof inventoryFacts>,
): boolean {
  return !question.showIf || evaluateCondition(question.showIf, answers, facts);
}

/**
 * Ids of the questions to show right now (the wizard shows these). A follow-up waits for its
 * earlier question: it appears once that is answered weakly or "don't know", never before.
 */
export function applicableQuestionIds(
  bank: QuestionBank,
  answers: readonly AnswerInput[],
  inventory: readonly InventoryAction[],
): string[] {
  const map = answerMap(answers);
  const facts = inventoryFacts(inventory);
  const answeredOnly = new Map([...map].filter(([, a]) => a.dontKnow || a.optionId));
  return bank.questions
    .filter((q) => {
      if (!q.showIf) return true;
      const parents = parentIds(q.showIf);
      if (parents.some((id) => !answeredOnly.has(id))) return false;
      return isApplicable(q, answeredOnly, facts);
    })
    .map((q) => q.id);
}

function parentIds(condition: import("./types").Condition): string[] {
  if ("all" in condition) return condition.all.flatMap(parentIds);
  if ("any" in condition) return condition.any.flatMap(parentIds);
  if ("inventory" in condition) return [];
  return [condition.question];
}

export type CarryOver = {
  /** Answers that fit the new bank unchanged. */
  carried: AnswerInput[];
  /** Earlier answers left behind, with why. */
  notCarried: { questionId: string; prompt: string; reason: string }[];
};

/**
 * Which answers of an earlier assessment a re-assessment on `bank` starts from: those whose
 * question and option ids are unchanged ("don't know" carries when the question still exists).
 */
export function carryOverAnswers(
  answers: readonly AnswerInput[],
  from: QuestionBank,
  bank: QuestionBank,
): CarryOver {
  const carried: AnswerInput[] = [];
  const notCarried: CarryOver["notCarried"] = [];
  for (const a of answers) {
    const prompt = from.questions.find((q) => q.id === a.questionId)?.prompt ?? a.questionId;
    const problem = validateAnswer(bank, a);
    if (!problem) carried.push(a);
    else
      notCarried.push({
        questionId: a.questionId,
        prompt,
        reason:
          problem.field === "questionId"
            ? `question bank ${bank.version} asks this differently or no longer asks it`
            : `its answers changed in question bank ${bank.version}`,
      });
  }
  return { carried, notCarried };
}

export type AnswerProblem = { field: "questionId" | "optionId"; message: string };

/** Checks that an answer names a question and an option of this bank; null when it does. */
export function validateAnswer(bank: QuestionBank, answer: AnswerInput): AnswerProblem | null {
  const question = bank.questions.find((q) => q.id === answer.questionId);
  if (!question) {
    return {
      field: "questionId",
      message: `There is no question "${answer.questionId}" in question bank ${bank.version}.`,
    };
  }
  if (answer.dontKnow) return null;
  if (!question.options.some((o) => o.id === answer.optionId)) {
    const valid = question.options.map((o) => o.id).join(", ");
    return {
      field: "optionId",
      message: `"${answer.optionId}" is not an option of question "${question.id}"; use one of: ${valid}, or "dontKnow": true.`,
    };
  }
  return null;
}

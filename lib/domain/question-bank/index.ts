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

export const CURRENT_QUESTION_BANK_VERSION = "v1";

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

/** Ids of the questions that apply right now (the wizard shows these). */
export function applicableQuestionIds(
  bank: QuestionBank,
  answers: readonly AnswerInput[],
  inventory: readonly InventoryAction[],
): string[] {
  const map = answerMap(answers);
  const facts = inventoryFacts(inventory);
  return bank.questions.filter((q) => isApplicable(q, map, facts)).map((q) => q.id);
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

import fc from "fast-check";
import {
  ACTION_ACCESS,
  BLAST_RADIUS,
  FREQUENCY,
  type InventoryAction,
  REVERSIBILITY,
} from "@/lib/domain/actions";
import type { AnswerInput, QuestionBank } from "@/lib/domain/question-bank";

/** The id of the question's highest-scoring option (the first one, on a tie). */
export const bestOptionId = (bank: QuestionBank, questionId: string): string =>
  bank.questions
    .find((q) => q.id === questionId)!
    .options.reduce((a, b) => (b.score > a.score ? b : a)).id;

/** Every question of the bank, follow-ups included, answered with its best option and evidence. */
export const answerAllBest = (bank: QuestionBank, evidence: string): AnswerInput[] =>
  bank.questions.map((q) => ({ questionId: q.id, optionId: bestOptionId(bank, q.id), evidence }));

/** The answers with the one for `change.questionId` replaced by `change`. */
export const replaceAnswer = (answers: AnswerInput[], change: AnswerInput): AnswerInput[] => [
  ...answers.filter((a) => a.questionId !== change.questionId),
  change,
];

/** An action, named by its id: a daily read of one CRM record unless the patch says otherwise. */
export const inventoryAction = (patch: Partial<InventoryAction>): InventoryAction => ({
  id: patch.name ?? "a",
  name: "Read a record",
  system: "CRM",
  access: "read",
  reversibility: "reversible",
  blastRadius: "one_record",
  frequency: "daily",
  ...patch,
});

/** A refund: a write that moves money and cannot be undone. */
export const REFUND = inventoryAction({
  name: "Issue refund",
  access: "write",
  reversibility: "irreversible",
  blastRadius: "money",
});

/** Any action: every access, reversibility, blast radius and frequency. */
export const actionArb = fc.record({
  id: fc.uuid(),
  name: fc.constantFrom("Read", "Update", "Refund", "Grant", "Email"),
  system: fc.constant("System"),
  access: fc.constantFrom(...ACTION_ACCESS),
  reversibility: fc.constantFrom(...REVERSIBILITY),
  blastRadius: fc.constantFrom(...BLAST_RADIUS),
  frequency: fc.constantFrom(...FREQUENCY),
});

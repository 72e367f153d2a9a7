import { expect } from "vitest";
import type { Condition, QuestionBank } from "@/lib/domain/question-bank/types";

export type QuestionRef = { question: string; anyOf: string[]; orDontKnow?: boolean };

/** The answers a condition looks at, flattened out of its all/any groups. */
export function questionRefs(condition: Condition): QuestionRef[] {
  if ("all" in condition) return condition.all.flatMap(questionRefs);
  if ("any" in condition) return condition.any.flatMap(questionRefs);
  if ("inventory" in condition) return [];
  return [condition];
}

/** What the bank's follow-up conditions and blockers look at. */
export function conditionRefs(bank: QuestionBank): QuestionRef[] {
  return [
    ...bank.questions.flatMap((q) => (q.showIf ? [q.showIf] : [])),
    ...bank.blockers.map((b) => b.when),
  ].flatMap(questionRefs);
}

/** Every condition and blocker names a question and options that exist. */
export function expectConditionsToNameRealOptions(bank: QuestionBank): void {
  for (const ref of conditionRefs(bank)) {
    const q = bank.questions.find((x) => x.id === ref.question);
    expect(q, ref.question).toBeDefined();
    for (const option of ref.anyOf)
      expect(
        q?.options.some((o) => o.id === option),
        `${ref.question}.${option}`,
      ).toBe(true);
  }
}

/** Every question has a unique id, a dimension of the bank and 3–5 options with distinct ids. */
export function expectQuestionsWellFormed(bank: QuestionBank): void {
  const ids = new Set<string>();
  for (const q of bank.questions) {
    expect(ids.has(q.id), q.id).toBe(false);
    ids.add(q.id);
    expect(
      bank.dimensions.some((d) => d.id === q.dimensionId),
      q.id,
    ).toBe(true);
    expect(q.options.length, q.id).toBeGreaterThanOrEqual(3);
    expect(q.options.length, q.id).toBeLessThanOrEqual(5);
    expect(new Set(q.options.map((o) => o.id)).size, q.id).toBe(q.options.length);
  }
}

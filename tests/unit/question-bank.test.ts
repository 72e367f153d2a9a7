import { describe, expect, test } from "vitest";
import { getQuestionBank, QUESTION_BANKS, validateAnswer } from "@/lib/domain/question-bank";
import type { QuestionBank } from "@/lib/domain/question-bank/types";
import { QUESTION_BANK_V1 } from "@/lib/domain/question-bank/v1";
import { BANDS } from "@/lib/domain/scoring";
import { questionBankHash } from "@/lib/question-bank-hash";
import {
  expectConditionsToNameRealOptions,
  expectQuestionsWellFormed,
  questionRefs,
} from "./question-bank-checks";

const bank = QUESTION_BANK_V1;

describe("question bank v1", () => {
  test("never changes once shipped (change v2 instead)", () => {
    expect(questionBankHash(bank)).toBe(
      "a2f11ca0088f9e31043fb5ea72dd54b1be5397c3851d060a719cb3d4bff1e2a7",
    );
  });

  test("covers at least the 8 dimensions of the brief with at least 5 questions each", () => {
    expect(bank.dimensions.map((d) => d.id)).toEqual([
      "process",
      "data",
      "permissions",
      "integration",
      "reversibility",
      "observability",
      "handoffs",
      "governance",
    ]);
    for (const d of bank.dimensions) {
      expect(bank.questions.filter((q) => q.dimensionId === d.id).length).toBeGreaterThanOrEqual(5);
    }
    expect(bank.questions.length).toBeGreaterThanOrEqual(40);
  });

  test("every question is complete: 3–5 options scored 0–4, a weight, help, a recommendation and an assumption", () => {
    expectQuestionsWellFormed(bank);
    for (const q of bank.questions) {
      for (const o of q.options) expect(o.score >= 0 && o.score <= 4, `${q.id}.${o.id}`).toBe(true);
      expect(
        q.options.some((o) => o.score === 4),
        `${q.id} has a best answer`,
      ).toBe(true);
      expect(
        q.options.some((o) => o.score === 0),
        `${q.id} has a worst answer`,
      ).toBe(true);
      expect(q.weight, q.id).toBeGreaterThan(0);
      for (const text of [q.prompt, q.help, q.recommendation, q.assumption])
        expect(text.length, q.id).toBeGreaterThan(15);
    }
  });

  test("conditions and blockers reference questions and options that exist", () => {
    expectConditionsToNameRealOptions(bank);
    for (const b of bank.blockers) expect(BANDS).toContain(b.capBand);
    expect(bank.blockers.length).toBeGreaterThanOrEqual(6);
    expect(bank.questions.filter((q) => q.showIf).length).toBeGreaterThanOrEqual(3);
  });

  test("follow-up questions appear only on weaker answers, so a better answer can never reveal a new risk", () => {
    for (const q of bank.questions) {
      if (!q.showIf) continue;
      for (const ref of questionRefs(q.showIf)) {
        const parent = bank.questions.find((x) => x.id === ref.question)!;
        const shownOn = parent.options.filter((o) => ref.anyOf.includes(o.id)).map((o) => o.score);
        const hiddenOn = parent.options
          .filter((o) => !ref.anyOf.includes(o.id))
          .map((o) => o.score);
        expect(Math.max(...shownOn), q.id).toBeLessThan(Math.min(...hiddenOn));
        expect(ref.orDontKnow, `${q.id} shows on "don't know" too`).toBe(true);
      }
    }
  });

  test("is looked up by version", () => {
    expect(getQuestionBank("v1")).toBe(bank);
    expect(getQuestionBank("v0")).toBeUndefined();
    expect(getQuestionBank("toString")).toBeUndefined();
    expect(Object.keys(QUESTION_BANKS)).toContain("v1");
  });

  test("answers are validated against the bank with a message naming the problem", () => {
    const b: QuestionBank = bank;
    expect(validateAnswer(b, { questionId: "rev_stop", optionId: "switch" })).toBeNull();
    expect(validateAnswer(b, { questionId: "rev_stop", dontKnow: true })).toBeNull();
    expect(validateAnswer(b, { questionId: "nope", optionId: "switch" })).toMatchObject({
      field: "questionId",
    });
    const wrong = validateAnswer(b, { questionId: "rev_stop", optionId: "maybe" });
    expect(wrong?.field).toBe("optionId");
    expect(wrong?.message).toMatch(/no, slow, switch/);
  });
});

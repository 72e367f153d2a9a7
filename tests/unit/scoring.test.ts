import fc from "fast-check";
import { describe, expect, test } from "vitest";
import { ACTION_ACCESS, FREQUENCY, type InventoryAction } from "@/lib/domain/actions";
import type { AnswerInput } from "@/lib/domain/question-bank";
import { QUESTION_BANK_V1 as bank } from "@/lib/domain/question-bank/v1";
import { type Band, bandForScore, bandIndex, scoreAssessment } from "@/lib/domain/scoring";
import {
  actionArb,
  answerAllBest,
  inventoryAction,
  REFUND,
  replaceAnswer,
} from "./scoring-fixtures";

const allBest = (): AnswerInput[] => answerAllBest(bank, "checked");

const SAFE: InventoryAction[] = [
  inventoryAction({ name: "Read ticket" }),
  inventoryAction({ name: "Tag ticket", access: "write" }),
];
const GRANT = inventoryAction({
  name: "Grant access",
  access: "write",
  reversibility: "irreversible",
  blastRadius: "security_access",
});
const score = (answers: AnswerInput[], inventory: InventoryAction[] = SAFE) =>
  scoreAssessment({ bank, answers, inventory });

describe("bands", () => {
  test.each<[number, Band]>([
    [0, "not_ready"],
    [29.9, "not_ready"],
    [30, "sandbox_only"],
    [49.9, "sandbox_only"],
    [50, "shadow"],
    [64.9, "shadow"],
    [65, "supervised"],
    [79.9, "supervised"],
    [80, "limited_production"],
    [100, "limited_production"],
  ])("a score of %d earns %s", (overall, band) => {
    expect(bandForScore(overall)).toBe(band);
  });
});

const chose = (questionId: string, optionId: string): AnswerInput => ({ questionId, optionId });
const dontKnow = (questionId: string): AnswerInput => ({ questionId, dontKnow: true });

describe("blockers", () => {
  const cases: [string, AnswerInput, InventoryAction[], Band][] = [
    [
      "irreversible_without_approval",
      chose("perm_approval_step", "none"),
      [REFUND],
      "sandbox_only",
    ],
    [
      "irreversible_without_approval",
      chose("perm_approval_step", "informal"),
      [GRANT],
      "sandbox_only",
    ],
    ["irreversible_without_approval", dontKnow("perm_approval_step"), [REFUND], "sandbox_only"],
    ["broad_credentials", chose("perm_service_account", "personal_or_admin"), SAFE, "sandbox_only"],
    ["no_owner", chose("hand_owner", "none"), SAFE, "sandbox_only"],
    ["no_owner", dontKnow("hand_owner"), SAFE, "sandbox_only"],
    ["cannot_stop", chose("rev_stop", "no"), SAFE, "shadow"],
    ["accuracy_not_measured_on_real_work", chose("obs_real_accuracy", "demo"), SAFE, "shadow"],
    ["accuracy_not_measured_on_real_work", chose("obs_real_accuracy", "never"), SAFE, "shadow"],
    ["no_action_log", chose("obs_logging", "none"), SAFE, "shadow"],
    ["writes_without_undo", chose("rev_undo", "no"), SAFE, "shadow"],
    ["single_person_dependency", chose("process_key_person", "only_one"), SAFE, "shadow"],
    ["no_success_measures", chose("gov_success_metrics", "none"), SAFE, "supervised"],
  ];

  test.each(cases)("%s caps the band (%j)", (id, answer, inventory, cap) => {
    const result = score(replaceAnswer(allBest(), answer), inventory);
    expect(result.scoreBand).toBe("limited_production");
    expect(result.band).toBe(cap);
    const hit = result.blockers.find((b) => b.id === id);
    expect(hit?.capBand).toBe(cap);
    expect(hit?.causes.join(" ")).toContain(
      bank.questions.find((q) => q.id === answer.questionId)!.prompt,
    );
    expect(result.trace.join("\n")).toMatch(/Capped at/);
  });

  test("every blocker of the bank is covered by this table", () => {
    expect(new Set(cases.map((c) => c[0]))).toEqual(new Set(bank.blockers.map((b) => b.id)));
  });

  test("an irreversible action names itself among the causes", () => {
    const result = score(
      replaceAnswer(allBest(), { questionId: "perm_approval_step", optionId: "none" }),
      [REFUND],
    );
    expect(result.blockers[0]?.causes.join(" ")).toContain("“Issue refund”");
  });

  test("writes_without_undo needs a write in the inventory", () => {
    const readOnly = [inventoryAction({ name: "Read" })];
    const result = score(
      replaceAnswer(allBest(), { questionId: "rev_undo", optionId: "no" }),
      readOnly,
    );
    expect(result.blockers.map((b) => b.id)).not.toContain("writes_without_undo");
  });
});

describe("results", () => {
  test("all best answers with evidence and a safe inventory: 100, top band, full confidence, no blockers", () => {
    const result = score(allBest());
    expect(result.overall).toBe(100);
    expect(result.band).toBe("limited_production");
    expect(result.confidence).toBe(1);
    expect(result.blockers).toEqual([]);
    expect(result.recommendations).toEqual([]);
    expect(result.recommendedStage).toBe("limited_production");
    expect(result.autonomy).toBe("human_monitors");
    expect(result.assumptions.length).toBe(result.counts.answered);
  });

  test("nothing answered: 0 for applicable questions, not ready, zero confidence", () => {
    const result = score([]);
    expect(result.band).toBe("not_ready");
    expect(result.confidence).toBe(0);
    expect(result.counts.unanswered).toBe(result.counts.applicable);
    expect(result.recommendedStage).toBe("proposed");
    expect(result.overall).toBeLessThan(30);
  });

  test("recommendations are ordered by the points they would add", () => {
    const answers = replaceAnswer(
      replaceAnswer(allBest(), { questionId: "obs_real_accuracy", optionId: "real_sample" }),
      {
        questionId: "gov_affected_informed",
        optionId: "no",
      },
    );
    const result = score(answers);
    const gains = result.recommendations.map((r) => r.gain);
    expect(gains).toEqual([...gains].sort((a, b) => b - a));
    expect(result.recommendations.map((r) => r.questionId)).toEqual(["gov_affected_informed"]);
    expect(result.recommendations[0]!.gain).toBeGreaterThan(0);
    expect(result.weakestDimensions[0]?.id).toBe("governance");
  });

  test("questions that do not apply are skipped for confidence and explained in the trace", () => {
    const readOnly = [inventoryAction({ name: "Read" })];
    const result = score(allBest(), readOnly);
    expect(
      result.questions.filter((q) => q.state === "not_applicable").map((q) => q.questionId),
    ).toContain("perm_approval_step");
    expect(result.trace.join("\n")).toMatch(/not applicable, counted as no risk/);
  });

  test("the trace explains the overall number", () => {
    const result = score(replaceAnswer(allBest(), { questionId: "rev_stop", optionId: "slow" }));
    expect(
      result.trace.some((t) => t.startsWith(`Overall ${result.overall} = weighted mean`)),
    ).toBe(true);
  });
});

// ── Properties ─────────────────────────────────────────────────────────────
const inventoryArb = fc.array(actionArb, { maxLength: 6 });

const answerArb = (q: (typeof bank.questions)[number]) =>
  fc.oneof(
    fc.constant(null),
    fc.constant<AnswerInput>({ questionId: q.id, dontKnow: true }),
    fc
      .constantFrom(...q.options)
      .chain((o) =>
        fc
          .option(fc.constantFrom("link to runbook", "measured in March"), { nil: undefined })
          .map((evidence): AnswerInput => ({ questionId: q.id, optionId: o.id, evidence })),
      ),
  );

const answersArb = fc
  .tuple(...bank.questions.map(answerArb))
  .map((list) => list.filter((a): a is AnswerInput => a !== null));

const optionScore = (a: AnswerInput | undefined) => {
  if (!a || a.dontKnow) return -1;
  return bank.questions
    .find((q) => q.id === a.questionId)!
    .options.find((o) => o.id === a.optionId)!.score;
};

describe("properties", () => {
  test("improving any single answer never lowers the overall or its dimension's score", () => {
    fc.assert(
      fc.property(answersArb, inventoryArb, fc.nat(), fc.nat(), (answers, inventory, qi, oi) => {
        const q = bank.questions[qi % bank.questions.length]!;
        const current = answers.find((a) => a.questionId === q.id);
        const better = q.options.filter((o) => o.score > optionScore(current));
        if (better.length === 0) return;
        const option = better[oi % better.length]!;
        const before = scoreAssessment({ bank, answers, inventory });
        const after = scoreAssessment({
          bank,
          answers: replaceAnswer(answers, { questionId: q.id, optionId: option.id }),
          inventory,
        });
        expect(after.overall).toBeGreaterThanOrEqual(before.overall);
        const dim = (r: typeof before) => r.dimensions.find((d) => d.id === q.dimensionId)!.score;
        expect(dim(after)).toBeGreaterThanOrEqual(dim(before));
      }),
      { numRuns: 300 },
    );
  });

  test("answering “don't know” instead of an answer never raises confidence", () => {
    fc.assert(
      fc.property(answersArb, inventoryArb, fc.nat(), (answers, inventory, i) => {
        const withOption = answers.filter((a) => !a.dontKnow);
        if (withOption.length === 0) return;
        const target = withOption[i % withOption.length]!;
        const before = scoreAssessment({ bank, answers, inventory });
        const after = scoreAssessment({
          bank,
          answers: replaceAnswer(answers, {
            questionId: target.questionId,
            dontKnow: true,
            evidence: target.evidence,
          }),
          inventory,
        });
        expect(after.confidence).toBeLessThanOrEqual(before.confidence);
      }),
      { numRuns: 300 },
    );
  });

  test("a hidden, answered follow-up coming back on “don't know” does not raise confidence", () => {
    // Found by the property above: the follow-up applies again when its parent is unknown.
    const answers: AnswerInput[] = [
      { questionId: "process_manual_fixes", optionId: "sometimes_listed" },
      { questionId: "process_manual_fixes_inventory", optionId: "no", evidence: "runbook link" },
    ];
    const before = scoreAssessment({ bank, answers, inventory: [] });
    const after = scoreAssessment({
      bank,
      answers: replaceAnswer(answers, { questionId: "process_manual_fixes", dontKnow: true }),
      inventory: [],
    });
    expect(after.confidence).toBeLessThanOrEqual(before.confidence);
    expect(after.trace.join(" ")).toMatch(/asked only because an earlier answer is not known/);
  });

  test("the result does not depend on the order of the answers", () => {
    fc.assert(
      fc.property(
        answersArb.chain((answers) =>
          fc.tuple(
            fc.constant(answers),
            fc.shuffledSubarray(answers, { minLength: answers.length }),
          ),
        ),
        inventoryArb,
        ([answers, shuffled], inventory) => {
          expect(scoreAssessment({ bank, answers: shuffled, inventory })).toEqual(
            scoreAssessment({ bank, answers, inventory }),
          );
        },
      ),
      { numRuns: 200 },
    );
  });

  test("all best answers with a safe inventory reach the top band", () => {
    const safeAction = fc.record({
      id: fc.uuid(),
      name: fc.constant("Safe"),
      system: fc.constant("System"),
      access: fc.constantFrom(...ACTION_ACCESS),
      reversibility: fc.constant("reversible" as const),
      blastRadius: fc.constantFrom("one_record" as const, "one_customer" as const),
      frequency: fc.constantFrom(...FREQUENCY),
    });
    fc.assert(
      fc.property(fc.array(safeAction, { maxLength: 6 }), (inventory) => {
        expect(scoreAssessment({ bank, answers: allBest(), inventory }).band).toBe(
          "limited_production",
        );
      }),
    );
  });

  test("an irreversible money or access action without an enforced approval step never exceeds sandbox only", () => {
    fc.assert(
      fc.property(
        answersArb,
        inventoryArb,
        fc.constantFrom("money" as const, "security_access" as const),
        fc.constantFrom<AnswerInput | null>(
          null,
          { questionId: "perm_approval_step", dontKnow: true },
          { questionId: "perm_approval_step", optionId: "none" },
          { questionId: "perm_approval_step", optionId: "informal" },
        ),
        (answers, inventory, blastRadius, approval) => {
          const risky = inventoryAction({
            name: "Risky",
            access: "write",
            reversibility: "irreversible",
            blastRadius,
          });
          const rest = answers.filter((a) => a.questionId !== "perm_approval_step");
          const result = scoreAssessment({
            bank,
            answers: approval ? [...rest, approval] : rest,
            inventory: [...inventory, risky],
          });
          expect(bandIndex(result.band)).toBeLessThanOrEqual(bandIndex("sandbox_only"));
        },
      ),
      { numRuns: 300 },
    );
  });

  test("scores stay within 0–100 and confidence within 0–1", () => {
    fc.assert(
      fc.property(answersArb, inventoryArb, (answers, inventory) => {
        const r = scoreAssessment({ bank, answers, inventory });
        expect(r.overall).toBeGreaterThanOrEqual(0);
        expect(r.overall).toBeLessThanOrEqual(100);
        for (const d of r.dimensions) expect(d.score >= 0 && d.score <= 100).toBe(true);
        expect(r.confidence >= 0 && r.confidence <= 1).toBe(true);
      }),
    );
  });
});

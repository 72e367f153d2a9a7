import fc from "fast-check";
import { describe, expect, test, vi } from "vitest";
import type { InventoryAction } from "@/lib/domain/actions";
import { type AnswerInput, QUESTION_BANKS, type QuestionBank } from "@/lib/domain/question-bank";
import { inventoryFacts } from "@/lib/domain/question-bank/conditions";
import {
  bandIndex,
  classifyEvidence,
  normaliseResult,
  scoreAssessment,
} from "@/lib/domain/scoring";
import { stageIndex } from "@/lib/domain/stages";
import {
  actionArb,
  answerAllBest,
  bestOptionId,
  inventoryAction,
  replaceAnswer,
} from "./scoring-fixtures";

/** A small bank with one of each construct the model handles, so each rule is seen alone. */
const MINI: QuestionBank = {
  version: "mini",
  title: "Mini",
  scoringModel: 2,
  dimensions: [
    { id: "a", title: "Alpha things", description: "A", weight: 1 },
    { id: "b", title: "Beta things", description: "B", weight: 1 },
  ],
  questions: [
    q("a1", "a", [0, 2, 4]),
    {
      ...q("a2", "a", [0, 4]),
      showIf: { question: "a1", anyOf: ["s0", "s2"], orDontKnow: true },
    },
    { ...q("a3", "a", [0, 4]), showIf: { inventory: "writes_anywhere" } },
    { ...q("b1", "b", [0, 3, 4]), showIf: { inventory: "writes_anywhere" } },
    {
      ...q("b2", "b", [0, 4]),
      showIf: { all: [{ inventory: "writes_anywhere" }, { question: "b1", anyOf: ["s3", "s4"] }] },
    },
    q("b3", "b", [0, 1, 3, 4]),
  ],
  blockers: [
    {
      id: "x",
      when: {
        all: [
          { inventory: "has_hard_to_undo_money_or_access_write" },
          { question: "b1", anyOf: ["s0", "s3"], orDontKnow: true },
        ],
      },
      capBand: "sandbox_only",
      reason: "Money moves with no enforced approval.",
    },
    {
      id: "y",
      when: { question: "b3", anyOf: ["s0"], orDontKnow: true },
      capBand: "supervised",
      reason: "Beta is missing.",
    },
  ],
};

function q(id: string, dimensionId: string, scores: (0 | 1 | 2 | 3 | 4)[]) {
  return {
    id,
    dimensionId,
    prompt: `Question ${id}?`,
    help: `Help for ${id}.`,
    good: `Good ${id}.`,
    findOut: `${id} is in place`,
    options: scores.map((s) => ({ id: `s${s}`, label: `Score ${s}`, score: s })),
    weight: 1,
    recommendation: `Improve ${id}.`,
    assumption: `${id} holds.`,
  };
}

const READ = [inventoryAction({ name: "Read ticket" })];
const TAG = [...READ, inventoryAction({ name: "Tag ticket", access: "write" })];
const REFUND = [
  inventoryAction({
    name: "Issue refund",
    access: "write",
    reversibility: "hard_to_reverse",
    blastRadius: "money",
  }),
];
const LINK = "https://wiki.example.org/runbook";

const allBest = (bank: QuestionBank, evidence = LINK): AnswerInput[] =>
  answerAllBest(bank, evidence);
const mini = (answers: AnswerInput[], inventory: InventoryAction[] = TAG) =>
  scoreAssessment({ bank: MINI, answers, inventory });

describe("model 2 on a small bank", () => {
  test("all best answers with links: top band, full confidence, nothing provisional", () => {
    const r = mini(allBest(MINI));
    expect(r.scoringModel).toBe(2);
    expect(r.overall).toBe(100);
    expect(r.band).toBe("limited_production");
    expect(r.confidence).toBe(1);
    expect(r.provisional).toBe(false);
    expect(r.maxStage).toBe("production");
  });

  test("a blocker triggered only by “don't know” is unverified, says what to find out, and still caps", () => {
    const r = mini(replaceAnswer(allBest(MINI), { questionId: "b1", dontKnow: true }), REFUND);
    const hit = r.blockers.find((b) => b.id === "x")!;
    expect(hit.status).toBe("unverified");
    expect(hit.findOut.map((f) => f.text)).toEqual(["Find out whether b1 is in place."]);
    expect(r.band).toBe("sandbox_only");
    expect(r.provisional).toBe(true);
    expect(r.bestCaseBand).toBe("limited_production");
    const confirmed = mini(
      replaceAnswer(allBest(MINI), { questionId: "b1", optionId: "s0" }),
      REFUND,
    );
    expect(confirmed.blockers.find((b) => b.id === "x")?.status).toBe("confirmed");
    expect(confirmed.provisional).toBe(false);
  });

  test("“don't know” counts as a gap in the band's score but is left out of the known score", () => {
    const r = mini(replaceAnswer(allBest(MINI), { questionId: "b3", dontKnow: true }));
    expect(r.knownScore).toBe(100);
    expect(r.overall).toBeLessThan(100);
    expect(r.findOut.map((f) => f.questionId)).toEqual(["b3"]);
  });

  test("questions the inventory rules out are left out of the average, not scored full", () => {
    const weak: AnswerInput[] = [
      { questionId: "a1", optionId: "s4", evidence: LINK },
      { questionId: "b3", optionId: "s1", evidence: LINK },
    ];
    const r = mini(weak, READ);
    expect(
      r.questions.filter((x) => x.state === "not_applicable").map((x) => x.questionId),
    ).toEqual(["a3", "b1", "b2"]);
    // Beta is b3 alone: 1 of 4 → 25, not lifted by three questions scored 4.
    expect(r.dimensions.find((d) => d.id === "b")?.score).toBe(25);
  });

  test("a hidden weak-parent follow-up counts as settled; a strong-parent one carries a weak parent over", () => {
    const r = mini(replaceAnswer(allBest(MINI), { questionId: "b1", optionId: "s0" }));
    expect(r.questions.find((x) => x.questionId === "a2")).toMatchObject({
      state: "settled",
      score: 4,
    });
    expect(r.questions.find((x) => x.questionId === "b2")).toMatchObject({
      state: "settled",
      score: 0,
    });
  });

  test("a workflow that only reads is never below shadow, and says why", () => {
    const r = mini([{ questionId: "b3", optionId: "s0" }], READ);
    expect(r.band).toBe("shadow");
    expect(r.caps.find((c) => c.source === "read_only")?.binding).toBe(true);
  });

  test("a weak dimension holds the band down even when the average is high", () => {
    const answers = replaceAnswer(
      replaceAnswer(allBest(MINI), { questionId: "b3", optionId: "s1", evidence: LINK }),
      {
        questionId: "b1",
        optionId: "s0",
        evidence: LINK,
      },
    );
    const r = mini(answers);
    const floor = r.caps.find((c) => c.source === "dimension_floor")!;
    expect(bandIndex(floor.band)).toBeLessThan(bandIndex("limited_production"));
    expect(bandIndex(r.band)).toBeLessThanOrEqual(bandIndex(floor.band));
  });

  test("confidence decides the band: answers without evidence stop at supervised; a note counts less than a link", () => {
    expect(mini(allBest(MINI, "")).band).toBe("supervised");
    expect(mini(allBest(MINI, "Checked with Dana")).confidence).toBe(0.75);
    expect(mini(allBest(MINI, "see OPS-142")).confidence).toBe(1);
  });

  test("evidence: links, ticket keys and file names count as references; other text is a note", () => {
    expect(classifyEvidence("https://example.org/x")).toBe("link");
    expect(classifyEvidence("Runbook in OPS-142")).toBe("link");
    expect(classifyEvidence("eval-results.xlsx")).toBe("link");
    expect(classifyEvidence("asked Sam, he says yes")).toBe("note");
    expect(classifyEvidence("  ")).toBe("none");
  });

  test("recommendations: find-outs first when provisional, then what unlocks a stage, ties in question order", () => {
    const answers = replaceAnswer(
      replaceAnswer(replaceAnswer(allBest(MINI), { questionId: "b3", optionId: "s0" }), {
        questionId: "a1",
        optionId: "s2",
      }),
      { questionId: "a3", dontKnow: true },
    );
    const r = mini(answers);
    expect(r.provisional).toBe(true);
    expect(r.recommendations[0]).toMatchObject({ questionId: "a3", kind: "find_out" });
    const improve = r.recommendations.filter((x) => x.kind === "improve");
    expect(improve[0]).toMatchObject({ questionId: "b3" });
    expect(improve[0]?.unlocks).not.toBeNull();
  });

  test("stored results from before model 2 read as confirmed, not provisional", () => {
    const old = {
      bankVersion: "v1",
      overall: 70,
      band: "supervised",
      blockers: [{ id: "no_owner", capBand: "sandbox_only", reason: "r", causes: [] }],
      recommendations: [],
      weakestDimensions: [],
      dimensions: [],
      questions: [],
      counts: { applicable: 1, answered: 1, dontKnow: 0, unanswered: 0, evidenced: 0 },
    };
    const r = normaliseResult(old)!;
    expect(r.scoringModel).toBe(1);
    expect(r.provisional).toBe(false);
    expect(r.blockers[0]?.status).toBe("confirmed");
    expect(r.maxStage).toBe("supervised");
  });
});

// ── Properties, on the small bank and every shipped model-2 bank ─────────────
const banks = [MINI, ...Object.values(QUESTION_BANKS).filter((b) => b.scoringModel === 2)];

const inventoryArb = fc.array(actionArb, { minLength: 1, maxLength: 6 });

function answersArb(bank: QuestionBank) {
  return fc
    .tuple(
      ...bank.questions.map((x) =>
        fc.oneof(
          fc.constant(null),
          fc.constant<AnswerInput>({ questionId: x.id, dontKnow: true }),
          fc
            .constantFrom(...x.options)
            .chain((o) =>
              fc
                .option(fc.constantFrom(LINK, "measured in March"), { nil: undefined })
                .map((evidence): AnswerInput => ({ questionId: x.id, optionId: o.id, evidence })),
            ),
        ),
      ),
    )
    .map((list) => list.filter((a): a is AnswerInput => a !== null));
}

describe.each(banks.map((b) => [b.version, b] as const))("model 2 properties (%s)", (_, bank) => {
  // Each run scores a whole assessment with its what-ifs; a minute is ample on two cores.
  vi.setConfig({ testTimeout: 120_000 });
  const score = (answers: readonly AnswerInput[], inventory: readonly InventoryAction[]) =>
    scoreAssessment({ bank, answers, inventory });
  type Result = ReturnType<typeof score>;
  /** On random answers and inventories: the result before and after one known answer is changed. */
  const forAnyKnownAnswerChanged = (
    change: (known: AnswerInput) => AnswerInput,
    check: (before: Result, after: Result) => void,
  ) =>
    fc.assert(
      fc.property(answersArb(bank), inventoryArb, fc.nat(), (answers, inventory, i) => {
        const known = answers.filter((a) => !a.dontKnow);
        if (known.length === 0) return;
        const target = known[i % known.length]!;
        check(score(answers, inventory), score(replaceAnswer(answers, change(target)), inventory));
      }),
      { numRuns: 200 },
    );

  test("replacing any answer by “don't know” never raises the band, the recommended stage or the furthest stage", () => {
    forAnyKnownAnswerChanged(
      (target) => ({ questionId: target.questionId, dontKnow: true, evidence: target.evidence }),
      (before, after) => {
        expect(bandIndex(after.band)).toBeLessThanOrEqual(bandIndex(before.band));
        expect(stageIndex(after.recommendedStage)).toBeLessThanOrEqual(
          stageIndex(before.recommendedStage),
        );
        expect(stageIndex(after.maxStage)).toBeLessThanOrEqual(stageIndex(before.maxStage));
        expect(after.confidence).toBeLessThanOrEqual(before.confidence);
      },
    );
  });

  test("a workflow that only reads is never below shadow when everything known about it is good", () => {
    const readAction = actionArb.map((a) => ({ ...a, access: "read" as const }));
    fc.assert(
      fc.property(
        answersArb(bank),
        fc.array(readAction, { minLength: 1, maxLength: 4 }),
        (answers, inventory) => {
          const good = answers.map((a) => {
            if (a.dontKnow) return a;
            return { ...a, optionId: bestOptionId(bank, a.questionId) };
          });
          expect(bandIndex(score(good, inventory).band)).toBeGreaterThanOrEqual(
            bandIndex("shadow"),
          );
        },
      ),
      { numRuns: 200 },
    );
  });

  test("declaring fewer actions with the same risks never changes the result", () => {
    fc.assert(
      fc.property(answersArb(bank), inventoryArb, actionArb, (answers, inventory, extra) => {
        // An extra action whose risks another action already declares adds nothing.
        const twin = { ...inventory[0]!, id: `${extra.id}-twin`, name: "Twin" };
        const facts = [...inventoryFacts(inventory)].sort();
        expect([...inventoryFacts([...inventory, twin])].sort()).toEqual(facts);
        const a = score(answers, inventory);
        const b = score(answers, [...inventory, twin]);
        expect(b.overall).toBe(a.overall);
        expect(b.band).toBe(a.band);
      }),
      { numRuns: 150 },
    );
  });

  test("calling a hard-to-undo action on money or access irreversible, or the reverse, never changes the band", () => {
    fc.assert(
      fc.property(
        answersArb(bank),
        fc.constantFrom("money" as const, "security_access" as const),
        (answers, blastRadius) => {
          const hard = inventoryAction({
            name: "Pay",
            access: "write",
            reversibility: "hard_to_reverse",
            blastRadius,
          });
          const irreversible = { ...hard, reversibility: "irreversible" as const };
          const a = score(answers, [hard]);
          const b = score(answers, [irreversible]);
          // Saying "hard to reverse" instead of "irreversible" must not lift a workflow out of
          // a blocker: only blockers that name irreversibility itself may differ.
          const irreversibleOnly = (x: { facts: string[] }) =>
            x.facts.some(
              (f) =>
                f === "has_irreversible_write" || f === "has_irreversible_money_or_security_write",
            );
          const expected = b.blockers.filter((x) => !irreversibleOnly(x)).map((x) => x.id);
          expect(a.blockers.map((x) => x.id)).toEqual(expect.arrayContaining(expected));
        },
      ),
      { numRuns: 150 },
    );
  });

  test("improving any single known answer never lowers the overall score", () => {
    forAnyKnownAnswerChanged(
      (target) => ({
        questionId: target.questionId,
        optionId: bestOptionId(bank, target.questionId),
      }),
      (before, after) => expect(after.overall).toBeGreaterThanOrEqual(before.overall),
    );
  });

  test("the result does not depend on the order of the answers, and stays within range", () => {
    fc.assert(
      fc.property(
        answersArb(bank).chain((answers) =>
          fc.tuple(
            fc.constant(answers),
            fc.shuffledSubarray(answers, { minLength: answers.length }),
          ),
        ),
        inventoryArb,
        ([answers, shuffled], inventory) => {
          const r = score(answers, inventory);
          expect(score(shuffled, inventory)).toEqual(r);
          expect(r.overall >= 0 && r.overall <= 100).toBe(true);
          expect(r.confidence >= 0 && r.confidence <= 1).toBe(true);
          if (r.knownScore !== null) expect(r.knownScore).toBeGreaterThanOrEqual(r.overall);
        },
      ),
      { numRuns: 100 },
    );
  });
});

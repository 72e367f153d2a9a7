import fc from "fast-check";
import { describe, expect, test } from "vitest";
import { getQuestionBank } from "@/lib/domain/question-bank";
import type { Question } from "@/lib/domain/question-bank/types";
import {
  type AnswerCount,
  aggregateAnswers,
  canTransitionWorkshop,
  consensusDimensionScores,
  consensusPrefill,
  DEFAULT_ROLE_TAGS,
  dimensionProgress,
  disagreement,
  distribution,
  divergenceHeatMap,
  JOIN_CODE_ALPHABET,
  JOIN_CODE_LENGTH,
  joinCodeFromBytes,
  mostChosen,
  nextWorkshopStates,
  normaliseJoinCode,
  normaliseRoleTags,
  participationByRole,
  roleSplit,
  roomSplitAssumptions,
  roomWasSplit,
  SPLIT_DISAGREEMENT,
  sortByDisagreement,
  WORKSHOP_STATES,
  type WorkshopState,
  workshopQuestions,
} from "@/lib/domain/workshops";
import { workshopAnswersToCsv } from "@/lib/domain/workshops/csv";
import { packWorkshopLive, unpackWorkshopLive } from "@/lib/domain/workshops/packed";

const question: Question = {
  id: "q",
  dimensionId: "process",
  prompt: "Is the process documented?",
  help: "",
  weight: 1,
  recommendation: "",
  assumption: "",
  options: [
    { id: "none", label: "No", score: 0 },
    { id: "partly", label: "Partly", score: 2 },
    { id: "yes_a", label: "Yes", score: 4 },
    { id: "yes_b", label: "Yes, reviewed", score: 4 },
  ],
};
const range = { min: 0, max: 4 };

describe("workshop states", () => {
  const allowed: [WorkshopState, WorkshopState][] = [
    ["draft", "open"],
    ["draft", "closed"],
    ["open", "paused"],
    ["open", "closed"],
    ["paused", "open"],
    ["paused", "closed"],
  ];
  test("only the listed transitions are allowed; closed is final", () => {
    for (const from of WORKSHOP_STATES) {
      for (const to of WORKSHOP_STATES) {
        const expected = allowed.some(([f, t]) => f === from && t === to);
        expect(canTransitionWorkshop(from, to), `${from} → ${to}`).toBe(expected);
      }
    }
    expect(nextWorkshopStates("closed")).toEqual([]);
  });
});

describe("join codes", () => {
  test("the alphabet has no look-alikes", () => {
    for (const c of "0O1IL") expect(JOIN_CODE_ALPHABET).not.toContain(c);
    expect(new Set(JOIN_CODE_ALPHABET).size).toBe(JOIN_CODE_ALPHABET.length);
  });
  test("any bytes make a code of the alphabet that normalises to itself", () => {
    fc.assert(
      fc.property(fc.uint8Array({ minLength: JOIN_CODE_LENGTH, maxLength: 12 }), (bytes) => {
        const code = joinCodeFromBytes(bytes);
        expect(code).toHaveLength(JOIN_CODE_LENGTH);
        expect(normaliseJoinCode(code)).toBe(code);
        expect(normaliseJoinCode(` ${code.slice(0, 3).toLowerCase()}-${code.slice(3)} `)).toBe(
          code,
        );
      }),
    );
  });
  test("too few bytes are refused", () => {
    expect(() => joinCodeFromBytes(new Uint8Array(3))).toThrow();
  });
  test.each(["", "ABC", "ABCDEFG", "ABCDE0", "ABCDEO", "ABCDE1", "ABCDEI", "ABCDEL", "ABC DE!"])(
    "%j is not a code",
    (input) => expect(normaliseJoinCode(input)).toBeNull(),
  );
});

describe("disagreement", () => {
  test.each([
    ["everyone the same", [{ score: 2, count: 5 }], 0],
    [
      "an even split between the extremes",
      [
        { score: 0, count: 3 },
        { score: 4, count: 3 },
      ],
      1,
    ],
    [
      "a split between neighbours",
      [
        { score: 2, count: 1 },
        { score: 4, count: 1 },
      ],
      0.5,
    ],
    ["one answer", [{ score: 4, count: 1 }], null],
    ["no answers", [], null],
  ])("%s", (_name, scores, expected) => {
    const value = disagreement(scores, range);
    if (expected === null) expect(value).toBeNull();
    else expect(value).toBeCloseTo(expected, 10);
  });
  test("is null when every option scores the same", () => {
    expect(disagreement([{ score: 2, count: 3 }], { min: 2, max: 2 })).toBeNull();
  });
  test("stays in [0, 1] whatever the answers", () => {
    fc.assert(
      fc.property(
        fc.array(fc.record({ score: fc.integer({ min: 0, max: 4 }), count: fc.nat(20) })),
        (scores) => {
          const value = disagreement(scores, range);
          if (value !== null) {
            expect(value).toBeGreaterThanOrEqual(0);
            expect(value).toBeLessThanOrEqual(1);
          }
        },
      ),
    );
  });
  test("two options of the same score do not disagree", () => {
    const d = distribution(
      question,
      new Map([
        ["yes_a", 2],
        ["yes_b", 2],
      ]),
    );
    expect(d.disagreement).toBe(0);
  });
  test("don't know is counted apart and does not change the measure", () => {
    const without = distribution(
      question,
      new Map([
        ["none", 1],
        ["yes_a", 1],
      ]),
    );
    const withDk = distribution(
      question,
      new Map<string | null, number>([
        ["none", 1],
        ["yes_a", 1],
        [null, 5],
      ]),
    );
    expect(withDk.dontKnow).toBe(5);
    expect(withDk.scored).toBe(2);
    expect(withDk.disagreement).toBe(without.disagreement);
    expect(withDk.mean).toBe(2);
  });
});

describe("aggregateAnswers", () => {
  const counts: AnswerCount[] = [
    { questionId: "q", roleTag: "Executive", optionId: "yes_a", count: 3 },
    { questionId: "q", roleTag: "Operator", optionId: "none", count: 2 },
    { questionId: "q", roleTag: "Operator", optionId: null, count: 1 },
    { questionId: "q", roleTag: null, optionId: "partly", count: 1 },
    { questionId: "gone", roleTag: "Operator", optionId: "none", count: 9 },
    { questionId: "q", roleTag: "Operator", optionId: "removed_option", count: 4 },
  ];
  const [agg] = aggregateAnswers([question], ["Executive", "Operator", "Risk"], counts);
  test("counts the room per option, don't know apart", () => {
    expect(agg?.options.map((o) => o.count)).toEqual([2, 1, 3, 0]);
    expect(agg?.dontKnow).toBe(1);
    expect(agg?.scored).toBe(6);
  });
  test("splits by role tag, in the workshop's order, roles without answers included", () => {
    expect(agg?.byRole.map((r) => [r.roleTag, r.scored, r.dontKnow])).toEqual([
      ["Executive", 3, 0],
      ["Operator", 2, 1],
      ["Risk", 0, 0],
    ]);
    expect(agg?.byRole[0]?.disagreement).toBe(0);
    expect(agg?.byRole[2]?.mean).toBeNull();
  });
  test("the room's counts are the sum of the roles' counts plus untagged answers", () => {
    const sum = agg?.byRole.reduce((s, r) => s + r.scored + r.dontKnow, 0);
    expect(sum).toBe(6);
    expect((agg?.scored ?? 0) + (agg?.dontKnow ?? 0)).toBe(7);
  });
  test("the most chosen option: the first listed on a tie, none without answers", () => {
    expect(
      mostChosen(
        distribution(
          question,
          new Map([
            ["partly", 2],
            ["yes_a", 2],
          ]),
        ),
      )?.optionId,
    ).toBe("partly");
    expect(
      mostChosen(
        distribution(
          question,
          new Map([
            ["yes_b", 3],
            ["none", 1],
          ]),
        ),
      )?.optionId,
    ).toBe("yes_b");
    expect(
      mostChosen(distribution(question, new Map<string | null, number>([[null, 4]]))),
    ).toBeNull();
  });
  test("sorting puts the most disagreed first and unmeasured last, ties in order", () => {
    const items = [
      { id: "a", disagreement: 0.2 },
      { id: "b", disagreement: null },
      { id: "c", disagreement: 0.9 },
      { id: "d", disagreement: 0.2 },
    ];
    expect(sortByDisagreement(items).map((i) => i.id)).toEqual(["c", "a", "d", "b"]);
  });
});

describe("consensusPrefill", () => {
  const d = (counts: Record<string, number>, dontKnow = 0) =>
    distribution(
      question,
      new Map<string | null, number>([...Object.entries(counts), [null, dontKnow]]),
    );
  test.each([
    ["the most common answer", d({ none: 1, partly: 3, yes_a: 2 }), { optionId: "partly" }],
    ["a tie goes to the lower score", d({ none: 2, yes_a: 2 }), { optionId: "none" }],
    [
      "a tie of equal scores goes to the option listed first",
      d({ yes_b: 2, yes_a: 2 }),
      { optionId: "yes_a" },
    ],
    ["a tie with don't know goes to the option", d({ partly: 2 }, 2), { optionId: "partly" }],
    ["don't know when most did not know", d({ partly: 1 }, 3), { dontKnow: true }],
    ["don't know when nobody chose an option", d({}, 1), { dontKnow: true }],
    ["nothing without answers", d({}), null],
  ])("%s", (_name, dist, expected) => {
    expect(consensusPrefill(dist)).toEqual(expected);
  });
  test("does not depend on the order counts arrive in", () => {
    fc.assert(
      fc.property(fc.array(fc.nat(5), { minLength: 4, maxLength: 4 }), fc.nat(5), (ns, dk) => {
        const ids = question.options.map((o) => o.id);
        const forward = new Map<string | null, number>(ids.map((id, i) => [id, ns[i] ?? 0]));
        const backward = new Map<string | null, number>([...forward].reverse());
        forward.set(null, dk);
        backward.set(null, dk);
        expect(consensusPrefill(distribution(question, forward))).toEqual(
          consensusPrefill(distribution(question, backward)),
        );
      }),
    );
  });
});

describe("the live view as a page sends it", () => {
  const counts: AnswerCount[] = [
    { questionId: "q", roleTag: "Executive", optionId: "yes_a", count: 3 },
    { questionId: "q", roleTag: "Operator", optionId: "none", count: 2 },
    { questionId: "q", roleTag: "Operator", optionId: null, count: 1 },
  ];
  const live = {
    state: "open" as const,
    participants: 6,
    questions: aggregateAnswers([question], ["Executive", "Operator", "Risk"], counts),
    heatMap: [],
    progress: [],
    comments: [],
    lastAnswerAt: null,
  };
  test("carries each role's counts without the option labels, and unpacks to the same view", () => {
    const packed = packWorkshopLive(live);
    expect(packed.questions[0]?.byRole.map((r) => r.counts)).toEqual([
      [0, 0, 3, 0],
      [2, 0, 0, 0],
      [0, 0, 0, 0],
    ]);
    expect(JSON.stringify(packed.questions[0]?.byRole)).not.toContain("label");
    expect(unpackWorkshopLive(packed)).toEqual(live);
  });
});

describe("heat map and progress", () => {
  const other: Question = { ...question, id: "q2" };
  const dims = [
    { id: "process", title: "Process", description: "", weight: 1 },
    { id: "data", title: "Data", description: "", weight: 1 },
  ];
  const counts: AnswerCount[] = [
    { questionId: "q", roleTag: "Executive", optionId: "yes_a", count: 2 },
    { questionId: "q", roleTag: "Operator", optionId: "none", count: 2 },
    { questionId: "q2", roleTag: "Executive", optionId: "partly", count: 1 },
    { questionId: "q2", roleTag: "Operator", optionId: "partly", count: 1 },
    { questionId: "q2", roleTag: "Operator", optionId: null, count: 1 },
  ];
  const aggs = aggregateAnswers([question, other], ["Executive", "Operator", "Risk"], counts);
  const map = divergenceHeatMap(aggs, [question, other], dims, ["Executive", "Operator", "Risk"]);
  test("a role's divergence is its distance from the rest of the room, averaged over questions", () => {
    // q: executives 4 vs operators 0 → 1; q2: both 2 → 0; mean 0.5.
    expect(map[0]?.cells.map((c) => [c.roleTag, c.divergence, c.questions])).toEqual([
      ["Executive", 0.5, 2],
      ["Operator", 0.5, 2],
      ["Risk", null, 0],
    ]);
    expect(map[1]?.cells.every((c) => c.divergence === null)).toBe(true);
  });
  test("progress counts every answer, don't know included, against participants × questions", () => {
    expect(dimensionProgress(aggs, dims, 4)).toEqual([
      { dimensionId: "process", title: "Process", answered: 7, expected: 8 },
      { dimensionId: "data", title: "Data", answered: 0, expected: 0 },
    ]);
  });
});

describe("set-up helpers", () => {
  test("a workshop asks its dimensions' questions without follow-ups, in bank order", () => {
    const bank = getQuestionBank("v2");
    if (!bank) throw new Error("no v2");
    const qs = workshopQuestions(bank, ["process", "data"]);
    expect(qs.length).toBeGreaterThan(2);
    expect(qs.every((q) => ["process", "data"].includes(q.dimensionId) && !q.showIf)).toBe(true);
    const order = bank.questions.map((q) => q.id);
    expect(qs.map((q) => order.indexOf(q.id))).toEqual(
      [...qs.map((q) => order.indexOf(q.id))].sort((a, b) => a - b),
    );
  });
  test("role tags are trimmed and deduplicated, case-blind", () => {
    expect(
      normaliseRoleTags([" Executive ", "executive", "", "Risk  team", ...DEFAULT_ROLE_TAGS]),
    ).toEqual(["Executive", "Risk team", "Operator", "Engineer", "Risk"]);
  });
});

describe("the CSV of individual answers", () => {
  const row = {
    participant: 2,
    displayName: "Olu",
    roleTag: "Operator",
    member: false,
    dimension: "Process",
    questionId: "q",
    prompt: "Is it written down?",
    answer: null,
    score: null,
    dontKnow: true,
    comment: "=HYPERLINK(1)",
    updatedAt: new Date("2026-12-07T10:00:00Z"),
  };
  test("named: one row per answer, don't know spelt out, formulas neutralised", () => {
    const [header, line] = workshopAnswersToCsv([row], false).split("\r\n");
    expect(header).toBe(
      "participant,name,role_tag,account,dimension,question_id,question,answer,score,comment,updated_at",
    );
    expect(line).toBe(
      "2,Olu,Operator,guest,Process,q,Is it written down?,Don't know,,'=HYPERLINK(1),2026-12-07T10:00:00.000Z",
    );
  });
  test("anonymous: no name column at all", () => {
    const csv = workshopAnswersToCsv([{ ...row, displayName: null }], true);
    expect(csv.split("\r\n")[0]).not.toContain("name");
    expect(csv).not.toContain("Olu");
  });
});

describe("the room's disagreements in the assumptions register", () => {
  const documented: Question = {
    ...question,
    id: "documented",
    assumption: "Every step of the process is documented.",
  };
  const ai: Question = { ...question, id: "ai", assumption: "AI output is checked before use." };
  const agreed: Question = { ...question, id: "agreed", assumption: "Everyone agrees." };
  const counts: AnswerCount[] = [
    // Executives say documented; operators know about the manual fixes.
    { questionId: "documented", roleTag: "Executive", optionId: "yes_a", count: 3 },
    { questionId: "documented", roleTag: "Operator", optionId: "none", count: 2 },
    { questionId: "documented", roleTag: "Operator", optionId: null, count: 1 },
    // A smaller split: one "partly" against three "yes".
    { questionId: "ai", roleTag: "Executive", optionId: "yes_a", count: 3 },
    { questionId: "ai", roleTag: "Operator", optionId: "partly", count: 1 },
    // Nobody disagrees.
    { questionId: "agreed", roleTag: "Executive", optionId: "yes_a", count: 2 },
    { questionId: "agreed", roleTag: "Operator", optionId: "yes_b", count: 2 },
  ];
  const aggregates = aggregateAnswers(
    [agreed, ai, documented],
    ["Executive", "Operator", "Risk"],
    counts,
  );
  const entries = roomSplitAssumptions(
    aggregates,
    [agreed, ai, documented],
    new Map([["documented", " Manual fixes every Friday. "]]),
  );

  test("the threshold is named and inclusive", () => {
    expect(SPLIT_DISAGREEMENT).toBe(0.3);
    expect(roomWasSplit({ disagreement: SPLIT_DISAGREEMENT })).toBe(true);
    expect(roomWasSplit({ disagreement: 0.29 })).toBe(false);
    expect(roomWasSplit({ disagreement: null })).toBe(false);
  });
  test("only the questions the room was split on, the most disagreed first", () => {
    expect(aggregates.find((a) => a.questionId === "ai")?.disagreement).toBeCloseTo(0.433, 3);
    expect(entries.map((e) => e.questionId)).toEqual(["documented", "ai"]);
    expect(entries.every((e) => e.dimensionId === "process")).toBe(true);
  });
  test("says the room was split on the question's assumption, with the split by role", () => {
    expect(entries[0]?.assumption).toBe(
      "The room was split on whether every step of the process is documented (Executive mostly \u201cYes\u201d (3 of 3); Operator mostly \u201cNo\u201d (2 of 3)).",
    );
    expect(entries[1]?.assumption).toMatch(/^The room was split on whether AI output is checked/);
  });
  test("the facilitator's note is the evidence", () => {
    expect(entries[0]?.evidence).toBe("Manual fixes every Friday.");
    expect(entries[1]?.evidence).toBeNull();
  });
  test("a role that mostly did not know says so; roles without answers are left out", () => {
    const [agg] = aggregateAnswers(
      [question],
      ["Risk", "Engineer"],
      [
        { questionId: "q", roleTag: "Risk", optionId: null, count: 2 },
        { questionId: "q", roleTag: "Risk", optionId: "none", count: 1 },
      ],
    );
    expect(roleSplit(agg?.byRole ?? [])).toBe("Risk mostly \u201cDon't know\u201d (2 of 3)");
  });
});

describe("the workshop report", () => {
  test("participation by role tag, in the workshop's order, untagged people last", () => {
    const people = [
      { roleTag: "Operator", answered: 5 },
      { roleTag: "Executive", answered: 3 },
      { roleTag: "Operator", answered: 4 },
      { roleTag: null, answered: 1 },
    ];
    expect(participationByRole(people, ["Executive", "Operator", "Risk"])).toEqual([
      { roleTag: "Executive", participants: 1, answers: 3 },
      { roleTag: "Operator", participants: 2, answers: 9 },
      { roleTag: "Risk", participants: 0, answers: 0 },
      { roleTag: null, participants: 1, answers: 1 },
    ]);
    expect(participationByRole(people.slice(0, 2), ["Executive"])).toHaveLength(1);
  });
  test("the consensus scored per dimension: weighted share of each question's range", () => {
    const heavy: Question = { ...question, id: "heavy", weight: 3 };
    const other: Question = { ...question, id: "other", dimensionId: "data" };
    const unknown: Question = { ...question, id: "unknown" };
    const dims = [
      { id: "process", title: "Process" },
      { id: "data", title: "Data" },
    ] as unknown as Parameters<typeof consensusDimensionScores>[1];
    const scores = consensusDimensionScores([question, heavy, unknown, other], dims, [
      { questionId: "q", optionId: "none", dontKnow: false },
      { questionId: "heavy", optionId: "yes_a", dontKnow: false },
      { questionId: "unknown", optionId: null, dontKnow: true },
      { questionId: "other", optionId: "removed", dontKnow: false },
    ]);
    // (1 × 0 + 3 × 1) / 4 = 75.
    expect(scores[0]).toEqual({
      dimensionId: "process",
      title: "Process",
      score: 75,
      agreed: 2,
      dontKnow: 1,
      questions: 3,
    });
    expect(scores[1]).toMatchObject({ score: null, agreed: 0, questions: 1 });
  });
});

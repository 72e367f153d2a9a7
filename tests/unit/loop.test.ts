import { describe, expect, test } from "vitest";
import { INCIDENT_CATEGORIES } from "@/lib/domain/incidents";
import {
  answersBehindLesson,
  buildLoop,
  CATEGORY_DIMENSIONS,
  categoriesForDimension,
  type DimensionFigures,
  type FrozenQuestion,
  groupLessons,
  type LessonDto,
  type LoopPilotInput,
  readDimension,
  UNKNOWN_SHARE_FROM,
  unknownShare,
  WEAK_SCORE_BELOW,
  WELL_SCORE_FROM,
  WELL_UNKNOWN_SHARE_AT_MOST,
} from "@/lib/domain/loop";
import { QUESTION_BANKS } from "@/lib/domain/question-bank";

describe("the mapping from incident categories to dimensions", () => {
  test("lists every category, and only categories", () => {
    expect(Object.keys(CATEGORY_DIMENSIONS).sort()).toEqual([...INCIDENT_CATEGORIES].sort());
  });

  test.each(Object.values(QUESTION_BANKS))("names dimensions of question bank $version", (bank) => {
    const ids = new Set(bank.dimensions.map((d) => d.id));
    for (const [category, { dimensionId }] of Object.entries(CATEGORY_DIMENSIONS)) {
      if (dimensionId !== null) expect(ids, category).toContain(dimensionId);
    }
  });

  test("leaves only 'other' explicitly unmapped, and says why for each", () => {
    const unmapped = INCIDENT_CATEGORIES.filter((c) => CATEGORY_DIMENSIONS[c].dimensionId === null);
    expect(unmapped).toEqual(["other"]);
    for (const c of INCIDENT_CATEGORIES)
      expect(CATEGORY_DIMENSIONS[c].why.length).toBeGreaterThan(10);
  });

  test("maps the examples of the product brief", () => {
    expect(CATEGORY_DIMENSIONS.stale_data.dimensionId).toBe("data");
    expect(CATEGORY_DIMENSIONS.integration_failure.dimensionId).toBe("integration");
    expect(categoriesForDimension("permissions")).toEqual([
      "permission_overreach",
      "approval_bypass",
    ]);
    expect(categoriesForDimension("governance")).toEqual([]);
  });
});

const dim = (
  knownScore: number | null,
  applicable: number,
  answered: number,
): DimensionFigures => ({
  score: knownScore === null ? 0 : (knownScore * answered) / Math.max(1, applicable),
  knownScore,
  applicable,
  answered,
});

describe("reading a dimension's answers", () => {
  test("the thresholds leave no reading both weak and well", () => {
    expect(WELL_SCORE_FROM).toBeGreaterThan(WEAK_SCORE_BELOW);
    expect(WELL_UNKNOWN_SHARE_AT_MOST).toBeLessThan(UNKNOWN_SHARE_FROM);
  });

  test.each([
    ["nothing asked", dim(null, 0, 0), "not_asked"],
    ["nothing known", dim(null, 5, 0), "unknown"],
    ["a third not known, even with strong known answers", dim(100, 6, 4), "unknown"],
    ["a quarter not known: below the unknown share, too much for well", dim(80, 4, 3), "mixed"],
    ["weak known answers", dim(WEAK_SCORE_BELOW - 0.1, 4, 4), "weak"],
    ["at the weak line", dim(WEAK_SCORE_BELOW, 4, 4), "mixed"],
    ["answered well", dim(WELL_SCORE_FROM, 5, 5), "well"],
    ["well with one unknown in five", dim(90, 5, 4), "well"],
    ["just under well", dim(WELL_SCORE_FROM - 0.1, 5, 5), "mixed"],
  ] as const)("%s", (_, figures, reading) => {
    expect(readDimension(figures)).toBe(reading);
  });

  test("unknown share counts questions asked but not answered with an option", () => {
    expect(unknownShare(dim(50, 4, 3))).toBe(0.25);
    expect(unknownShare(dim(null, 0, 0))).toBeNull();
  });
});

const pilot = (over: Partial<LoopPilotInput>): LoopPilotInput => ({
  pilotId: "p",
  useCaseId: "u",
  useCaseName: "Triage",
  stage: "supervised",
  status: "active",
  assessment: { id: "a", overall: 72, band: "supervised", confidence: 0.8, submittedAt: null },
  since: new Date("2026-01-01T00:00:00Z"),
  actions: 4000,
  rollbacks: 1,
  dimensions: [
    { id: "data", title: "Data", ...dim(90, 5, 5) },
    { id: "integration", title: "Integration", ...dim(20, 5, 5) },
    { id: "handoffs", title: "Hand-offs", ...dim(60, 5, 5) },
  ],
  incidents: [
    { category: "stale_data", count: 3, cost: 300, onRegister: 1, writtenAfter: 0 },
    { category: "partial_failure", count: 2, cost: 50, onRegister: 1, writtenAfter: 1 },
    { category: "escalation_mishandled", count: 1, cost: 0, onRegister: 0, writtenAfter: 0 },
    { category: "other", count: 2, cost: 10, onRegister: 0, writtenAfter: 0 },
  ],
  ...over,
});

describe("putting the loop together", () => {
  test("per pilot and in total, with incidents per 1,000 actions and the register's share", () => {
    const loop = buildLoop("portfolio", [
      pilot({}),
      pilot({ pilotId: "q", assessment: null, dimensions: [], actions: 0, rollbacks: 0 }),
    ]);
    const [p, q] = loop.pilots;
    expect(p).toMatchObject({ incidents: 8, incidentCost: 360, incidentRate: 2 });
    expect(p!.register).toEqual({
      onRegister: 2,
      writtenAfter: 1,
      notLinked: 5,
      shareOnRegister: 2 / 8,
    });
    expect(p!.dimensions.map((d) => [d.id, d.reading, d.incidents])).toEqual([
      ["data", "well", 3],
      ["integration", "weak", 2],
      ["handoffs", "mixed", 1],
    ]);
    expect(q!.incidentRate).toBeNull();
    expect(loop.totals).toEqual({
      actions: 4000,
      incidents: 16,
      incidentRate: 4,
      incidentCost: 720,
      rollbacks: 1,
      unmapped: 4,
      unassessed: 8,
    });
    expect(loop.dimensions.find((d) => d.id === "data")).toMatchObject({
      pilotsWell: 1,
      afterWell: 3,
      pilotsWeakOrUnknown: 0,
    });
    expect(loop.dimensions.find((d) => d.id === "integration")).toMatchObject({
      pilotsWeakOrUnknown: 1,
      afterWeakOrUnknown: 2,
    });
    expect(loop.dimensions.find((d) => d.id === "handoffs")).toMatchObject({ afterMixed: 1 });
    expect(loop.register.shareOnRegister).toBe(4 / 16);
  });

  test("no pilots: nothing measured, no shares", () => {
    const loop = buildLoop("portfolio", []);
    expect(loop.totals.incidentRate).toBeNull();
    expect(loop.register.shareOnRegister).toBeNull();
  });
});

const q = (
  questionId: string,
  dimensionId: string,
  score: number,
  state = "option",
): FrozenQuestion => ({
  questionId,
  dimensionId,
  prompt: `Prompt ${questionId}`,
  state,
  optionLabel: state === "option" ? `Answer ${score}` : null,
  score,
});

describe("the answers behind a lesson", () => {
  const questions = [
    q("d1", "data", 4),
    q("d2", "data", 3),
    q("d3", "data", 1),
    q("d4", "data", 0, "dont_know"),
    q("i1", "integration", 4),
  ];

  test("every well-scored answer of the dimension, when the incident broke no named assumption", () => {
    const { answers, pinned } = answersBehindLesson(questions, "data", null);
    expect(pinned).toBe(false);
    expect(answers.map((a) => a.questionId)).toEqual(["d1", "d2"]);
  });

  test("the one question whose assumption the incident broke, when it is in the dimension", () => {
    expect(answersBehindLesson(questions, "data", "d2")).toEqual({
      answers: [{ questionId: "d2", prompt: "Prompt d2", answer: "Answer 3" }],
      pinned: true,
    });
    expect(answersBehindLesson(questions, "data", "i1").pinned).toBe(false);
  });

  test("grouped by dimension, the answers most often behind a lesson first", () => {
    const lesson = (
      id: string,
      dimensionId: string,
      answers: string[],
      pinned = false,
    ): LessonDto => ({
      incidentId: id,
      title: id,
      severity: "sev2",
      category: "stale_data",
      startedAt: new Date(),
      costEstimate: null,
      pilotId: "p",
      useCaseName: "Triage",
      assessmentId: "a",
      assessmentSubmittedAt: null,
      dimensionId,
      dimensionTitle: dimensionId,
      knownScore: 90,
      answers: answers.map((x) => ({ questionId: x, prompt: x, answer: "Yes" })),
      pinned,
    });
    const groups = groupLessons([
      lesson("1", "integration", ["i1"]),
      lesson("2", "data", ["d1", "d2"]),
      lesson("3", "data", ["d2"], true),
    ]);
    expect(groups.map((g) => [g.dimensionId, g.lessons.length])).toEqual([
      ["data", 2],
      ["integration", 1],
    ]);
    expect(groups[0]!.answers.map((a) => [a.questionId, a.lessons, a.pinned])).toEqual([
      ["d2", 2, 1],
      ["d1", 1, 0],
    ]);
  });
});

import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, test } from "vitest";
import { z } from "zod";
import { ACTION_ACCESS, BLAST_RADIUS, FREQUENCY, REVERSIBILITY } from "@/lib/domain/actions";
import { applicableQuestionIds } from "@/lib/domain/question-bank";
import type { AnswerInput } from "@/lib/domain/question-bank/types";
import { QUESTION_BANK_V2 } from "@/lib/domain/question-bank/v2";
import { BANDS, bandIndex } from "@/lib/domain/scoring";

const DIR = path.resolve(import.meta.dirname, "../fixtures/reference-cases");
const DONT_KNOW = "dont_know";

const band = z.enum(BANDS);
const referenceCase = z
  .object({
    id: z.string().regex(/^[a-z0-9]+(-[a-z0-9]+)*$/, "kebab-case"),
    title: z.string().min(5).max(80),
    description: z.string().min(100),
    justification: z.string().min(100),
    order: z.number().int().min(1),
    expectedBand: z
      .object({ min: band, max: band })
      .strict()
      .refine((b) => bandIndex(b.min) <= bandIndex(b.max), "min is above max")
      .refine((b) => bandIndex(b.max) - bandIndex(b.min) <= 1, "a range of one or two bands"),
    inventory: z.array(
      z
        .object({
          name: z.string().min(3),
          system: z.string().min(2),
          access: z.enum(ACTION_ACCESS),
          reversibility: z.enum(REVERSIBILITY),
          blastRadius: z.enum(BLAST_RADIUS),
          frequency: z.enum(FREQUENCY),
        })
        .strict(),
    ),
    answers: z.record(z.string(), z.string()),
    evidence: z.record(z.string(), z.string().min(1)).optional(),
  })
  .strict();
type ReferenceCase = z.infer<typeof referenceCase>;

const files = readdirSync(DIR)
  .filter((f) => f.endsWith(".json"))
  .sort();
const cases: { file: string; data: ReferenceCase }[] = files.map((file) => {
  const parsed = referenceCase.safeParse(JSON.parse(readFileSync(path.join(DIR, file), "utf8")));
  if (!parsed.success) throw new Error(`${file}: ${z.prettifyError(parsed.error)}`);
  return { file, data: parsed.data };
});

function answerInputs(c: ReferenceCase): AnswerInput[] {
  return Object.entries(c.answers).map(([questionId, v]) =>
    v === DONT_KNOW ? { questionId, dontKnow: true } : { questionId, optionId: v },
  );
}

function applicable(c: ReferenceCase): string[] {
  const inventory = c.inventory.map((a, i) => ({ id: `a${i}`, ...a }));
  return applicableQuestionIds(QUESTION_BANK_V2, answerInputs(c), inventory);
}

/** Share of the applicable questions answered "don't know". */
function unknownShare(c: ReferenceCase): number {
  const ids = applicable(c);
  return ids.filter((id) => c.answers[id] === DONT_KNOW).length / ids.length;
}

/** About a third unknown: enough to matter, not so much that nothing is known. */
const isPartiallyKnown = (c: ReferenceCase) => unknownShare(c) >= 0.25 && unknownShare(c) <= 0.6;

const byId = (id: string) => cases.find((c) => c.data.id === id)?.data;

describe("reference cases (calibration set for question bank v2)", () => {
  test("there are at least 12, each file named after its unique id", () => {
    expect(cases.length).toBeGreaterThanOrEqual(12);
    for (const { file, data } of cases) expect(file, data.id).toBe(`${data.id}.json`);
    expect(new Set(cases.map((c) => c.data.id)).size).toBe(cases.length);
  });

  test("every answer names a v2 question and one of its options, or is dont_know", () => {
    for (const { data } of cases) {
      for (const [questionId, value] of Object.entries(data.answers)) {
        const question = QUESTION_BANK_V2.questions.find((q) => q.id === questionId);
        expect(question, `${data.id}: ${questionId}`).toBeDefined();
        if (value !== DONT_KNOW)
          expect(
            question?.options.map((o) => o.id),
            `${data.id}: ${questionId}`,
          ).toContain(value);
      }
    }
  });

  test("every question that applies is answered, and no answer is given to one that does not", () => {
    for (const { data } of cases) {
      const ids = applicable(data);
      expect(
        ids.filter((id) => !(id in data.answers)),
        `${data.id}: unanswered`,
      ).toEqual([]);
      expect(
        Object.keys(data.answers).filter((id) => !ids.includes(id)),
        `${data.id}: answered but not asked`,
      ).toEqual([]);
    }
  });

  test("at least 3 cases are partially known (about a third of their answers unknown)", () => {
    expect(cases.filter((c) => isPartiallyKnown(c.data)).length).toBeGreaterThanOrEqual(3);
  });

  test("the set runs from clearly unready to clearly ready, ranked 1 (least ready) upwards", () => {
    const orders = cases.map((c) => c.data.order);
    expect(Math.min(...orders)).toBe(1);
    expect(Math.max(...orders)).toBeLessThanOrEqual(cases.length);
    expect(cases.some((c) => bandIndex(c.data.expectedBand.max) <= bandIndex("sandbox_only"))).toBe(
      true,
    );
    expect(cases.some((c) => bandIndex(c.data.expectedBand.min) >= bandIndex("supervised"))).toBe(
      true,
    );
    // A better rank never expects a lower band.
    for (const a of cases)
      for (const b of cases)
        if (a.data.order < b.data.order) {
          expect(
            bandIndex(a.data.expectedBand.min),
            `${a.data.id} vs ${b.data.id}`,
          ).toBeLessThanOrEqual(bandIndex(b.data.expectedBand.min));
          expect(
            bandIndex(a.data.expectedBand.max),
            `${a.data.id} vs ${b.data.id}`,
          ).toBeLessThanOrEqual(bandIndex(b.data.expectedBand.max));
        }
  });

  test("includes the four described cases, partially known, with the documentation assistant above the restart agent", () => {
    const refunds = byId("refunds-agent-shared-admin");
    const docs = byId("docs-qa-assistant");
    const triage = byId("ticket-triage-labeller");
    const restart = byId("batch-restart-veto-window");
    for (const c of [refunds, docs, triage, restart]) {
      expect(c).toBeDefined();
      expect(isPartiallyKnown(c!), c!.id).toBe(true);
    }
    expect(refunds!.answers).toMatchObject({
      perm_service_account: "personal_or_admin",
      perm_approval_gate: "none",
    });
    expect(docs!.inventory.every((a) => a.access === "read")).toBe(true);
    expect(triage!.answers.perm_approval_gate).toBe("enforced_all");
    expect(restart!.answers.perm_approval_gate).toBe("veto_window");
    expect(docs!.order).toBeGreaterThan(restart!.order);
    expect(bandIndex(docs!.expectedBand.min)).toBeGreaterThanOrEqual(
      bandIndex(restart!.expectedBand.max),
    );
  });

  test("a read-only case is never expected below shadow", () => {
    for (const { data } of cases)
      if (data.inventory.every((a) => a.access === "read"))
        expect(bandIndex(data.expectedBand.min), data.id).toBeGreaterThanOrEqual(
          bandIndex("shadow"),
        );
  });
});

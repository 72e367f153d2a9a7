import { eq } from "drizzle-orm";
import { beforeAll, describe, expect, test } from "vitest";
import { db } from "@/db";
import { addInventoryAction } from "@/db/queries/inventory";
import { getPilotLoop, getPortfolioLoop, listLessons } from "@/db/queries/loop";
import { addPilotAssumption, listPilotAssumptions } from "@/db/queries/pilot-assumptions";
import { startPilot } from "@/db/queries/pilots";
import { recordRunMetrics } from "@/db/queries/run-metrics";
import { assessments, incidents, pilotAssumptions, pilotTransitions } from "@/db/schema";
import type { IncidentCategory } from "@/lib/domain/incidents";
import { CURRENT_QUESTION_BANK_VERSION, getQuestionBank } from "@/lib/domain/question-bank";
import type { Stage } from "@/lib/domain/stages";
import { READ_TICKET_ACTION } from "@/scripts/lib/sample-actions";
import { failure, makeOrg, plainUseCase, type TestOrg, uniq } from "./fixtures";

type Answering = "best" | "worst" | "dk";

/**
 * A use case assessed (submitted on `submittedAt`) with each dimension answered as asked
 * (best by default), and a pilot started from it on `startDate`.
 */
async function pilotWith(
  org: TestOrg,
  options: {
    answers: Record<string, Answering>;
    submittedAt: string;
    startDate: string;
    stage?: Stage;
    ownerId?: string | null;
  },
) {
  const { saveAnswers, startAssessment, submitAssessment } = await import(
    "@/db/queries/assessments"
  );
  const uc = await plainUseCase(org, `Loop ${uniq()}`);
  await addInventoryAction(org.ctx.owner, uc.id, READ_TICKET_ACTION);
  const { id } = await startAssessment(org.ctx.owner, uc.id);
  const bank = getQuestionBank(CURRENT_QUESTION_BANK_VERSION)!;
  await saveAnswers(
    org.ctx.owner,
    id,
    bank.questions.map((q) => {
      const how = options.answers[q.dimensionId] ?? "best";
      if (how === "dk") return { questionId: q.id, dontKnow: true as const };
      const pick = q.options.reduce((a, o) =>
        how === "best" ? (o.score > a.score ? o : a) : o.score < a.score ? o : a,
      );
      return { questionId: q.id, optionId: pick.id };
    }),
  );
  const assessment = await submitAssessment(org.ctx.owner, id);
  await db
    .update(assessments)
    .set({ submittedAt: new Date(`${options.submittedAt}T00:00:00Z`) })
    .where(eq(assessments.id, id));
  const pilot = await startPilot(org.ctx.owner, {
    useCaseId: uc.id,
    ownerId: options.ownerId ?? null,
    stage: options.stage ?? "sandbox",
    startDate: options.startDate,
    targetDate: null,
    rollbackPlan: "Flag off.",
    justification: "Started further along for the test of the loop.",
  });
  return { pilot, assessment, useCase: uc };
}

const at = (iso: string) => new Date(`${iso}T10:00:00Z`);

async function incident(
  org: TestOrg,
  pilotId: string,
  category: IncidentCategory,
  startedAt: string,
  costEstimate: number | null,
  assumptionId: string | null = null,
) {
  const [row] = await db
    .insert(incidents)
    .values({
      orgId: org.orgId,
      pilotId,
      title: `${category} on ${startedAt}`,
      severity: "sev2",
      category,
      detectionSource: "human_reviewer",
      outcome: "contained",
      stage: "sandbox",
      startedAt: at(startedAt),
      costEstimate,
      assumptionId,
    })
    .returning({ id: incidents.id });
  return row!.id;
}

describe("the loop from prediction to outcome", () => {
  let org: TestOrg;
  let other: TestOrg;
  let first: Awaited<ReturnType<typeof pilotWith>>;
  let second: Awaited<ReturnType<typeof pilotWith>>;
  const ids: Record<string, string> = {};

  beforeAll(async () => {
    org = await makeOrg();
    other = await makeOrg();
    // Data answered at its best, integration at its worst, hand-offs not known.
    first = await pilotWith(org, {
      answers: { integration: "worst", handoffs: "dk" },
      submittedAt: "2025-12-01",
      startDate: "2026-01-01",
    });
    // Everything answered at its best; a pilot of the lead in supervised.
    second = await pilotWith(org, {
      answers: {},
      submittedAt: "2025-12-01",
      startDate: "2026-01-01",
      stage: "supervised",
      ownerId: org.users.lead.id,
    });
    const p = first.pilot.id;
    const register = (await listPilotAssumptions(org.ctx.owner, p)).find(
      (a) => a.dimensionId === "data" && a.questionId !== null,
    )!;
    const early = await addPilotAssumption(org.ctx.owner, p, { text: "Retries are safe." });
    await db
      .update(pilotAssumptions)
      .set({ createdAt: at("2026-01-15") })
      .where(eq(pilotAssumptions.id, early.id));
    const late = await addPilotAssumption(org.ctx.owner, p, { text: "Batches finish." });

    ids.stale = await incident(org, p, "stale_data", "2026-02-01", 100);
    ids.mismatch = await incident(org, p, "identity_mismatch", "2026-02-02", 50, register.id);
    ids.outage = await incident(org, p, "integration_failure", "2026-02-03", 1000, early.id);
    ids.partial = await incident(org, p, "partial_failure", "2026-02-04", 200, late.id);
    ids.other = await incident(org, p, "other", "2026-02-05", null);
    ids.escalation = await incident(org, p, "escalation_mishandled", "2026-02-06", 25);
    // Before the pilot started: outside the window.
    ids.before = await incident(org, p, "stale_data", "2025-12-15", 9999);
    ids.secondStale = await incident(org, second.pilot.id, "stale_data", "2026-03-01", 10);

    await recordRunMetrics(
      org.ctx.owner,
      p,
      [
        {
          period: "day",
          periodStart: "2026-01-05",
          attempted: 2000,
          correct: 1900,
          overrides: 0,
          escalations: 0,
        },
        {
          period: "day",
          periodStart: "2026-01-06",
          attempted: 3000,
          correct: 2900,
          overrides: 0,
          escalations: 0,
        },
      ],
      "ui",
    );
    await recordRunMetrics(
      org.ctx.owner,
      second.pilot.id,
      [
        {
          period: "day",
          periodStart: "2026-03-01",
          attempted: 500,
          correct: 500,
          overrides: 0,
          escalations: 0,
        },
      ],
      "ui",
    );
    await db.insert(pilotTransitions).values(
      [at("2025-12-20"), at("2026-02-10")].map((createdAt) => ({
        orgId: org.orgId,
        pilotId: p,
        kind: "rollback" as const,
        fromStage: "shadow" as const,
        toStage: "sandbox" as const,
        actorLabel: "test",
        createdAt,
      })),
    );
  }, 120_000);

  test("one pilot: readiness at start against incidents per 1,000 actions, cost and rollbacks since", async () => {
    const loop = await getPilotLoop(org.ctx.viewer, first.pilot.id);
    expect(loop.scope).toBe("pilot");
    const [row] = loop.pilots;
    expect(row!.assessment).toMatchObject({
      id: first.assessment.id,
      overall: first.assessment.overall,
      band: first.assessment.band,
    });
    expect(row!.since.toISOString()).toBe("2026-01-01T00:00:00.000Z");
    // Six incidents in the window (the one before the start is left out), 5,000 actions.
    expect(row!.incidents).toBe(6);
    expect(row!.actions).toBe(5000);
    expect(row!.incidentRate).toBeCloseTo(1.2, 10);
    expect(row!.incidentCost).toBe(100 + 50 + 1000 + 200 + 25);
    expect(row!.rollbacks).toBe(1);
    expect(loop.totals.unmapped).toBe(1);

    const reading = Object.fromEntries(
      row!.dimensions.map((d) => [d.id, [d.reading, d.incidents]]),
    );
    expect(reading.data).toEqual(["well", 2]);
    expect(reading.integration).toEqual(["weak", 2]);
    expect(reading.handoffs).toEqual(["unknown", 1]);
    expect(reading.observability).toEqual(["well", 0]);
    const handoffs = row!.dimensions.find((d) => d.id === "handoffs")!;
    expect(handoffs.unknownShare).toBe(1);

    // The register: the mismatch broke an assessment assumption, the outage one added before
    // it; the partial failure's was written down afterwards; three name none.
    expect(loop.register).toEqual({
      onRegister: 2,
      writtenAfter: 1,
      notLinked: 3,
      shareOnRegister: 2 / 6,
    });
  });

  test("the portfolio: totals, dimensions across pilots, and the dashboard's filters", async () => {
    const loop = await getPortfolioLoop(org.ctx.viewer);
    expect(loop.pilots.map((p) => p.pilotId).sort()).toEqual(
      [first.pilot.id, second.pilot.id].sort(),
    );
    expect(loop.totals).toMatchObject({
      actions: 5500,
      incidents: 7,
      incidentCost: 1385,
      rollbacks: 1,
      unmapped: 1,
      unassessed: 0,
    });
    expect(loop.totals.incidentRate).toBeCloseTo((7 / 5500) * 1000, 10);
    const data = loop.dimensions.find((d) => d.id === "data")!;
    expect(data).toMatchObject({ pilotsWell: 2, pilotsWeakOrUnknown: 0, afterWell: 3 });
    expect(data.categories).toEqual(["stale_data", "identity_mismatch"]);
    const integration = loop.dimensions.find((d) => d.id === "integration")!;
    expect(integration).toMatchObject({
      pilotsWell: 1,
      pilotsWeakOrUnknown: 1,
      afterWeakOrUnknown: 2,
      afterWell: 0,
    });

    const byStage = await getPortfolioLoop(org.ctx.viewer, { stage: "supervised" });
    expect(byStage.pilots.map((p) => p.pilotId)).toEqual([second.pilot.id]);
    const byOwner = await getPortfolioLoop(org.ctx.viewer, { ownerId: org.users.lead.id });
    expect(byOwner.pilots.map((p) => p.pilotId)).toEqual([second.pilot.id]);
    const since = await getPortfolioLoop(org.ctx.viewer, { since: at("2026-02-03") });
    const firstSince = since.pilots.find((p) => p.pilotId === first.pilot.id)!;
    expect(firstSince.incidents).toBe(4);
    expect(firstSince.actions).toBe(0);
    expect(firstSince.incidentRate).toBeNull();
    expect(firstSince.rollbacks).toBe(1);
    expect(since.totals.incidents).toBe(5);
  });

  test("lessons: incidents in categories whose dimension was answered well", async () => {
    const { lessons, total } = await listLessons(org.ctx.viewer);
    expect(total).toBe(3);
    expect(lessons.map((l) => l.incidentId).sort()).toEqual(
      [ids.stale, ids.mismatch, ids.secondStale].sort(),
    );
    expect(new Set(lessons.map((l) => l.dimensionId))).toEqual(new Set(["data"]));
    const mismatch = lessons.find((l) => l.incidentId === ids.mismatch)!;
    expect(mismatch.pinned).toBe(true);
    expect(mismatch.answers).toHaveLength(1);
    expect(mismatch.assessmentId).toBe(first.assessment.id);
    const stale = lessons.find((l) => l.incidentId === ids.stale)!;
    expect(stale.pinned).toBe(false);
    expect(stale.answers.length).toBeGreaterThan(1);
    expect(stale.useCaseName).toBe(first.useCase.name);

    const filtered = await listLessons(org.ctx.viewer, { stage: "supervised" });
    expect(filtered.lessons.map((l) => l.incidentId)).toEqual([ids.secondStale]);
  });

  test("another organisation sees nothing of it", async () => {
    expect((await getPortfolioLoop(other.ctx.owner)).pilots).toEqual([]);
    expect((await listLessons(other.ctx.owner)).lessons).toEqual([]);
    expect((await failure(getPilotLoop(other.ctx.owner, first.pilot.id))).code).toBe("not_found");
    expect((await failure(getPilotLoop(org.ctx.viewer, "not-a-uuid"))).code).toBe("not_found");
  });
});

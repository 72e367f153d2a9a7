import { createHash } from "node:crypto";
import { and, asc, count, desc, eq, inArray } from "drizzle-orm";
import { beforeAll, describe, expect, test } from "vitest";
import { db } from "@/db";
import { getAssessment, listAssessments } from "@/db/queries/assessments";
import { getIncidentMetrics } from "@/db/queries/incident-metrics";
import { listIncidents, listPilotIncidents } from "@/db/queries/incidents";
import { getPilotLoop, getPortfolioLoop } from "@/db/queries/loop";
import { listMembers } from "@/db/queries/members";
import { memberContext } from "@/db/queries/organisations";
import { listPilotAssumptions } from "@/db/queries/pilot-assumptions";
import { getPilot, getPilotGate, listPilotCards, listPilotTimeline } from "@/db/queries/pilots";
import { getPortfolio } from "@/db/queries/portfolio";
import { listRunMetrics } from "@/db/queries/run-metrics";
import { findUserByEmail } from "@/db/queries/users";
import {
  getWorkshop,
  getWorkshopLive,
  listConsensus,
  listWorkshopParticipants,
} from "@/db/queries/workshops";
import {
  assessments,
  incidents,
  organisations,
  pilots,
  pilotTransitions,
  runMetrics,
  useCases,
  workshopAnswers,
} from "@/db/schema";
import type { InventoryAction } from "@/lib/domain/actions";
import type { MemberContext } from "@/lib/domain/permissions";
import { portfolioFilterSchema } from "@/lib/domain/portfolio";
import { getQuestionBank } from "@/lib/domain/question-bank";
import { toAnswerInput } from "@/lib/domain/question-bank/answers";
import { scoreAssessment } from "@/lib/domain/scoring";
import {
  LARGE_OWNER_EMAIL,
  type LargeOrgSummary,
  seedLargeOrganisation,
} from "@/scripts/lib/large-org";
import { outcome, uniq } from "./fixtures";

const TINY = {
  useCases: 30,
  pilots: 12,
  incidents: 400,
  assessments: 40,
  metricsPilots: 3,
  days: 30,
  workshops: 2,
  benchIncidents: 50,
  benchDays: 40,
  today: "2026-12-07",
};
const PASSWORD = "large-test-password";
const anchor = new Date("2026-12-07T00:00:00Z");

async function orgIdOf(slug: string): Promise<string> {
  const [org] = await db
    .select({ id: organisations.id })
    .from(organisations)
    .where(eq(organisations.slug, slug));
  if (!org) throw new Error(`no organisation ${slug}`);
  return org.id;
}

/** A digest of what the organisation holds, without ids: equal for equal content. */
async function contentDigest(slug: string): Promise<string> {
  const orgId = await orgIdOf(slug);
  const hash = createHash("sha256");
  const cases = await db
    .select({ name: useCases.name, status: useCases.status, value: useCases.businessValue })
    .from(useCases)
    .where(eq(useCases.orgId, orgId))
    .orderBy(asc(useCases.name));
  const stages = await db
    .select({
      stage: pilots.stage,
      status: pilots.status,
      start: pilots.startDate,
      entered: pilots.stageEnteredAt,
      useCase: useCases.name,
    })
    .from(pilots)
    .innerJoin(useCases, eq(useCases.id, pilots.useCaseId))
    .where(eq(pilots.orgId, orgId))
    .orderBy(asc(useCases.name), asc(pilots.startDate));
  const scored = await db
    .select({ overall: assessments.overall, band: assessments.band, at: assessments.submittedAt })
    .from(assessments)
    .where(eq(assessments.orgId, orgId))
    .orderBy(asc(assessments.createdAt), asc(assessments.overall));
  const logged = await db
    .select({
      title: incidents.title,
      startedAt: incidents.startedAt,
      severity: incidents.severity,
      category: incidents.category,
      stage: incidents.stage,
      resolvedAt: incidents.resolvedAt,
    })
    .from(incidents)
    .where(eq(incidents.orgId, orgId))
    .orderBy(asc(incidents.startedAt), asc(incidents.title), asc(incidents.severity));
  const metrics = await db
    .select({ day: runMetrics.periodStart, attempted: runMetrics.attempted })
    .from(runMetrics)
    .where(eq(runMetrics.orgId, orgId))
    .orderBy(asc(runMetrics.periodStart), asc(runMetrics.attempted));
  hash.update(JSON.stringify([cases, stages, scored, logged, metrics]));
  return hash.digest("hex");
}

describe("the large-organisation generator (tiny scale)", () => {
  const slugA = `large-a-${uniq()}`;
  const slugB = `large-b-${uniq()}`;
  let summary: LargeOrgSummary;
  let owner: MemberContext;

  beforeAll(async () => {
    summary = await seedLargeOrganisation({ ...TINY, slug: slugA, password: PASSWORD });
    const user = await findUserByEmail(LARGE_OWNER_EMAIL);
    if (!user) throw new Error("no owner");
    const ctx = await memberContext(user, slugA);
    if (!ctx) throw new Error("the owner is not a member");
    owner = ctx;
  }, 120_000);

  test("creates what was asked for, with a bench pilot in production", async () => {
    expect(summary).toMatchObject({ orgSlug: slugA, ownerEmail: LARGE_OWNER_EMAIL });
    expect(summary.counts).toMatchObject({
      useCases: 30,
      pilots: 12,
      incidents: 400,
      assessments: 40,
      workshops: 2,
      runMetrics: 3 * 30 + 40,
    });
    const orgId = owner.orgId;
    const counted = async (table: typeof incidents | typeof pilots | typeof useCases) =>
      (await db.select({ n: count() }).from(table).where(eq(table.orgId, orgId)))[0]!.n;
    expect(await counted(incidents)).toBe(400);
    expect(await counted(pilots)).toBe(12);
    expect(await counted(useCases)).toBe(30);

    const bench = await getPilot(owner, summary.benchPilotId);
    expect(bench).toMatchObject({ stage: "production", status: "active" });
    expect(bench.useCaseId).toBe(summary.useCaseId);
    const [{ n: benchIncidents }] = (await db
      .select({ n: count() })
      .from(incidents)
      .where(eq(incidents.pilotId, bench.id))) as [{ n: number }];
    expect(benchIncidents).toBe(50);
    expect(await listRunMetrics(owner, bench.id)).toHaveLength(40);

    // Incidents fall within the two years before --today.
    const [first] = await db
      .select({ at: incidents.startedAt })
      .from(incidents)
      .where(eq(incidents.orgId, orgId))
      .orderBy(asc(incidents.startedAt))
      .limit(1);
    const [last] = await db
      .select({ at: incidents.startedAt })
      .from(incidents)
      .where(eq(incidents.orgId, orgId))
      .orderBy(desc(incidents.startedAt))
      .limit(1);
    expect(first!.at.getTime()).toBeGreaterThan(anchor.getTime() - 800 * 86_400_000);
    expect(last!.at.getTime()).toBeLessThan(anchor.getTime());
  });

  test("gives every pilot a timeline that ends where the pilot stands", async () => {
    const cards = await listPilotCards(owner);
    const all = await db
      .select({ id: pilots.id, stage: pilots.stage, status: pilots.status })
      .from(pilots)
      .where(eq(pilots.orgId, owner.orgId));
    expect(new Set(all.map((p) => p.stage)).size).toBeGreaterThanOrEqual(3);
    expect(cards.length).toBeGreaterThan(0);
    const moves = await db
      .select({
        pilotId: pilotTransitions.pilotId,
        kind: pilotTransitions.kind,
        from: pilotTransitions.fromStage,
        to: pilotTransitions.toStage,
      })
      .from(pilotTransitions)
      .where(
        inArray(
          pilotTransitions.pilotId,
          all.map((p) => p.id),
        ),
      )
      .orderBy(asc(pilotTransitions.createdAt));
    for (const p of all) {
      const timeline = moves.filter((m) => m.pilotId === p.id);
      expect(timeline[0]?.kind).toBe("start");
      for (const [i, m] of timeline.entries()) {
        if (i > 0) expect(m.from).toBe(timeline[i - 1]!.to);
      }
      expect(timeline.at(-1)?.to).toBe(p.stage);
      if (p.status === "retired") expect(timeline.at(-1)?.kind).toBe("retire");
      if (p.status === "paused") expect(timeline.at(-1)?.kind).toBe("pause");
    }
  });

  test("stores results the real scoring model gives for the stored answers", async () => {
    const assessment = await getAssessment(owner, summary.assessmentId);
    expect(assessment.status).toBe("submitted");
    const bank = getQuestionBank(assessment.bankVersion)!;
    const [row] = await db
      .select({ snapshot: assessments.inventorySnapshot })
      .from(assessments)
      .where(eq(assessments.id, assessment.id));
    const rescored = scoreAssessment({
      bank,
      answers: assessment.answers.map(toAnswerInput),
      inventory: row!.snapshot as InventoryAction[],
    });
    expect(assessment.result?.overall).toBe(rescored.overall);
    expect(assessment.overall).toBe(rescored.overall);
    expect(assessment.band).toBe(rescored.band);
    expect(assessment.result?.recommendedStage).toBe(rescored.recommendedStage);
  });

  test("serves the dashboard, the pilot page, the results and the facilitator view to the owner", async () => {
    const now = new Date("2026-12-07T12:00:00Z");
    const portfolio = await getPortfolio(owner, portfolioFilterSchema.parse({}), now);
    expect(portfolio.totals.useCases).toBeGreaterThan(20);
    expect(portfolio.totals.livePilots).toBeGreaterThan(0);
    expect(portfolio.points.length).toBeGreaterThan(0);
    expect(await listMembers(owner)).toHaveLength(8);
    expect((await getPortfolioLoop(owner)).pilots.length).toBeGreaterThan(0);

    const id = summary.benchPilotId;
    const [gate, timeline, assumptions, listed, loop, metrics] = await Promise.all([
      getPilotGate(owner, id),
      listPilotTimeline(owner, id),
      listPilotAssumptions(owner, id),
      listPilotIncidents(owner, id),
      getPilotLoop(owner, id),
      getIncidentMetrics(owner, { pilotId: id }, "week"),
    ]);
    expect(gate.nextStage).toBeNull();
    expect(timeline.filter((t) => t.kind === "promote")).toHaveLength(4);
    expect(assumptions.length).toBeGreaterThanOrEqual(0);
    expect(listed.total).toBe(50);
    expect(loop.pilots).toHaveLength(1);
    expect(metrics.summary.count).toBe(50);

    const history = await listAssessments(owner, {
      useCaseId: summary.useCaseId,
      status: "submitted",
    });
    expect(history.map((a) => a.id)).toContain(summary.assessmentId);
    const page = await listIncidents(owner, { severity: "sev3" });
    expect(page.items.length).toBeGreaterThan(0);
    expect(page.total).toBeLessThan(400);

    const workshop = await getWorkshop(owner, summary.workshopId);
    expect(workshop.state).toBe("closed");
    const live = await getWorkshopLive(owner, workshop.id);
    expect(live.questions.length).toBeGreaterThan(0);
    expect((await listConsensus(owner, workshop.id)).length).toBe(live.questions.length);
    expect((await listWorkshopParticipants(owner, workshop.id)).length).toBeGreaterThanOrEqual(8);
    const [{ n }] = (await db
      .select({ n: count() })
      .from(workshopAnswers)
      .where(eq(workshopAnswers.workshopId, workshop.id))) as [{ n: number }];
    expect(n).toBeGreaterThan(live.questions.length * 7);
  });

  test("generates the same content under another slug, and a different one for another day", async () => {
    const other = await seedLargeOrganisation({ ...TINY, slug: slugB, password: PASSWORD });
    expect(other.counts).toEqual(summary.counts);
    expect(other.benchPilotId).not.toBe(summary.benchPilotId);
    expect(await contentDigest(slugB)).toBe(await contentDigest(slugA));

    const slugC = `large-c-${uniq()}`;
    await seedLargeOrganisation({ ...TINY, slug: slugC, today: "2026-12-08", password: PASSWORD });
    expect(await contentDigest(slugC)).not.toBe(await contentDigest(slugA));
  }, 120_000);

  test("does nothing when run again with the same options, and refuses other options", async () => {
    const again = await seedLargeOrganisation({ ...TINY, slug: slugA, password: PASSWORD });
    expect(again).toMatchObject({
      benchPilotId: summary.benchPilotId,
      assessmentId: summary.assessmentId,
      workshopId: summary.workshopId,
      counts: summary.counts,
    });
    const [{ n }] = (await db
      .select({ n: count() })
      .from(incidents)
      .where(and(eq(incidents.orgId, owner.orgId)))) as [{ n: number }];
    expect(n).toBe(400);

    expect(
      await outcome(
        seedLargeOrganisation({ ...TINY, incidents: 401, slug: slugA, password: PASSWORD }),
      ),
    ).toBe("conflict");
    await expect(
      seedLargeOrganisation({ ...TINY, workshops: 1, slug: slugA, password: PASSWORD }),
    ).rejects.toThrow(/--slug/);
  }, 60_000);
});

import { eq } from "drizzle-orm";
import { describe, expect, test } from "vitest";
import { db } from "@/db";
import { updateOverridePolicy } from "@/db/queries/gate-settings";
import { createIncident } from "@/db/queries/incident-writes";
import { getOrganisation } from "@/db/queries/organisations";
import { addPilotAssumption, updatePilotAssumption } from "@/db/queries/pilot-assumptions";
import { signOffCriterion } from "@/db/queries/pilot-signoffs";
import { transitionPilot } from "@/db/queries/pilot-transitions";
import {
  getPortfolio,
  getPortfolioSettings,
  updatePortfolioSettings,
} from "@/db/queries/portfolio";
import { recordRunMetrics } from "@/db/queries/run-metrics";
import { createUseCase } from "@/db/queries/use-cases";
import { assessments, auditEvents } from "@/db/schema";
import type { MemberContext } from "@/lib/domain/permissions";
import type { PortfolioFilters } from "@/lib/domain/portfolio";
import {
  assessedUseCase,
  failure,
  makeOrg,
  OPEN_INCIDENT_REST,
  startedPilot,
  startPilotOf,
  type TestOrg,
} from "./fixtures";

const DAY = 86_400_000;
const ALL: PortfolioFilters = { period: "all" };
const later = (days: number) => new Date(Date.now() + days * DAY);
const today = () => new Date().toISOString().slice(0, 10);

async function itemsOf(ctx: MemberContext, now = new Date(), filters = ALL) {
  return (await getPortfolio(ctx, filters, now)).attention;
}

const kindsOf = async (ctx: MemberContext, now?: Date) =>
  (await itemsOf(ctx, now)).map((i) => i.kind);

const incident = (severity: "sev1" | "sev2" | "sev3", over: Record<string, unknown> = {}) => ({
  ...OPEN_INCIDENT_REST,
  title: `A ${severity} incident`,
  description: "",
  severity,
  category: "stale_data" as const,
  detectionSource: "human_reviewer" as const,
  outcome: "contained" as const,
  startedAt: new Date(),
  ...over,
});

describe("needs attention, one rule per fixture", () => {
  test("a pilot beyond its band without an override", async () => {
    const org = await makeOrg();
    const pilot = await startedPilot(org, { stage: "supervised" });
    expect(await kindsOf(org.ctx.viewer)).toEqual([]);
    // A weaker re-assessment (its band written directly: a re-assessment starts from the last
    // answers) leaves the running pilot beyond what its band allows.
    await db
      .update(assessments)
      .set({ band: "shadow" })
      .where(eq(assessments.id, pilot.assessmentId));
    const [item] = await itemsOf(org.ctx.viewer);
    expect(item).toMatchObject({
      kind: "beyond_band",
      severity: "critical",
      href: `pilots/${pilot.id}#gate-heading`,
    });
    expect(item?.reason).toMatch(/supervised without an override.*\(shadow\) allows up to shadow/);
  });

  test("a pilot beyond its band with an override", async () => {
    const org = await makeOrg();
    const { uc } = await assessedUseCase(org, { strength: "empty", writes: true });
    const pilot = await startPilotOf(org.ctx.owner, uc.id, {
      justification: "Ran under approval in the old tool for a quarter.",
    });
    const items = await itemsOf(org.ctx.viewer);
    expect(items.map((i) => [i.kind, i.severity])).toEqual([["beyond_band", "high"]]);
    expect(items[0]?.href).toBe(`pilots/${pilot.id}#gate-heading`);
    expect(items[0]?.reason).toMatch(/under an override by owner/);
  });

  test("failing gate criteria while an override request is pending", async () => {
    const org = await makeOrg();
    const { version } = await getOrganisation(org.ctx.owner);
    await updateOverridePolicy(org.ctx.owner, { overridesNeedSecondApprover: true, version });
    const pilot = await startedPilot(org, { stage: "shadow" });
    expect(await kindsOf(org.ctx.viewer)).toEqual([]);
    const result = await transitionPilot(org.ctx.owner, pilot.id, {
      to: "supervised",
      override: true,
      justification: "Every proposed action is reviewed by the team lead this quarter.",
      version: pilot.version,
    });
    expect(result.request).toBeTruthy();
    const items = await itemsOf(org.ctx.viewer);
    expect(items.map((i) => i.kind)).toEqual(["gate_failing_with_pending_request"]);
    expect(items[0]?.reason).toMatch(/asked on .* to promote it to supervised while .* fail/);
  });

  test("open Sev1 and Sev2 incidents, on a pilot and organisation-wide", async () => {
    const org = await makeOrg();
    const pilot = await startedPilot(org);
    await createIncident(org.ctx.lead, pilot.id, incident("sev3"));
    expect(await kindsOf(org.ctx.viewer)).toEqual([]);
    await createIncident(org.ctx.lead, pilot.id, incident("sev1"));
    await createIncident(org.ctx.lead, null, incident("sev2"));
    const items = await itemsOf(org.ctx.viewer);
    expect(items.map((i) => [i.kind, i.severity, i.href])).toEqual([
      [
        "open_severe_incidents",
        "critical",
        `incidents?pilot=${pilot.id}&status=open&severity=sev1`,
      ],
      ["open_severe_incidents", "high", "incidents?status=open&severity=sev2"],
    ]);
  });

  test("a broken assumption past shadow", async () => {
    const org = await makeOrg();
    const shadow = await startedPilot(org, { stage: "shadow" });
    const supervised = await startedPilot(org, { stage: "supervised" });
    for (const p of [shadow, supervised]) {
      const a = await addPilotAssumption(org.ctx.lead, p.id, { text: "Emails match CRM records" });
      await updatePilotAssumption(org.ctx.lead, p.id, a.id, {
        status: "broken",
        evidence: "Two accounts share one address.",
        version: a.version,
      });
    }
    const items = await itemsOf(org.ctx.viewer);
    expect(items.map((i) => [i.kind, i.href])).toEqual([
      ["broken_assumption_past_shadow", `pilots/${supervised.id}#assumptions-heading`],
    ]);
  });

  test("no run metrics for two periods", async () => {
    const org = await makeOrg();
    const pilot = await startedPilot(org, { stage: "sandbox" });
    expect(await kindsOf(org.ctx.viewer, later(13))).toEqual([]);
    expect(await kindsOf(org.ctx.viewer, later(14))).toEqual(["no_run_metrics"]);
    const row = { attempted: 10, correct: 9, overrides: 0, escalations: 0 };
    await recordRunMetrics(
      org.ctx.lead,
      pilot.id,
      [{ period: "day", periodStart: today(), ...row }],
      "ui",
    );
    // Daily metrics: two days without them.
    expect(await kindsOf(org.ctx.viewer, later(2))).toEqual([]);
    const [item] = await itemsOf(org.ctx.viewer, later(3));
    expect(item).toMatchObject({
      kind: "no_run_metrics",
      href: `pilots/${pilot.id}#record-metrics-heading`,
    });
  });

  test("stalled: longer in a stage than the organisation's setting", async () => {
    const org = await makeOrg();
    const pilot = await startedPilot(org, { stage: "proposed" });
    expect(await kindsOf(org.ctx.viewer, later(60))).toEqual([]);
    const [item] = await itemsOf(org.ctx.viewer, later(61));
    expect(item).toMatchObject({ kind: "stalled", href: `pilots/${pilot.id}#gate-heading` });
    const { version } = await getPortfolioSettings(org.ctx.owner);
    await updatePortfolioSettings(org.ctx.owner, {
      stallDays: 30,
      reviewIntervalDays: 180,
      version,
    });
    expect(await kindsOf(org.ctx.viewer, later(31))).toEqual(["stalled"]);
  });

  test("sign-offs waiting for me", async () => {
    const org = await makeOrg();
    const pilot = await startedPilot(org, { stage: "supervised" });
    await recordRunMetrics(
      org.ctx.lead,
      pilot.id,
      [
        {
          period: "day",
          periodStart: today(),
          attempted: 10,
          correct: 10,
          overrides: 0,
          escalations: 0,
        },
      ],
      "ui",
    );
    const signoffs = async (ctx: MemberContext) =>
      (await itemsOf(ctx)).filter((i) => i.kind === "signoff_waiting").map((i) => i.href);
    expect(await signoffs(org.ctx.lead)).toEqual([`pilots/${pilot.id}#gate-heading`]);
    expect(await signoffs(org.ctx.owner)).toHaveLength(1);
    expect(await signoffs(org.ctx.viewer)).toEqual([]);
    expect(await signoffs(org.ctx.contributor)).toEqual([]);
    await signOffCriterion(org.ctx.lead, pilot.id, { criterion: "required_signoffs" });
    expect(await signoffs(org.ctx.lead)).toEqual([]);
    expect(await signoffs(org.ctx.owner)).toEqual([]);
  });

  test("assessments older than the review interval", async () => {
    const org = await makeOrg();
    const { uc } = await assessedUseCase(org, { name: "Old triage" });
    expect(await kindsOf(org.ctx.viewer, later(180))).toEqual([]);
    const [item] = await itemsOf(org.ctx.viewer, later(181));
    expect(item).toMatchObject({ kind: "reassessment_due", href: `use-cases/${uc.id}` });
  });
});

describe("aggregates", () => {
  /**
   * Three use cases: Alpha (£100k, a pilot promoted shadow → supervised), Beta (£50k, a
   * pilot rolled back shadow → sandbox), Gamma (5, no annual value, never assessed).
   */
  async function portfolioOrg(): Promise<{ org: TestOrg; alpha: string; beta: string }> {
    const org = await makeOrg();
    const alpha = await startedPilot(org, { stage: "shadow", name: "Alpha", annualValue: 100_000 });
    const beta = await startedPilot(org, { stage: "shadow", name: "Beta", annualValue: 50_000 });
    await createUseCase(org.ctx.owner, {
      name: "Gamma",
      description: "",
      ownerId: null,
      businessValue: 5,
      annualValue: null,
      systems: [],
      status: "candidate",
    });
    await transitionPilot(org.ctx.owner, alpha.id, {
      to: "supervised",
      override: true,
      justification: "The team lead approves every action during this quarter.",
      version: alpha.version,
    });
    await transitionPilot(org.ctx.lead, beta.id, {
      to: "sandbox",
      justification: "Back to sandbox until the feed is live.",
      version: beta.version,
    });
    const row = (periodStart: string, attempted: number, correct: number, overrides: number) => ({
      period: "day" as const,
      periodStart,
      attempted,
      correct,
      overrides,
      escalations: 0,
    });
    await recordRunMetrics(org.ctx.lead, alpha.id, [row(today(), 1000, 950, 50)], "ui");
    await recordRunMetrics(org.ctx.lead, beta.id, [row(today(), 1000, 900, 0)], "ui");
    await createIncident(org.ctx.lead, alpha.id, incident("sev3", { costEstimate: 1000 }));
    await createIncident(
      org.ctx.lead,
      beta.id,
      incident("sev3", { outcome: "customer_impact", costEstimate: 500 }),
    );
    // Both latest assessments hit the same confirmed blocker; Alpha also an unverified one.
    const blocker = (id: string, status: string) => ({
      id,
      status,
      capBand: "sandbox_only",
      reason: `Reason ${id}`,
    });
    for (const [p, extra] of [
      [alpha, [blocker("maybe", "unverified")]],
      [beta, []],
    ] as const) {
      const [a] = await db
        .select({ result: assessments.result })
        .from(assessments)
        .where(eq(assessments.id, p.assessmentId));
      await db
        .update(assessments)
        .set({
          result: {
            ...(a?.result as object),
            blockers: [blocker("no_approval", "confirmed"), ...extra],
          },
        })
        .where(eq(assessments.id, p.assessmentId));
      const assumption = await addPilotAssumption(org.ctx.lead, p.id, { text: "Emails match CRM" });
      await updatePilotAssumption(org.ctx.lead, p.id, assumption.id, {
        status: "broken",
        evidence: "Shared inboxes.",
        version: assumption.version,
      });
    }
    return { org, alpha: alpha.useCaseId, beta: beta.useCaseId };
  }

  test("match the hand-computed figures, and another organisation sees none of them", async () => {
    const { org, alpha, beta } = await portfolioOrg();
    const now = later(10);
    const p = await getPortfolio(org.ctx.viewer, ALL, now);

    expect(p.totals).toEqual({
      useCases: 3,
      assessed: 2,
      livePilots: 2,
      inProduction: 0,
      annualValue: 150_000,
      valueInPilots: 150_000,
      openSevere: 0,
    });
    const byName = Object.fromEntries(p.points.map((x) => [x.name, x]));
    expect(byName.Alpha).toMatchObject({
      stage: "supervised",
      businessValue: 3,
      annualValue: 100_000,
    });
    expect(byName.Alpha?.assessment?.score).toBeGreaterThan(80);
    expect(byName.Alpha?.assessment?.band).toBe("limited_production");
    expect(byName.Beta?.stage).toBe("sandbox");
    expect(byName.Gamma).toMatchObject({
      stage: "not_started",
      assessment: null,
      annualValue: null,
    });

    const stage = (s: string) => p.funnel.find((f) => f.stage === s);
    expect(stage("supervised")).toMatchObject({
      pilots: 1,
      valueAtStake: 100_000,
      promotions: 1,
      rollbacks: 0,
    });
    expect(stage("sandbox")).toMatchObject({
      pilots: 1,
      valueAtStake: 50_000,
      promotions: 0,
      rollbacks: 0,
    });
    expect(stage("shadow")).toMatchObject({
      pilots: 0,
      valueAtStake: 0,
      promotions: 0,
      rollbacks: 1,
    });
    expect(stage("supervised")?.medianDaysInStage).toBeCloseTo(10, 1);

    // 2 incidents over 2,000 actions; £1,500; one caught, one with customer impact.
    expect(p.outcomes).toMatchObject({
      incidents: 2,
      actionsAttempted: 2000,
      ratePer1000: 1,
      totalCost: 1500,
      caught: 1,
      impact: 1,
    });
    expect(p.outcomes.series.reduce((s, x) => s + x.incidents, 0)).toBe(2);
    // Only Alpha's metrics were recorded in supervised: 950/1,000 correct, 50 overrides.
    expect(p.outcomes.trend).toHaveLength(1);
    expect(p.outcomes.trend[0]).toMatchObject({
      attempted: 1000,
      accuracy: 0.95,
      overrideRate: 0.05,
    });

    expect(p.across.blockers).toEqual([
      {
        key: "no_approval",
        text: "Reason no_approval",
        count: 2,
        useCases: [
          { id: alpha, name: "Alpha", pilotId: expect.any(String) },
          { id: beta, name: "Beta", pilotId: expect.any(String) },
        ],
      },
    ]);
    expect(p.across.brokenAssumptions).toMatchObject([
      { text: "Emails match CRM", count: 2, useCases: [{ name: "Alpha" }, { name: "Beta" }] },
    ]);

    // Filters: the stage, "not started", and an owner nobody is.
    const supervised = await getPortfolio(org.ctx.viewer, { ...ALL, stage: "supervised" }, now);
    expect(supervised.points.map((x) => x.name)).toEqual(["Alpha"]);
    expect(supervised.outcomes.incidents).toBe(1);
    expect(supervised.funnel.map((f) => f.stage)).toEqual(["supervised"]);
    const notStarted = await getPortfolio(org.ctx.viewer, { ...ALL, stage: "not_started" }, now);
    expect(notStarted.points.map((x) => x.name)).toEqual(["Gamma"]);
    expect(notStarted.totals.livePilots).toBe(0);
    expect(notStarted.outcomes.incidents).toBe(0);
    const nobody = await getPortfolio(
      org.ctx.viewer,
      { ...ALL, owner: org.users.contributor.id },
      now,
    );
    expect(nobody.points).toEqual([]);
    expect(nobody.outcomes.incidents).toBe(0);
    expect(nobody.across.blockers).toEqual([]);

    // Scoping: another organisation's members see nothing of this one.
    const other = await makeOrg();
    const theirs = await getPortfolio(other.ctx.owner, ALL, now);
    expect(theirs.points).toEqual([]);
    expect(theirs.totals.useCases).toBe(0);
    expect(theirs.funnel.every((f) => f.pilots === 0 && f.promotions === 0)).toBe(true);
    expect(theirs.outcomes.incidents).toBe(0);
    expect(theirs.outcomes.trend).toEqual([]);
    expect(theirs.across).toEqual({ blockers: [], brokenAssumptions: [] });
    expect(theirs.attention).toEqual([]);
  });

  test("the period keeps promotions and incidents older than it out", async () => {
    const { org } = await portfolioOrg();
    const p = await getPortfolio(org.ctx.viewer, { period: "30d" }, later(40));
    expect(p.funnel.find((f) => f.stage === "supervised")?.promotions).toBe(0);
    expect(p.outcomes.incidents).toBe(0);
    expect(p.totals.livePilots).toBe(2);
  });
});

describe("portfolio settings", () => {
  test("owners and admins change them, with an audit entry; others may only read", async () => {
    const org = await makeOrg();
    const s = await getPortfolioSettings(org.ctx.viewer);
    expect(s).toMatchObject({ stallDays: 60, reviewIntervalDays: 180 });
    expect(
      (await failure(updatePortfolioSettings(org.ctx.lead, { ...s, stallDays: 30 }))).code,
    ).toBe("forbidden");
    const wrong = await failure(
      updatePortfolioSettings(org.ctx.admin, { ...s, stallDays: 2, reviewIntervalDays: 5000 }),
    );
    expect(wrong.code).toBe("invalid_input");
    expect(Object.keys(wrong.fields ?? {}).sort()).toEqual(["reviewIntervalDays", "stallDays"]);
    await updatePortfolioSettings(org.ctx.admin, { ...s, stallDays: 45 });
    expect(await getPortfolioSettings(org.ctx.viewer)).toMatchObject({
      stallDays: 45,
      reviewIntervalDays: 180,
    });
    // A stale version is refused.
    expect(
      (await failure(updatePortfolioSettings(org.ctx.owner, { ...s, stallDays: 50 }))).code,
    ).toBe("conflict");
    const events = await db
      .select({ action: auditEvents.action, before: auditEvents.before, after: auditEvents.after })
      .from(auditEvents)
      .where(eq(auditEvents.orgId, org.orgId));
    expect(events.filter((e) => e.action === "portfolio.settings_updated")).toEqual([
      {
        action: "portfolio.settings_updated",
        before: { stallDays: 60, reviewIntervalDays: 180 },
        after: { stallDays: 45, reviewIntervalDays: 180 },
      },
    ]);
    // Gate settings kept beside them are untouched.
    const { getGateSettings } = await import("@/db/queries/gate-settings");
    expect((await getGateSettings(org.ctx.viewer)).tuned).toEqual([]);
  });
});

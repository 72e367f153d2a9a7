import { eq } from "drizzle-orm";
import { describe, expect, test } from "vitest";
import { db } from "@/db";
import { authenticateApiToken, createApiToken } from "@/db/queries/api-tokens";
import { listAuditEvents } from "@/db/queries/audit";
import { updateGateSettings } from "@/db/queries/gate-settings";
import { listPilotIncidents } from "@/db/queries/incidents";
import { getOrganisation } from "@/db/queries/organisations";
import { listPilotAssumptions, updatePilotAssumption } from "@/db/queries/pilot-assumptions";
import { signOffCriterion } from "@/db/queries/pilot-signoffs";
import { transitionPilot } from "@/db/queries/pilot-transitions";
import {
  getPilot,
  getPilotGate,
  listPilotCards,
  listPilotTimeline,
  startPilot,
  updatePilot,
} from "@/db/queries/pilots";
import {
  listRunMetrics,
  recordRunMetrics,
  recordRunMetricsIdempotent,
} from "@/db/queries/run-metrics";
import { createUseCase } from "@/db/queries/use-cases";
import { incidents, pilots, runMetrics } from "@/db/schema";
import type { MemberContext } from "@/lib/domain/permissions";
import { STAGES, stageIndex } from "@/lib/domain/stages";
import { assessedUseCase, failure, makeOrg, outcome, startedPilot, type TestOrg } from "./fixtures";

const DAY = 86_400_000;
const today = () => new Date().toISOString().slice(0, 10);
type RunCounts = { attempted: number; correct: number; overrides: number; escalations: number };
/** Today's run metrics: one action attempted, and right, unless the counts say otherwise. */
const runToday = (counts: Partial<RunCounts> = {}) => ({
  period: "day" as const,
  periodStart: today(),
  attempted: 1,
  correct: 1,
  overrides: 0,
  escalations: 0,
  ...counts,
});
const ONE_GOOD_RUN_TODAY = runToday();

// An empty assessment of a workflow that writes earns nothing: no read-only floor.
const emptyUseCase = (org: TestOrg) => assessedUseCase(org, { strength: "empty", writes: true });

const promote = (ctx: MemberContext, id: string, version: number, extra = {}) =>
  getPilot(ctx, id).then((p) =>
    transitionPilot(ctx, id, { to: STAGES[stageIndex(p.stage) + 1]!, version, ...extra }),
  );

/** A pilot in supervised, in an organisation whose only gate out of it is a lead's sign-off. */
async function supervisedPilotNeedingALeadSignoff() {
  const org = await makeOrg();
  const { version } = await getOrganisation(org.ctx.admin);
  await updateGateSettings(org.ctx.admin, {
    gates: { supervised: [{ kind: "required_signoffs", roles: ["lead"] }] },
    version,
  });
  return { org, pilot: await startedPilot(org, { stage: "supervised" }) };
}

describe("starting a pilot", () => {
  test("starts at the recommendation, copies the assumptions, and asks why when it starts later", async () => {
    const org = await makeOrg();
    const weak = await emptyUseCase(org);
    expect(weak.assessment.result?.recommendedStage).toBe("proposed");
    const input = {
      useCaseId: weak.uc.id,
      ownerId: null,
      stage: "shadow" as const,
      startDate: today(),
      targetDate: null,
      rollbackPlan: "",
    };
    // Beyond what the band allows, only an owner or admin may start it, and says why.
    const refused = await failure(
      startPilot(org.ctx.lead, { ...input, justification: "Ran in the old tool for a quarter." }),
    );
    expect(refused.code).toBe("invalid_input");
    expect(refused.fields?.stage?.[0]).toMatch(/band allows a pilot up to proposed/);
    const unexplained = await failure(startPilot(org.ctx.admin, input));
    expect(unexplained.fields?.justification?.[0]).toMatch(/recommends starting in proposed/);
    expect(await outcome(startPilot(org.ctx.contributor, input))).toBe("forbidden");

    const pilot = await startPilot(org.ctx.admin, {
      ...input,
      justification: "Ran for a quarter in the old tool under approval.",
    });
    expect(pilot.stage).toBe("shadow");
    expect(pilot.startJustification).toMatch(/old tool/);
    const timeline = await listPilotTimeline(org.ctx.viewer, pilot.id);
    expect(timeline.map((t) => [t.kind, t.toStage])).toEqual([["start", "shadow"]]);
    expect(
      (await listAuditEvents(org.ctx.admin, { action: "pilot.started" })).events.some(
        (e) => e.entityId === pilot.id,
      ),
    ).toBe(true);
    // One live pilot per use case.
    expect(await outcome(startPilot(org.ctx.lead, { ...input, stage: "proposed" }))).toBe(
      "conflict",
    );

    const strong = await assessedUseCase(org);
    const register = strong.assessment.result?.assumptions ?? [];
    expect(register.length).toBeGreaterThan(0);
    const second = await startPilot(org.ctx.lead, {
      ...input,
      useCaseId: strong.uc.id,
      stage: "sandbox",
    });
    const assumptions = await listPilotAssumptions(org.ctx.viewer, second.id);
    expect(assumptions.map((a) => a.text).sort()).toEqual(register.map((a) => a.assumption).sort());
    expect(assumptions.every((a) => a.status === "open")).toBe(true);
  });

  test("a use case without a submitted assessment cannot start a pilot", async () => {
    const org = await makeOrg();
    const uc = await createUseCase(org.ctx.owner, {
      name: "Unassessed",
      description: "",
      ownerId: null,
      businessValue: 1,
      annualValue: null,
      systems: [],
      status: "candidate",
    });
    const error = await failure(
      startPilot(org.ctx.lead, {
        useCaseId: uc.id,
        ownerId: null,
        stage: "proposed",
        startDate: today(),
        targetDate: null,
        rollbackPlan: "",
      }),
    );
    expect(error.code).toBe("invalid_input");
    expect(error.message).toBe(
      "Submit an assessment of this use case first: a pilot starts from its recommendation.",
    );
    expect(error.fields?.useCaseId).toEqual(["This use case has no submitted assessment."]);
  });
});

describe("gates and transitions", () => {
  test("a failing gate blocks promotion, names the criteria, and only owners and admins override it", async () => {
    const org = await makeOrg();
    const pilot = await startedPilot(org, { stage: "shadow" });
    const blocked = await failure(promote(org.ctx.lead, pilot.id, pilot.version));
    expect(blocked.code).toBe("invalid_input");
    const failing = ((blocked.details?.failing ?? []) as { kind: string }[]).map((c) => c.kind);
    expect(failing).toEqual(["min_days_in_stage", "min_actions_observed", "min_accuracy"]);

    // A lead asking to override is refused; an admin needs a justification.
    expect(
      (
        await failure(
          promote(org.ctx.lead, pilot.id, pilot.version, {
            override: true,
            justification: "Because we must go",
          }),
        )
      ).code,
    ).toBe("forbidden");
    const noReason = await failure(
      promote(org.ctx.admin, pilot.id, pilot.version, { override: true }),
    );
    expect(noReason.fields?.justification?.[0]).toMatch(
      /^Overriding a gate needs a written justification of at least 20 characters that answers each failing criterion: time in this stage \(needs at least 14 days, measured 0 days\); actions observed in this stage/,
    );

    const {
      pilot: after,
      transition,
      request,
    } = await promote(org.ctx.admin, pilot.id, pilot.version, {
      override: true,
      justification: "Quarter-end: every action is approved by finance anyway.",
    });
    // Without "overrides need a second approver", the override promotes at once.
    expect(request).toBeNull();
    expect(after.stage).toBe("supervised");
    expect(after.version).toBe(pilot.version + 1);
    expect(transition?.overridden.map((c) => c.kind)).toEqual(failing);
    const [event] = (
      await listAuditEvents(org.ctx.admin, { action: "pilot.promoted_with_override" })
    ).events;
    expect(event?.entityId).toBe(pilot.id);
    expect(event?.before).toMatchObject({ stage: "shadow" });
    expect(event?.after).toMatchObject({ stage: "supervised" });
  });

  test("run metrics recorded in the stage make the measured criteria pass", async () => {
    const org = await makeOrg();
    const pilot = await startedPilot(org, { stage: "shadow" });
    // Fixture date: the pilot entered shadow 20 days ago.
    await db
      .update(pilots)
      .set({ stageEnteredAt: new Date(Date.now() - 20 * DAY) })
      .where(eq(pilots.id, pilot.id));
    const tooMany = await failure(
      recordRunMetrics(
        org.ctx.contributor,
        pilot.id,
        [runToday({ attempted: 10, correct: 11 })],
        "ui",
      ),
    );
    expect(tooMany.fields?.["metrics.0.correct"]).toEqual([
      "Correct actions cannot exceed actions attempted.",
    ]);
    expect(
      await outcome(recordRunMetrics(org.ctx.viewer, pilot.id, [ONE_GOOD_RUN_TODAY], "ui")),
    ).toBe("forbidden");

    await recordRunMetrics(
      org.ctx.contributor,
      pilot.id,
      [runToday({ attempted: 300, correct: 240, escalations: 2 })],
      "ui",
    );
    let gate = await getPilotGate(org.ctx.viewer, pilot.id);
    const accuracy = gate.evaluation?.criteria.find((c) => c.kind === "min_accuracy");
    expect(accuracy).toMatchObject({ measured: "80%", pass: false });
    // Recording the same day again replaces it.
    await recordRunMetrics(
      org.ctx.contributor,
      pilot.id,
      [runToday({ attempted: 300, correct: 285, escalations: 2 })],
      "ui",
    );
    expect(await listRunMetrics(org.ctx.viewer, pilot.id)).toHaveLength(1);
    gate = await getPilotGate(org.ctx.viewer, pilot.id);
    expect(gate.evaluation?.pass).toBe(true);
    const fresh = await getPilot(org.ctx.lead, pilot.id);
    const { pilot: after } = await promote(org.ctx.lead, pilot.id, fresh.version);
    expect(after.stage).toBe("supervised");
    // Metrics of the old stage do not count in the new one.
    const next = await getPilotGate(org.ctx.viewer, pilot.id);
    expect(next.evaluation?.criteria.find((c) => c.kind === "min_actions_observed")?.measured).toBe(
      "0",
    );
  });

  test("run metrics dated before the pilot's start are refused, all of them, and nothing is written", async () => {
    const org = await makeOrg();
    const pilot = await startedPilot(org, { startDate: "2026-11-04" });
    const row = (periodStart: string, period: "day" | "week" = "day") => ({
      period,
      periodStart,
      attempted: 10,
      correct: 9,
      overrides: 0,
      escalations: 0,
    });
    const early = await failure(
      recordRunMetrics(
        org.ctx.contributor,
        pilot.id,
        [row("2026-11-05"), row("2026-11-03"), row("2026-10-26", "week")],
        "ui",
      ),
    );
    expect(early.code).toBe("invalid_input");
    expect(early.message).toBe(
      "Run metrics cannot cover days before the pilot started on 2026-11-04.",
    );
    expect(early.fields).toEqual({
      "metrics.1.periodStart": [
        "2026-11-03 is before the pilot started on 2026-11-04: run metrics cover the pilot from its start date on.",
      ],
      "metrics.2.periodStart": [
        "The week of 2026-10-26 ends before the pilot started on 2026-11-04: run metrics cover the pilot from its start date on.",
      ],
    });
    // The valid first row was not written either.
    expect(await listRunMetrics(org.ctx.viewer, pilot.id)).toEqual([]);

    await recordRunMetrics(org.ctx.contributor, pilot.id, [row("2026-11-04")], "ui");
    // Moving the start date past recorded metrics is refused on the start date.
    const later = await failure(
      updatePilot(org.ctx.lead, pilot.id, {
        ownerId: null,
        startDate: "2026-11-06",
        targetDate: null,
        rollbackPlan: pilot.rollbackPlan,
        version: pilot.version,
      }),
    );
    expect(later.fields?.startDate).toEqual([
      "Run metrics are recorded from 2026-11-04: the start date cannot be later than that.",
    ]);
  });

  test("organisations tune gates; a stale settings version is refused", async () => {
    const org = await makeOrg();
    const pilot = await startedPilot(org, { stage: "sandbox" });
    const { version } = await getOrganisation(org.ctx.admin);
    expect(
      await outcome(updateGateSettings(org.ctx.lead, { gates: { sandbox: [] }, version })),
    ).toBe("forbidden");
    expect(
      await outcome(
        updateGateSettings(org.ctx.admin, {
          gates: { sandbox: [{ kind: "min_accuracy", threshold: 3 }] },
          version,
        }),
      ),
    ).toBe("invalid_input");
    await updateGateSettings(org.ctx.admin, {
      gates: { sandbox: [{ kind: "min_days_in_stage", threshold: 0 }] },
      version,
    });
    expect(
      await outcome(updateGateSettings(org.ctx.admin, { gates: { sandbox: null }, version })),
    ).toBe("conflict");
    const { pilot: after } = await promote(org.ctx.lead, pilot.id, pilot.version);
    expect(after.stage).toBe("shadow");
  });

  test("the one who asks for a promotion cannot be its only approver", async () => {
    const { org, pilot } = await supervisedPilotNeedingALeadSignoff();
    await signOffCriterion(org.ctx.lead, pilot.id, { criterion: "required_signoffs" });
    expect(
      await outcome(signOffCriterion(org.ctx.lead, pilot.id, { criterion: "required_signoffs" })),
    ).toBe("conflict");
    // The lead signed, but their own promotion does not count it; the owner's does.
    expect((await getPilotGate(org.ctx.viewer, pilot.id)).evaluation?.pass).toBe(true);
    const blocked = await failure(promote(org.ctx.lead, pilot.id, pilot.version));
    expect(((blocked.details?.failing ?? []) as { kind: string }[]).map((c) => c.kind)).toEqual([
      "required_signoffs",
    ]);
    await signOffCriterion(org.ctx.owner, pilot.id, {
      criterion: "required_signoffs",
      note: "Reviewed",
    });
    const { pilot: after } = await promote(org.ctx.lead, pilot.id, pilot.version);
    expect(after.stage).toBe("limited_production");
    // Sign-offs lapse with the stage.
    expect((await getPilotGate(org.ctx.viewer, pilot.id)).signoffs).toEqual([]);
  });

  test("promoting through an API token, its creator's own sign-off does not count either", async () => {
    const { org, pilot } = await supervisedPilotNeedingALeadSignoff();
    await signOffCriterion(org.ctx.admin, pilot.id, { criterion: "required_signoffs" });
    const { token } = await createApiToken(org.ctx.admin, { name: "CI", role: "admin" });
    const authenticated = await authenticateApiToken(token);
    if (!authenticated.ok) throw new Error("token not accepted");
    const viaToken = authenticated.ctx;
    const blocked = await failure(promote(viaToken, pilot.id, pilot.version));
    expect(((blocked.details?.failing ?? []) as { kind: string }[]).map((c) => c.kind)).toEqual([
      "required_signoffs",
    ]);
    await signOffCriterion(org.ctx.lead, pilot.id, { criterion: "required_signoffs" });
    const { pilot: after } = await promote(viaToken, pilot.id, pilot.version);
    expect(after.stage).toBe("limited_production");
  });

  test("roll back, pause, resume and retire, each with a reason", async () => {
    const org = await makeOrg();
    const pilot = await startedPilot(org, { stage: "supervised" });
    /** The lead moves the pilot, giving a reason. */
    const move = (
      to: "sandbox" | "paused" | "active" | "retired",
      justification: string,
      version: number,
    ) => transitionPilot(org.ctx.lead, pilot.id, { to, justification, version });
    expect(
      await outcome(
        transitionPilot(org.ctx.lead, pilot.id, { to: "sandbox", version: pilot.version }),
      ),
    ).toBe("invalid_input");
    const { pilot: rolled } = await move(
      "sandbox",
      "Duplicate writes after a timeout.",
      pilot.version,
    );
    expect(rolled.stage).toBe("sandbox");
    const { pilot: paused } = await move("paused", "Vendor outage this week.", rolled.version);
    expect(paused.status).toBe("paused");
    expect(
      await outcome(
        promote(org.ctx.admin, pilot.id, paused.version, {
          override: true,
          justification: "Go anyway please",
        }),
      ),
    ).toBe("conflict");
    const { pilot: resumed } = await move("active", "Vendor is back up.", paused.version);
    const { pilot: retired } = await move(
      "retired",
      "Replaced by the vendor's own feature.",
      resumed.version,
    );
    expect(retired.status).toBe("retired");
    expect(await outcome(move("active", "Try again now", retired.version))).toBe("conflict");
    const kinds = (await listPilotTimeline(org.ctx.viewer, pilot.id)).map((t) => t.kind);
    expect(kinds).toEqual(["start", "rollback", "pause", "resume", "retire"]);
  });
});

describe("incidents in gates", () => {
  test("an open Sev2 blocks the gate and counts towards the incident rate; resolving it lifts the block", async () => {
    const org = await makeOrg();
    const pilot = await startedPilot(org, { stage: "limited_production" });
    await recordRunMetrics(
      org.ctx.contributor,
      pilot.id,
      [runToday({ attempted: 1000, correct: 990, overrides: 5 })],
      "ui",
    );
    // Incidents are written directly here: this suite is about how gates read them.
    const [incident] = await db
      .insert(incidents)
      .values({
        orgId: org.orgId,
        pilotId: pilot.id,
        title: "Refund sent twice",
        severity: "sev2",
        category: "partial_failure",
        detectionSource: "customer",
        outcome: "financial_impact",
        stage: "limited_production",
        startedAt: new Date(),
      })
      .returning({ id: incidents.id });
    const gate = await getPilotGate(org.ctx.viewer, pilot.id);
    const byKind = Object.fromEntries(gate.evaluation!.criteria.map((c) => [c.kind, c]));
    expect(byKind.no_open_sev1_sev2).toMatchObject({ measured: "1 open", pass: false });
    expect(byKind.max_incident_rate_per_1000).toMatchObject({ measured: "1", pass: true });
    const listed = await listPilotIncidents(org.ctx.viewer, pilot.id);
    expect(listed).toMatchObject({ total: 1, open: 1 });
    expect(listed.items[0]?.title).toBe("Refund sent twice");
    const [card] = (await listPilotCards(org.ctx.viewer)).filter((c) => c.id === pilot.id);
    expect(card).toMatchObject({ openIncidents: 1, openSevere: 1 });

    await db
      .update(incidents)
      .set({ resolvedAt: new Date() })
      .where(eq(incidents.id, incident!.id));
    const after = await getPilotGate(org.ctx.viewer, pilot.id);
    expect(after.evaluation!.criteria.find((c) => c.kind === "no_open_sev1_sev2")?.pass).toBe(true);
    expect(await outcome(listPilotIncidents((await makeOrg()).ctx.owner, pilot.id))).toBe(
      "not_found",
    );
  });
});

describe("concurrency and idempotency", () => {
  test("two promotions of the same pilot at once: exactly one wins", async () => {
    const org = await makeOrg();
    const pilot = await startedPilot(org, { stage: "proposed" });
    const results = await Promise.allSettled([
      transitionPilot(org.ctx.lead, pilot.id, { to: "sandbox", version: pilot.version }),
      transitionPilot(org.ctx.admin, pilot.id, { to: "sandbox", version: pilot.version }),
    ]);
    expect(results.filter((r) => r.status === "fulfilled")).toHaveLength(1);
    const rejected = results.find((r) => r.status === "rejected");
    expect((rejected as PromiseRejectedResult).reason.code).toBe("conflict");
    expect((rejected as PromiseRejectedResult).reason.details?.current).toMatchObject({
      stage: "sandbox",
    });
    expect(
      (await listPilotTimeline(org.ctx.viewer, pilot.id)).filter((t) => t.kind === "promote"),
    ).toHaveLength(1);
    expect((await getPilot(org.ctx.viewer, pilot.id)).version).toBe(pilot.version + 1);
  });

  test("two edits of the same pilot at once: one is told it changed", async () => {
    const org = await makeOrg();
    const pilot = await startedPilot(org, { stage: "sandbox" });
    const edit = (plan: string) =>
      updatePilot(org.ctx.lead, pilot.id, {
        ownerId: null,
        startDate: pilot.startDate,
        targetDate: null,
        rollbackPlan: plan,
        version: pilot.version,
      });
    const results = await Promise.allSettled([edit("Plan A"), edit("Plan B")]);
    expect(results.filter((r) => r.status === "fulfilled")).toHaveLength(1);
    expect(results.filter((r) => r.status === "rejected")).toHaveLength(1);
  });

  test("the same Idempotency-Key sent five times at once writes once; another body is refused", async () => {
    const org = await makeOrg();
    const pilot = await startedPilot(org, { stage: "sandbox" });
    const rows = [runToday({ attempted: 50, correct: 45, overrides: 1 })];
    const body = { metrics: rows };
    const results = await Promise.all(
      Array.from({ length: 5 }, () =>
        recordRunMetricsIdempotent(org.ctx.contributor, pilot.id, rows, "key-1", body),
      ),
    );
    expect(results.filter((r) => !r.replayed)).toHaveLength(1);
    const ids = results.map((r) => (r.body as { data: { id: string }[] }).data[0]?.id);
    expect(new Set(ids).size).toBe(1);
    expect(await db.select().from(runMetrics).where(eq(runMetrics.pilotId, pilot.id))).toHaveLength(
      1,
    );
    const changed = [{ ...rows[0]!, correct: 40 }];
    expect(
      await outcome(
        recordRunMetricsIdempotent(org.ctx.contributor, pilot.id, changed, "key-1", {
          metrics: changed,
        }),
      ),
    ).toBe("conflict");
  });
});

describe("assumptions and the board", () => {
  test("a broken assumption past shadow warns on the board; settling one needs evidence", async () => {
    const org = await makeOrg();
    const pilot = await startedPilot(org, { stage: "supervised" });
    const [first] = await listPilotAssumptions(org.ctx.viewer, pilot.id);
    if (!first) throw new Error("no assumptions");
    const noEvidence = await failure(
      updatePilotAssumption(org.ctx.contributor, pilot.id, first.id, {
        status: "verified",
        evidence: "",
        version: first.version,
      }),
    );
    expect(noEvidence.fields?.evidence).toEqual([
      "Say what shows this (a note or a link): it is the evidence others will rely on.",
    ]);
    expect(
      await outcome(
        updatePilotAssumption(org.ctx.viewer, pilot.id, first.id, {
          status: "open",
          version: first.version,
        }),
      ),
    ).toBe("forbidden");
    const broken = await updatePilotAssumption(org.ctx.contributor, pilot.id, first.id, {
      status: "broken",
      evidence: "CRM ids differ for 3% of accounts",
      version: first.version,
    });
    expect(broken.status).toBe("broken");
    expect(
      await outcome(
        updatePilotAssumption(org.ctx.contributor, pilot.id, first.id, {
          status: "verified",
          evidence: "x",
          version: first.version,
        }),
      ),
    ).toBe("conflict");
    const [card] = (await listPilotCards(org.ctx.viewer)).filter((c) => c.id === pilot.id);
    expect(card?.brokenAssumptions).toBe(1);
    expect(card?.warning).toMatch(/broken assumption/);
  });

  test("another organisation's pilot is not found by any query", async () => {
    const org = await makeOrg();
    const other = await makeOrg();
    const pilot = await startedPilot(org, { stage: "sandbox" });
    const [assumption] = await listPilotAssumptions(org.ctx.viewer, pilot.id);
    const foreign = other.ctx.owner;
    const calls: (() => Promise<unknown>)[] = [
      () => getPilot(foreign, pilot.id),
      () => getPilotGate(foreign, pilot.id),
      () => listPilotTimeline(foreign, pilot.id),
      () => listRunMetrics(foreign, pilot.id),
      () => listPilotAssumptions(foreign, pilot.id),
      () => transitionPilot(foreign, pilot.id, { to: "shadow", version: pilot.version }),
      () =>
        updatePilot(foreign, pilot.id, {
          ownerId: null,
          startDate: today(),
          targetDate: null,
          rollbackPlan: "",
          version: pilot.version,
        }),
      () => signOffCriterion(foreign, pilot.id, { criterion: "min_days_in_stage" }),
      () => recordRunMetrics(foreign, pilot.id, [ONE_GOOD_RUN_TODAY], "ui"),
      () => recordRunMetricsIdempotent(foreign, pilot.id, [], "k", {}),
      () =>
        updatePilotAssumption(foreign, pilot.id, assumption!.id, { status: "open", version: 1 }),
    ];
    for (const call of calls) expect(await outcome(call())).toBe("not_found");
    expect((await listPilotCards(foreign)).map((c) => c.id)).not.toContain(pilot.id);
  });
});

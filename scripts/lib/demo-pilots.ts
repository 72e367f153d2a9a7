import { eq } from "drizzle-orm";
import { db } from "@/db";
import { createIncident } from "@/db/queries/incident-writes";
import { memberContext } from "@/db/queries/organisations";
import { listPilotAssumptions, updatePilotAssumption } from "@/db/queries/pilot-assumptions";
import { signOffCriterion } from "@/db/queries/pilot-signoffs";
import { transitionPilot } from "@/db/queries/pilot-transitions";
import { getPilot, getPilotGate, pilotStartPoint, startPilot } from "@/db/queries/pilots";
import { type RunMetricInput, recordRunMetrics } from "@/db/queries/run-metrics";
import { listUseCases } from "@/db/queries/use-cases";
import { findUserByEmail } from "@/db/queries/users";
import { pilots, pilotTransitions } from "@/db/schema";
import type { IncidentCategory } from "@/lib/domain/incidents";
import type { MemberContext } from "@/lib/domain/permissions";
import { startsLaterThanRecommended } from "@/lib/domain/pilots";
import { type Stage, stageIndex } from "@/lib/domain/stages";
import { demoIncidents } from "./demo-incidents";

const DAY = 86_400_000;

/** How the AI performs at each stage: actions per day, accuracy and override rate. */
export const PERFORMANCE: Record<Stage, { volume: number; accuracy: number; overrides: number }> = {
  proposed: { volume: 0, accuracy: 0, overrides: 0 },
  sandbox: { volume: 25, accuracy: 0.88, overrides: 0 },
  shadow: { volume: 70, accuracy: 0.925, overrides: 0 },
  supervised: { volume: 130, accuracy: 0.962, overrides: 0.07 },
  limited_production: { volume: 320, accuracy: 0.979, overrides: 0.03 },
  production: { volume: 850, accuracy: 0.986, overrides: 0.012 },
};

type Step =
  | { days: number; metrics?: "steady" | { accuracy: number } }
  | { promote: true; by: "lead" | "owner"; override?: string; signoffs?: boolean }
  | { rollback: Stage; reason: string }
  | { verifyAssumptions: true }
  | {
      breakAssumption: string;
      /** The dimension whose assumption breaks, when the pilot has an open one there. */
      dimension: string;
      /** The question whose assumption breaks, when the register has it open. */
      question?: string;
      incident: { title: string; category: IncidentCategory };
    };

type DemoPilot = {
  useCase: string;
  start: Stage;
  daysAgo: number;
  rollbackPlan: string;
  targetInDays?: number;
  steps: Step[];
};

const PLAN =
  "Switch the integration's feature flag off (one click, lead on call); open items go back to the manual queue; the run log lists every action taken so each can be reviewed and reverted within a day.";

/** The demo pilots: one in every stage, with a rollback, an override and broken assumptions. */
const DEMO_PILOTS: DemoPilot[] = [
  {
    useCase: "Support ticket triage",
    start: "sandbox",
    daysAgo: 360,
    rollbackPlan: PLAN,
    steps: [
      { days: 30 },
      { promote: true, by: "lead" },
      { days: 60 },
      { promote: true, by: "lead" },
      { days: 100 },
      { promote: true, by: "lead", signoffs: true },
      { days: 110 },
      { verifyAssumptions: true },
      { promote: true, by: "lead", signoffs: true },
      { days: 60 },
    ],
  },
  {
    useCase: "Refunds under 100 EUR",
    start: "supervised",
    daysAgo: 32,
    rollbackPlan: PLAN,
    targetInDays: 60,
    steps: [
      { days: 22 },
      {
        promote: true,
        by: "owner",
        signoffs: true,
        override:
          "Refunds are capped at 100 EUR and finance reviews the daily refund report; the approval step ships next sprint.",
      },
      { days: 10, metrics: { accuracy: 0.972 } },
      {
        breakAssumption:
          "Retries after a payment provider timeout issued a second refund for 14 orders: requests are not idempotent.",
        dimension: "integration",
        incident: {
          title: "Second refund issued for 14 orders after provider timeouts",
          category: "partial_failure",
        },
      },
    ],
  },
  {
    useCase: "Carrier invoice reconciliation",
    start: "shadow",
    daysAgo: 9,
    rollbackPlan: PLAN,
    steps: [
      { days: 7, metrics: { accuracy: 0.87 } },
      {
        promote: true,
        by: "owner",
        override:
          "Quarter-end backlog: finance approves every proposed dispute in supervised mode, so the accuracy shortfall cannot reach a carrier unreviewed.",
      },
      { days: 2 },
      {
        breakAssumption:
          "Two carriers renamed their surcharge codes last month; invoices with the new codes are not matched.",
        dimension: "data",
        incident: {
          title: "Invoices with renamed surcharge codes left unmatched",
          category: "stale_data",
        },
      },
    ],
  },
  {
    useCase: "Warehouse access requests",
    start: "proposed",
    daysAgo: 5,
    rollbackPlan: "",
    steps: [],
  },
  {
    useCase: "Delivery ETA replies",
    start: "sandbox",
    daysAgo: 38,
    rollbackPlan: PLAN,
    targetInDays: 90,
    steps: [
      { days: 10 },
      { promote: true, by: "lead" },
      { days: 13, metrics: { accuracy: 0.84 } },
      {
        breakAssumption:
          "Replies quoted delivery windows from a tracking cache refreshed every six hours, not the live feed the assessment described.",
        dimension: "data",
        question: "data_freshness",
        incident: {
          title: "Shadow replies quoted ETAs from a six-hour-old tracking cache",
          category: "stale_data",
        },
      },
      {
        rollback: "sandbox",
        reason:
          "Shadow replies quoted ETAs from a tracking cache up to six hours old; back to sandbox until the feed is read live.",
      },
      { days: 10 },
      { promote: true, by: "lead" },
      { days: 5 },
    ],
  },
  {
    useCase: "Customs document pre-check",
    start: "sandbox",
    daysAgo: 6,
    rollbackPlan: PLAN,
    steps: [{ days: 6 }],
  },
];

/** Deterministic noise, so every seed produces the same demo. */
function noise(seed: number): number {
  const x = Math.sin(seed * 12.9898) * 43_758.5453;
  return x - Math.floor(x) - 0.5;
}

function metricsFor(
  stage: Stage,
  from: Date,
  days: number,
  accuracy: number | undefined,
  seed: number,
): RunMetricInput[] {
  const p = PERFORMANCE[stage];
  const rows: RunMetricInput[] = [];
  for (let d = 0; d < days; d++) {
    const day = new Date(from.getTime() + d * DAY);
    if (day.getTime() > Date.now()) break;
    const n = seed + d;
    const attempted = Math.max(1, Math.round(p.volume * (1 + 0.25 * noise(n))));
    const acc = Math.min(0.999, (accuracy ?? p.accuracy) + 0.02 * noise(n + 7));
    const correct = Math.min(attempted, Math.round(attempted * acc));
    const overrides = Math.min(
      attempted,
      Math.round(attempted * Math.max(0, p.overrides * (1 + noise(n + 3)))),
    );
    const escalations = Math.min(attempted, Math.round(attempted * 0.01 * (1 + noise(n + 5))));
    rows.push({
      period: "day",
      periodStart: day.toISOString().slice(0, 10),
      attempted,
      correct,
      overrides,
      escalations,
    });
  }
  return rows;
}

/** The member context of a demo person in the demo organisation. */
export async function contextFor(email: string, orgSlug: string): Promise<MemberContext> {
  const user = await findUserByEmail(email);
  if (!user) throw new Error(`demo user ${email} is missing`);
  const ctx = await memberContext(user, orgSlug);
  if (!ctx) throw new Error(`${email} is not a member of ${orgSlug}`);
  return ctx;
}

/**
 * Adds the demo pilots with their history (backdated transitions, daily run metrics,
 * sign-offs, an override, a rollback, broken assumptions and a year of incidents), once per
 * use case.
 */
export async function seedDemoPilots(
  orgSlug: string,
): Promise<{ pilots: number; incidents: number }> {
  const owner = await contextFor("demo@example.com", orgSlug);
  const lead = await contextFor("lead@example.com", orgSlug);
  const byRole = { owner, lead };
  const useCases = await listUseCases(owner);
  const existing = new Set(
    (
      await db
        .select({ useCaseId: pilots.useCaseId })
        .from(pilots)
        .where(eq(pilots.orgId, owner.orgId))
    ).map((p) => p.useCaseId),
  );
  let added = 0;
  let incidentCount = 0;
  for (const [index, plan] of DEMO_PILOTS.entries()) {
    const useCase = useCases.find((u) => u.name === plan.useCase);
    if (!useCase || existing.has(useCase.id)) continue;
    const start = await pilotStartPoint(owner, useCase.id);
    if (!start) continue;
    let at = new Date(Date.now() - plan.daysAgo * DAY);
    const startDate = at.toISOString().slice(0, 10);
    // Starting beyond what the assessment's band allows takes an owner.
    const starter = stageIndex(plan.start) > stageIndex(start.maxStage) ? owner : lead;
    const pilot = await startPilot(starter, {
      useCaseId: useCase.id,
      ownerId: useCase.ownerId,
      stage: plan.start,
      startDate,
      targetDate: plan.targetInDays
        ? new Date(Date.now() + plan.targetInDays * DAY).toISOString().slice(0, 10)
        : null,
      rollbackPlan: plan.rollbackPlan,
      justification: startsLaterThanRecommended(plan.start, start.recommendedStage)
        ? "The same workflow ran for a quarter in the previous ticketing tool under human approval."
        : null,
    });
    // Fixture dates only: the pilot started in the past.
    await db
      .update(pilots)
      .set({ stageEnteredAt: at, createdAt: at })
      .where(eq(pilots.id, pilot.id));
    await db
      .update(pilotTransitions)
      .set({ createdAt: at })
      .where(eq(pilotTransitions.pilotId, pilot.id));

    for (const [s, step] of plan.steps.entries()) {
      const current = await getPilot(owner, pilot.id);
      if ("days" in step) {
        const accuracy = typeof step.metrics === "object" ? step.metrics.accuracy : undefined;
        const rows = metricsFor(current.stage, at, step.days, accuracy, index * 1000 + s * 100);
        if (rows.length) await recordRunMetrics(lead, pilot.id, rows, "csv");
        const logged = demoIncidents({
          stage: current.stage,
          from: at,
          days: step.days,
          volume: PERFORMANCE[current.stage].volume,
          stageEnteredAt: current.stageEnteredAt,
          pilotStartedAt: new Date(Date.now() - plan.daysAgo * DAY),
          seed: index * 10_000 + s * 1_000,
        });
        for (const incident of logged) await createIncident(lead, pilot.id, incident);
        incidentCount += logged.length;
        at = new Date(at.getTime() + step.days * DAY);
      } else if ("promote" in step) {
        const ctx = byRole[step.by];
        if (step.signoffs) {
          const gate = await getPilotGate(owner, pilot.id);
          const needed = gate.evaluation?.criteria.find((c) => c.kind === "required_signoffs");
          if (
            needed &&
            !gate.signoffs.some((x) => x.userId === (owner.actor as { userId: string }).userId)
          ) {
            await signOffCriterion(owner, pilot.id, {
              criterion: "required_signoffs",
              note: "Reviewed the run metrics and a sample of 50 actions with the team.",
            });
          }
        }
        const to = (await getPilotGate(owner, pilot.id)).nextStage;
        if (!to) throw new Error("nothing to promote to");
        await transitionPilot(
          ctx,
          pilot.id,
          {
            to,
            version: current.version,
            override: Boolean(step.override),
            justification: step.override,
          },
          at,
        );
      } else if ("rollback" in step) {
        await transitionPilot(
          lead,
          pilot.id,
          { to: step.rollback, version: current.version, justification: step.reason },
          at,
        );
      } else if ("verifyAssumptions" in step) {
        for (const a of await listPilotAssumptions(owner, pilot.id)) {
          await updatePilotAssumption(lead, pilot.id, a.id, {
            status: a.dimensionId === "governance" ? "accepted_risk" : "verified",
            evidence: "Checked against three months of shadow and supervised runs.",
            version: a.version,
          });
        }
      } else if ("breakAssumption" in step) {
        const open = (await listPilotAssumptions(owner, pilot.id)).filter(
          (a) => a.status === "open",
        );
        const first =
          open.find((a) => step.question && a.questionId === step.question) ??
          open.find((a) => a.dimensionId === step.dimension) ??
          open[0];
        if (first) {
          await updatePilotAssumption(lead, pilot.id, first.id, {
            status: "broken",
            evidence: step.breakAssumption,
            version: first.version,
          });
          const startedAt = new Date(at.getTime() - 2 * DAY + 9 * 3_600_000);
          const minutes = (m: number) => new Date(startedAt.getTime() + m * 60_000);
          await createIncident(lead, pilot.id, {
            ...step.incident,
            description: step.breakAssumption,
            severity: "sev2",
            detectionSource: "audit",
            outcome: "contained",
            startedAt,
            detectedAt: minutes(26 * 60),
            acknowledgedAt: minutes(26 * 60 + 12),
            mitigatedAt: minutes(27 * 60),
            resolvedAt: null,
            costEstimate: 1_400,
            assumptionId: first.id,
            actions: ["rollback"],
          });
          incidentCount++;
        }
      }
    }
    added++;
  }
  return { pilots: added, incidents: incidentCount };
}

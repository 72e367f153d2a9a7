import { and, asc, count, eq, getTableColumns } from "drizzle-orm";
import fc from "fast-check";
import { describe, expect, test } from "vitest";
import { POST as postIncident } from "@/app/api/v1/pilots/[id]/incidents/route";
import { POST as postRunMetrics } from "@/app/api/v1/pilots/[id]/run-metrics/route";
import { POST as webhook } from "@/app/api/v1/webhooks/incidents/route";
import { db } from "@/db";
import { createApiToken } from "@/db/queries/api-tokens";
import { auditEvents, idempotencyKeys, incidents, runMetrics } from "@/db/schema";
import {
  DETECTION_SOURCES,
  INCIDENT_ACTIONS,
  INCIDENT_CATEGORIES,
  OUTCOMES,
  SEVERITIES,
} from "@/lib/domain/incidents";
import { makeOrg, startedPilot } from "./fixtures";
import { call, noParams, params } from "./http";

// Reliability figure: senders retry. Whatever they deliver, however often and in whatever
// order, the organisation must end up exactly as if each had been delivered once, in order.

const DAY = 86_400_000;
const BASE = Date.UTC(2026, 0, 5, 8, 0, 0);
const at = (minutes: number) => new Date(BASE + minutes * 60_000).toISOString();
const day = (n: number) => new Date(BASE + n * DAY).toISOString().slice(0, 10);

type Delivery =
  | { kind: "incident"; key: string; body: Record<string, unknown> }
  | { kind: "metrics"; key: string; body: { metrics: Record<string, unknown>[] } }
  | { kind: "webhook"; externalId: string; body: Record<string, unknown> };

const incidentBody = (i: number) =>
  fc
    .record({
      title: fc.constantFrom("Refund issued twice", "Wrong tag", "Stale price shown"),
      severity: fc.constantFrom(...SEVERITIES),
      category: fc.constantFrom(...INCIDENT_CATEGORIES),
      detectionSource: fc.constantFrom(...DETECTION_SOURCES),
      outcome: fc.constantFrom(...OUTCOMES),
      startMinute: fc.integer({ min: 0, max: 60 * 24 * 30 }),
      detectedAfter: fc.option(fc.integer({ min: 0, max: 600 }), { nil: undefined }),
      costEstimate: fc.option(fc.nat({ max: 100_000 }), { nil: undefined }),
      // "Nothing yet" stands alone.
      actions: fc
        .uniqueArray(fc.constantFrom(...INCIDENT_ACTIONS), { maxLength: 2 })
        .map((actions) => (actions.includes("none") ? ["none" as const] : actions)),
    })
    .map(
      (r): Delivery => ({
        kind: "incident",
        key: `pager-incident-${i}`,
        body: {
          title: `${r.title} #${i}`,
          severity: r.severity,
          category: r.category,
          detectionSource: r.detectionSource,
          outcome: r.outcome,
          startedAt: at(r.startMinute),
          ...(r.detectedAfter === undefined
            ? {}
            : { detectedAt: at(r.startMinute + r.detectedAfter) }),
          ...(r.costEstimate === undefined ? {} : { costEstimate: r.costEstimate }),
          actions: r.actions,
        },
      }),
    );

// Each batch covers its own days: a later batch for the same day would replace an earlier
// one, which is order-dependent by design and not what a retry is.
const metricsBatch = (b: number) =>
  fc
    .array(
      fc
        .record({ attempted: fc.nat({ max: 500 }), c: fc.nat(), o: fc.nat(), e: fc.nat() })
        .map(({ attempted, c, o, e }) => ({
          attempted,
          correct: attempted === 0 ? 0 : c % (attempted + 1),
          overrides: attempted === 0 ? 0 : o % (attempted + 1),
          escalations: attempted === 0 ? 0 : e % (attempted + 1),
        })),
      { minLength: 1, maxLength: 3 },
    )
    .map(
      (rows): Delivery => ({
        kind: "metrics",
        key: `metrics-batch-${b}`,
        body: { metrics: rows.map((r, j) => ({ periodStart: day(b * 10 + j), ...r })) },
      }),
    );

// A pager's events for one incident: triggered, then acknowledged, then resolved. Each event
// carries only its own new time, with the same title, severity and start as the others.
const webhookLifecycle = (n: number) =>
  fc
    .record({
      severity: fc.constantFrom("P1", "P2", "critical", "warning", "3"),
      onPilot: fc.boolean(),
      startMinute: fc.integer({ min: 0, max: 60 * 24 * 30 }),
      events: fc.integer({ min: 1, max: 3 }),
    })
    .map(({ severity, onPilot, startMinute, events }) => {
      const common = {
        external_id: `PD-${n}`,
        title: `Pager alert ${n}`,
        description: "Raised by the pager",
        severity,
        started_at: at(startMinute),
        ...(onPilot ? { pilot_id: "PILOT" } : {}),
      };
      const steps = [
        {},
        { acknowledged_at: at(startMinute + 5) },
        { resolved_at: at(startMinute + 90) },
      ];
      return steps.slice(0, events).map(
        (extra): Delivery => ({
          kind: "webhook",
          externalId: common.external_id,
          body: { ...common, ...extra },
        }),
      );
    });

const scenarioArb = fc
  .record({
    incidents: fc.integer({ min: 1, max: 4 }),
    batches: fc.integer({ min: 1, max: 3 }),
    pagers: fc.integer({ min: 1, max: 3 }),
  })
  .chain(({ incidents: ni, batches, pagers }) =>
    fc.tuple(
      fc.tuple(...Array.from({ length: ni }, (_, i) => incidentBody(i))),
      fc.tuple(...Array.from({ length: batches }, (_, b) => metricsBatch(b))),
      fc.tuple(...Array.from({ length: pagers }, (_, n) => webhookLifecycle(n))),
    ),
  )
  .map(([a, b, c]): Delivery[] => [...a, ...b, ...c.flat()])
  .chain((deliveries) =>
    fc.record({
      deliveries: fc.constant(deliveries),
      // How often each delivery is sent (1–5), the order of all the sends, and how many go at once.
      times: fc.array(fc.integer({ min: 1, max: 5 }), {
        minLength: deliveries.length,
        maxLength: deliveries.length,
      }),
      order: fc.array(fc.double({ min: 0, max: 1, noNaN: true }), {
        minLength: deliveries.length * 5,
        maxLength: deliveries.length * 5,
      }),
      parallel: fc.integer({ min: 1, max: 3 }),
    }),
  );

async function freshPilotOrg() {
  const org = await makeOrg();
  const pilot = await startedPilot(org, {
    name: "Refunds",
    strength: "empty",
    stage: "proposed",
    startDate: "2026-01-01",
  });
  const { token } = await createApiToken(org.ctx.owner, { name: "pager", role: "contributor" });
  return { org, pilotId: pilot.id, token };
}

async function deliver(d: Delivery, pilotId: string, token: string): Promise<Response> {
  if (d.kind === "incident") {
    return postIncident(
      call(`/api/v1/pilots/${pilotId}/incidents`, token, "POST", d.body, {
        "idempotency-key": d.key,
      }),
      params({ id: pilotId }),
    );
  }
  if (d.kind === "metrics") {
    return postRunMetrics(
      call(`/api/v1/pilots/${pilotId}/run-metrics`, token, "POST", d.body, {
        "idempotency-key": d.key,
      }),
      params({ id: pilotId }),
    );
  }
  const body = d.body.pilot_id ? { ...d.body, pilot_id: pilotId } : d.body;
  return webhook(call("/api/v1/webhooks/incidents", token, "POST", body), noParams);
}

/** The organisation's ingested data without what legitimately differs (ids, clocks, versions). */
async function snapshot(orgId: string, pilotId: string) {
  const iso = (d: Date | null) => d?.toISOString() ?? null;
  const rows = await db
    .select()
    .from(incidents)
    .where(eq(incidents.orgId, orgId))
    .orderBy(asc(incidents.title));
  const incidentRows = rows
    .map((r) => ({
      onPilot: r.pilotId === pilotId,
      title: r.title,
      description: r.description,
      severity: r.severity,
      category: r.category,
      detectionSource: r.detectionSource,
      outcome: r.outcome,
      stage: r.stage,
      startedAt: iso(r.startedAt),
      detectedAt: iso(r.detectedAt),
      acknowledgedAt: iso(r.acknowledgedAt),
      mitigatedAt: iso(r.mitigatedAt),
      resolvedAt: iso(r.resolvedAt),
      costEstimate: r.costEstimate,
      assumptionId: r.assumptionId,
      actions: r.actions,
      externalId: r.externalId,
    }))
    .sort((a, b) => JSON.stringify(a).localeCompare(JSON.stringify(b)));
  // What was recorded for each period, without the row's identity, who recorded it and when.
  const {
    id,
    orgId: _org,
    pilotId: _pilot,
    recordedBy,
    createdAt,
    updatedAt,
    ...recorded
  } = getTableColumns(runMetrics);
  const metrics = await db
    .select(recorded)
    .from(runMetrics)
    .where(and(eq(runMetrics.orgId, orgId), eq(runMetrics.pilotId, pilotId)))
    .orderBy(asc(runMetrics.periodStart));
  const totals = metrics.reduce(
    (t, m) => ({
      attempted: t.attempted + m.attempted,
      correct: t.correct + m.correct,
      overrides: t.overrides + m.overrides,
      escalations: t.escalations + m.escalations,
    }),
    { attempted: 0, correct: 0, overrides: 0, escalations: 0 },
  );
  const [keys] = await db
    .select({ n: count() })
    .from(idempotencyKeys)
    .where(eq(idempotencyKeys.orgId, orgId));
  return { incidents: incidentRows, metrics, totals, idempotencyKeys: keys?.n ?? 0 };
}

describe("ingestion replayed 1–5 times in shuffled order", () => {
  test("leaves the same incidents, run metrics and webhook incidents as one delivery of each in order", async () => {
    let runs = 0;
    let sends = 0;
    let distinct = 0;
    await fc.assert(
      fc.asyncProperty(scenarioArb, async ({ deliveries, times, order, parallel }) => {
        const reference = await freshPilotOrg();
        for (const d of deliveries) {
          const res = await deliver(d, reference.pilotId, reference.token);
          expect(res.status, await res.clone().text()).toBeLessThan(300);
        }
        const expected = await snapshot(reference.org.orgId, reference.pilotId);

        const replay = await freshPilotOrg();
        const plan = deliveries
          .flatMap((d, i) => Array.from({ length: times[i]! }, (_, k) => ({ d, i, k })))
          .map((s) => ({ ...s, rank: order[s.i * 5 + s.k]! }))
          .sort((a, b) => a.rank - b.rank);
        const answers = new Map<number, Set<string>>();
        for (let start = 0; start < plan.length; start += parallel) {
          const group = plan.slice(start, start + parallel);
          const responses = await Promise.all(
            group.map((s) => deliver(s.d, replay.pilotId, replay.token)),
          );
          for (const [j, res] of responses.entries()) {
            const body = await res.text();
            expect(res.status, body).toBeLessThan(300);
            const s = group[j]!;
            if (s.d.kind === "webhook") continue;
            // Every retry of a key gets the first answer back.
            const seen = answers.get(s.i) ?? new Set<string>();
            seen.add(
              s.d.kind === "incident"
                ? JSON.parse(body).id
                : JSON.stringify(JSON.parse(body).data.map((m: { id: string }) => m.id)),
            );
            answers.set(s.i, seen);
          }
        }
        for (const seen of answers.values()) expect(seen.size).toBe(1);
        expect(await snapshot(replay.org.orgId, replay.pilotId)).toEqual(expected);
        runs++;
        sends += plan.length;
        distinct += deliveries.length;
      }),
      { numRuns: 10 },
    );
    console.log(
      `reliability: ingestion replayed 1–5× in shuffled order, ${runs} runs, ${sends} deliveries of ${distinct} distinct → 0 differences from one delivery each in order`,
    );
  }, 120_000);

  test("a redelivered webhook event changes nothing: same version, no new audit row", async () => {
    const { org, pilotId, token } = await freshPilotOrg();
    const event = {
      external_id: "PD-7",
      title: "Refund API timeouts",
      severity: "P2",
      pilot_id: pilotId,
      started_at: at(0),
      acknowledged_at: at(5),
    };
    const first = await webhook(call("/api/v1/webhooks/incidents", token, "POST", event), noParams);
    expect(first.status).toBe(201);
    const created = await first.json();
    const audit = async () =>
      (
        await db
          .select({ n: count() })
          .from(auditEvents)
          .where(and(eq(auditEvents.orgId, org.orgId), eq(auditEvents.entityId, created.id)))
      )[0]?.n;
    const before = await audit();
    for (let i = 0; i < 3; i++) {
      const again = await webhook(
        call("/api/v1/webhooks/incidents", token, "POST", event),
        noParams,
      );
      expect(again.status).toBe(200);
      expect(await again.json()).toMatchObject({ id: created.id, version: created.version });
    }
    expect(await audit()).toBe(before);
    const resolved = await webhook(
      call("/api/v1/webhooks/incidents", token, "POST", { ...event, resolved_at: at(60) }),
      noParams,
    );
    expect(await resolved.json()).toMatchObject({
      id: created.id,
      version: created.version + 1,
      resolvedAt: at(60),
    });
    expect(await audit()).toBe((before ?? 0) + 1);
  });
});

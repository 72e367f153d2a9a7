import { eq, sql } from "drizzle-orm";
import { describe, expect, test } from "vitest";
import { db } from "@/db";
import { getIncidentMetrics } from "@/db/queries/incident-metrics";
import { rebuildIncidentRollups } from "@/db/queries/incident-rollups";
import { ingestWebhookIncident } from "@/db/queries/incident-webhooks";
import {
  createIncident,
  createIncidentIdempotent,
  reopenIncident,
  resolveIncident,
  updateIncident,
} from "@/db/queries/incident-writes";
import { getIncident, listIncidents } from "@/db/queries/incidents";
import type { IncidentFilters } from "@/db/queries/internal/incidents";
import { pilots as pilotsTable } from "@/db/schema";
import {
  DETECTION_SOURCES,
  INCIDENT_CATEGORIES,
  type IncidentInput,
  OUTCOMES,
  SEVERITIES,
} from "@/lib/domain/incidents";
import { makeOrg, startedPilot, type TestOrg, uniq } from "./fixtures";
import { recomputedRollups, storedRollups } from "./rollups";

const MIN = 60_000;
const DAY = 86_400_000;

/** Deterministic pseudo-random numbers in [0, 1). */
function random(seed: number) {
  let s = seed;
  return () => {
    s = (s * 1_103_515_245 + 12_345) % 2_147_483_648;
    return s / 2_147_483_648;
  };
}

// A start a few seconds past the minute, so no incident starts exactly at midnight and a
// filter from midnight + 1 ms (which the rollups cannot answer) selects the same incidents.
const startAt = (next: () => number, now: number) =>
  new Date(now - Math.floor(next() * 30 * 24 * 60) * MIN - 60 * MIN + 7_000);

function timeline(next: () => number, startedAt: Date, now: number) {
  const after = (at: Date | null, max: number) =>
    at && next() < 0.8
      ? new Date(Math.min(now - MIN, at.getTime() + Math.floor(next() * max) * MIN))
      : null;
  const detectedAt = after(startedAt, 600);
  const acknowledgedAt = after(detectedAt, 90);
  const mitigatedAt = after(acknowledgedAt, 300);
  const resolvedAt = after(mitigatedAt, 3000);
  return { detectedAt, acknowledgedAt, mitigatedAt, resolvedAt };
}

function newIncident(next: () => number, now: number): IncidentInput {
  const startedAt = startAt(next, now);
  const times = timeline(next, startedAt, now);
  return {
    title: `Incident ${uniq()}`,
    description: "",
    severity: SEVERITIES[Math.floor(next() * 4)]!,
    category: INCIDENT_CATEGORIES[Math.floor(next() * INCIDENT_CATEGORIES.length)]!,
    detectionSource: DETECTION_SOURCES[Math.floor(next() * DETECTION_SOURCES.length)]!,
    outcome: OUTCOMES[Math.floor(next() * 4)]!,
    startedAt,
    ...times,
    resolutionNote: times.resolvedAt ? "Fixed." : null,
    costEstimate: next() < 0.5 ? Math.floor(next() * 5000) : null,
    assumptionId: null,
    actions: [],
  };
}

/** The metrics from the rollups and from the incidents themselves, for the same filters. */
async function bothWays(org: TestOrg, filters: IncidentFilters) {
  const ctx = org.ctx.viewer;
  const plus1ms = (d: Date | undefined) => (d ? new Date(d.getTime() + 1) : undefined);
  const out = [];
  for (const groupBy of ["week", "month"] as const) {
    const fromRollups = await getIncidentMetrics(ctx, filters, groupBy);
    // A start 1 ms past midnight is one the rollups cannot answer: this reads the incidents.
    const fromIncidents = await getIncidentMetrics(
      ctx,
      { ...filters, from: plus1ms(filters.from) ?? new Date(1), to: plus1ms(filters.to) },
      groupBy,
    );
    out.push({ fromRollups, fromIncidents });
  }
  return out;
}

describe("daily incident rollups", () => {
  test("after random creates, updates, resolves and reopens they equal a recomputation, and so do the metrics", async () => {
    const org = await makeOrg();
    const now = Date.now();
    const startDate = new Date(now - 60 * DAY).toISOString().slice(0, 10);
    const pilots = [
      await startedPilot(org, { startDate }),
      await startedPilot(org, { startDate, stage: "shadow" }),
    ];
    const ctx = org.ctx.contributor;
    const next = random(20_261_207);
    const ids: string[] = [];
    const events: Omit<Parameters<typeof ingestWebhookIncident>[1], "severity">[] = [];
    for (let step = 0; step < 90; step++) {
      const roll = next();
      const pilot = pilots[Math.floor(next() * 2)]!;
      if (ids.length < 5 || roll < 0.3) {
        const onPilot = next() < 0.8 ? pilot.id : null;
        const created = await createIncident(ctx, onPilot, newIncident(next, now));
        ids.push(created.id);
      } else if (roll < 0.38) {
        const input = newIncident(next, now);
        const body = { ...input, startedAt: input.startedAt.toISOString() };
        const created = await createIncidentIdempotent(ctx, pilot.id, input, uniq(), body);
        ids.push(created.body.id);
      } else if (roll < 0.46) {
        // A pager's event: a new one, or one sent again with another severity.
        const again = events.length > 0 && next() < 0.4;
        const startedAt = startAt(next, now);
        const event = again
          ? events[Math.floor(next() * events.length)]!
          : {
              externalId: `ext-${uniq()}`,
              pilotId: pilot.id,
              title: `Paged ${uniq()}`,
              startedAt,
              ...timeline(next, startedAt, now),
            };
        if (!again) events.push(event);
        const { incident } = await ingestWebhookIncident(ctx, {
          ...event,
          severity: SEVERITIES[Math.floor(next() * 4)]!,
        });
        if (!ids.includes(incident.id)) ids.push(incident.id);
      } else {
        const id = ids[Math.floor(next() * ids.length)]!;
        const current = await getIncident(ctx, id);
        const kind = next();
        if (kind < 0.25 && !current.resolvedAt) {
          await resolveIncident(ctx, id, { version: current.version, note: "Done." });
        } else if (kind < 0.35 && current.resolvedAt) {
          await reopenIncident(ctx, id, { version: current.version });
        } else {
          const startedAt = next() < 0.5 ? startAt(next, now) : current.startedAt;
          const moved = next() < 0.5;
          await updateIncident(ctx, id, {
            version: current.version,
            severity: SEVERITIES[Math.floor(next() * 4)]!,
            category: INCIDENT_CATEGORIES[Math.floor(next() * INCIDENT_CATEGORIES.length)]!,
            outcome: OUTCOMES[Math.floor(next() * 4)]!,
            costEstimate: next() < 0.5 ? Math.floor(next() * 9000) : null,
            ...(moved
              ? {
                  startedAt,
                  ...timeline(next, startedAt, now),
                  resolutionNote: "Moved.",
                }
              : {}),
          });
        }
      }
    }
    // Writers of the same rollup row at once (one pilot, one day) lose no update.
    const sameDay = new Date(now - 3 * DAY + 7_000);
    await Promise.all(
      Array.from({ length: 12 }, () =>
        createIncident(ctx, pilots[0]!.id, {
          ...newIncident(next, now),
          startedAt: sameDay,
          ...timeline(next, sameDay, now),
          resolutionNote: "Fixed.",
        }),
      ),
    );

    const stored = await storedRollups(org.orgId);
    expect(stored.incident_daily_rollups!.length).toBeGreaterThan(10);
    expect(stored.incident_org_daily_rollups!.length).toBeGreaterThan(10);
    expect(stored.incident_pilot_rollups!.length).toBeGreaterThanOrEqual(2);
    expect(stored).toEqual(await recomputedRollups(org.orgId));

    const [{ ownerId: pilotOwner } = { ownerId: null }] = await db
      .select({ ownerId: pilotsTable.ownerId })
      .from(pilotsTable)
      .where(eq(pilotsTable.id, pilots[0]!.id));
    const midnight = (daysAgo: number) => new Date(Math.floor(now / DAY) * DAY - daysAgo * DAY);
    for (const filters of [
      {},
      { pilotId: pilots[0]!.id },
      { from: midnight(20), to: midnight(5) },
      { pilotId: pilots[1]!.id, from: midnight(14) },
      { pilotStage: "shadow" as const },
      { pilotStage: "shadow" as const, from: midnight(20), to: midnight(5) },
      { ownerId: pilotOwner ?? undefined },
      { ownerId: org.ctx.viewer.actor.type === "user" ? org.ctx.viewer.actor.userId : undefined },
    ]) {
      for (const { fromRollups, fromIncidents } of await bothWays(org, filters)) {
        expect(fromRollups).toEqual(fromIncidents);
      }
    }
    // The list's total comes from the rollups where they can tell, and equals a count.
    for (const filters of [
      {},
      { severity: "sev2" as const },
      { category: "stale_data" as const },
      { outcome: "contained" as const },
      { status: "open" as const },
      { status: "resolved" as const },
      { pilotId: pilots[1]!.id, from: midnight(20), to: midnight(5) },
      { severity: "sev1" as const, status: "open" as const },
    ]) {
      const listed = await listIncidents(org.ctx.viewer, filters, { limit: 1 });
      const counted = await listIncidents(
        org.ctx.viewer,
        { ...filters, from: new Date((filters.from?.getTime() ?? 0) + 1) },
        { limit: 1 },
      );
      expect(listed.total).toBe(counted.total);
    }
    expect((await listIncidents(org.ctx.viewer, {})).total).toBe(ids.length + 12);

    const whole = await getIncidentMetrics(org.ctx.viewer, {}, "week");
    expect(whole.summary.count).toBe(ids.length + 12);
    expect(whole.summary.timeToResolve.count).toBeGreaterThan(0);

    // A rebuild from scratch changes nothing.
    await rebuildIncidentRollups(db, org.orgId);
    expect(await storedRollups(org.orgId)).toEqual(stored);
  });

  test("a bulk load is counted once the rollups are rebuilt", async () => {
    const org = await makeOrg();
    const pilot = await startedPilot(org, { startDate: "2026-01-01" });
    await db.execute(sql`
      insert into incidents (org_id, pilot_id, title, severity, category, detection_source, outcome, stage, started_at, detected_at)
      select ${org.orgId}, ${pilot.id}, 'Bulk ' || g, 'sev2', 'stale_data', 'audit', 'prevented', 'sandbox',
        timestamptz '2026-02-01 10:00Z' + g * interval '5 hours', timestamptz '2026-02-01 10:30Z' + g * interval '5 hours'
      from generate_series(1, 40) g`);
    expect((await getIncidentMetrics(org.ctx.viewer, {}, "week")).summary.count).toBe(0);
    await rebuildIncidentRollups(db, org.orgId);
    const metrics = await getIncidentMetrics(org.ctx.viewer, {}, "week");
    expect(metrics.summary.count).toBe(40);
    expect(metrics.summary.timeToDetect).toEqual({ median: 30, p90: 30, count: 40 });
    expect(await storedRollups(org.orgId)).toEqual(await recomputedRollups(org.orgId));
  });
});

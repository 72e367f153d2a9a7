import { describe, expect, test } from "vitest";
import { db } from "@/db";
import { getIncidentMetrics } from "@/db/queries/incident-metrics";
import { rebuildIncidentRollups } from "@/db/queries/incident-rollups";
import { recordRunMetrics } from "@/db/queries/run-metrics";
import { incidents } from "@/db/schema";
import {
  caughtBeforeImpact,
  type IncidentForMetrics,
  OUTCOMES,
  periodStart,
  SEVERITIES,
  timeToAcknowledge,
  timeToDetect,
  timeToMitigate,
  timeToResolve,
  totalCost,
} from "@/lib/domain/incidents";
import { makeOrg, startedPilot } from "./fixtures";

const MIN = 60_000;

/** Deterministic pseudo-random numbers in [0, 1). */
function random(seed: number) {
  let s = seed;
  return () => {
    s = (s * 1_103_515_245 + 12_345) % 2_147_483_648;
    return s / 2_147_483_648;
  };
}

describe("incident metrics in SQL match the reference definitions", () => {
  test("by week and by month, with unresolved incidents and missing timestamps", async () => {
    const org = await makeOrg();
    const pilot = await startedPilot(org, { startDate: "2026-01-01" });
    const next = random(42);
    const rows: (IncidentForMetrics & {
      severity: (typeof SEVERITIES)[number];
      startedAt: Date;
    })[] = [];
    for (let i = 0; i < 120; i++) {
      const startedAt = new Date(Date.UTC(2026, 0, 1) + Math.floor(next() * 200 * 24 * 60) * MIN);
      const detectedAt =
        next() < 0.9 ? new Date(startedAt.getTime() + Math.floor(next() * 600) * MIN) : null;
      const acknowledgedAt =
        detectedAt && next() < 0.8
          ? new Date(detectedAt.getTime() + Math.floor(next() * 90) * MIN)
          : null;
      const mitigatedAt =
        acknowledgedAt && next() < 0.8
          ? new Date(acknowledgedAt.getTime() + Math.floor(next() * 300) * MIN)
          : null;
      const resolvedAt =
        mitigatedAt && next() < 0.7
          ? new Date(mitigatedAt.getTime() + Math.floor(next() * 3000) * MIN)
          : null;
      rows.push({
        severity: SEVERITIES[Math.floor(next() * 4)]!,
        outcome: OUTCOMES[Math.floor(next() * 4)]!,
        costEstimate: next() < 0.5 ? Math.floor(next() * 5000) : null,
        startedAt,
        detectedAt,
        acknowledgedAt,
        mitigatedAt,
        resolvedAt,
      });
    }
    await db.insert(incidents).values(
      rows.map((r, i) => ({
        orgId: org.orgId,
        pilotId: pilot.id,
        title: `Incident ${i}`,
        category: i % 3 === 0 ? ("stale_data" as const) : ("incorrect_output" as const),
        detectionSource: "human_reviewer" as const,
        stage: "sandbox" as const,
        ...r,
        outcome: r.outcome!,
      })),
    );
    // Loaded in bulk, not through the write functions: the rollups are rebuilt.
    await rebuildIncidentRollups(db, org.orgId);
    await recordRunMetrics(
      org.ctx.contributor,
      pilot.id,
      [
        {
          period: "week",
          periodStart: "2026-02-02",
          attempted: 4000,
          correct: 3900,
          overrides: 10,
          escalations: 1,
        },
        {
          period: "week",
          periodStart: "2026-03-02",
          attempted: 2500,
          correct: 2400,
          overrides: 10,
          escalations: 1,
        },
      ],
      "api",
    );

    for (const groupBy of ["week", "month"] as const) {
      const metrics = await getIncidentMetrics(org.ctx.viewer, { pilotId: pilot.id }, groupBy);
      const groups = new Map<string, typeof rows>();
      for (const r of rows) {
        const key = periodStart(r.startedAt, groupBy).toISOString().slice(0, 10);
        groups.set(key, [...(groups.get(key) ?? []), r]);
      }
      expect(metrics.series.map((p) => p.period)).toEqual([...groups.keys()].sort());
      for (const point of metrics.series) {
        const group = groups.get(point.period)!;
        expect(point.count).toBe(group.length);
        expect(point.open).toBe(group.filter((g) => !g.resolvedAt).length);
        for (const sev of SEVERITIES) {
          expect(point.bySeverity[sev]).toBe(group.filter((g) => g.severity === sev).length);
        }
        const pairs = [
          [point.timeToDetect, timeToDetect(group)],
          [point.timeToAcknowledge, timeToAcknowledge(group)],
          [point.timeToMitigate, timeToMitigate(group)],
          [point.timeToResolve, timeToResolve(group)],
        ] as const;
        for (const [sqlValue, reference] of pairs) {
          expect(sqlValue.count).toBe(reference.count);
          if (reference.median === null) expect(sqlValue.median).toBeNull();
          else expect(sqlValue.median).toBeCloseTo(reference.median, 6);
          if (reference.p90 === null) expect(sqlValue.p90).toBeNull();
          else expect(sqlValue.p90).toBeCloseTo(reference.p90, 6);
        }
        expect(point.caughtBeforeImpact).toBeCloseTo(caughtBeforeImpact(group)!, 9);
        expect(point.totalCost).toBe(totalCost(group));
      }
      expect(metrics.summary.count).toBe(rows.length);
      expect(metrics.summary.timeToResolve.median).toBeCloseTo(timeToResolve(rows).median!, 6);
      expect(metrics.summary.actionsAttempted).toBe(6500);
      expect(metrics.summary.ratePer1000).toBeCloseTo((rows.length / 6500) * 1000, 9);
    }

    const weekly = await getIncidentMetrics(org.ctx.viewer, { pilotId: pilot.id }, "week");
    const feb2 = weekly.series.find((p) => p.period === "2026-02-02");
    if (feb2) expect(feb2.ratePer1000).toBeCloseTo((feb2.count / 4000) * 1000, 9);
    expect(weekly.byCategory.reduce((a, c) => a + c.count, 0)).toBe(rows.length);
    expect(weekly.byStage).toEqual([
      {
        stage: "sandbox",
        count: rows.length,
        actionsAttempted: 6500,
        ratePer1000: (rows.length / 6500) * 1000,
      },
    ]);
    expect(weekly.byPilot).toEqual([
      expect.objectContaining({ pilotId: pilot.id, count: rows.length }),
    ]);

    // Filters apply to every number, and another organisation sees none of it.
    const sev1 = await getIncidentMetrics(
      org.ctx.viewer,
      { pilotId: pilot.id, severity: "sev1" },
      "month",
    );
    expect(sev1.summary.count).toBe(rows.filter((r) => r.severity === "sev1").length);
    const other = await makeOrg();
    expect((await getIncidentMetrics(other.ctx.owner, {}, "month")).summary.count).toBe(0);
  });

  test("no incidents: empty series, null medians, zero cost", async () => {
    const org = await makeOrg();
    const metrics = await getIncidentMetrics(org.ctx.viewer, {}, "week");
    expect(metrics.series).toEqual([]);
    expect(metrics.summary).toMatchObject({
      count: 0,
      totalCost: 0,
      caughtBeforeImpact: null,
      ratePer1000: null,
    });
    expect(metrics.summary.timeToResolve).toEqual({ median: null, p90: null, count: 0 });
  });
});

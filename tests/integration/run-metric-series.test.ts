import { beforeAll, expect, test } from "vitest";
import { listRunMetricSeries, recordRunMetrics } from "@/db/queries/run-metrics";
import { failure, makeOrg, startedPilot, type TestOrg } from "./fixtures";

const DAY = 86_400_000;
const dayOf = (t: number) => new Date(t).toISOString().slice(0, 10);

let org: TestOrg;
let other: TestOrg;
/** Pilots started `days` ago with a run metrics row for each day since. */
const pilots: Record<string, { id: string; days: number }> = {};

async function pilotWithDays(o: TestOrg, days: number) {
  const start = Date.now() - days * DAY;
  const pilot = await startedPilot(o, { startDate: dayOf(start) });
  const rows = Array.from({ length: days }, (_, i) => ({
    period: "day" as const,
    periodStart: dayOf(start + i * DAY),
    attempted: 100,
    correct: 90 + (i % 10),
    overrides: i % 5,
    escalations: 1,
  }));
  await recordRunMetrics(o.ctx.lead, pilot.id, rows, "api");
  return { id: pilot.id, days };
}

beforeAll(async () => {
  [org, other] = [await makeOrg(), await makeOrg()];
  pilots.short = await pilotWithDays(org, 20);
  pilots.season = await pilotWithDays(org, 120);
  pilots.year = await pilotWithDays(org, 365);
});

test("a pilot with few recorded periods shows each of them", async () => {
  const { rows, unit } = await listRunMetricSeries(org.ctx.viewer, pilots.short!.id);
  expect(unit).toBe("recorded");
  expect(rows).toHaveLength(20);
  expect(rows[0]!.accuracy).toBeCloseTo(0.9);
});

test("past 30 periods the database adds them up per week, per month past 30 weeks, and no action is lost", async () => {
  const season = await listRunMetricSeries(org.ctx.viewer, pilots.season!.id);
  expect(season.unit).toBe("week");
  expect(season.rows.length).toBeGreaterThanOrEqual(17);
  expect(season.rows.length).toBeLessThanOrEqual(19);
  const year = await listRunMetricSeries(org.ctx.viewer, pilots.year!.id);
  expect(year.unit).toBe("month");
  expect(year.rows.length).toBeGreaterThanOrEqual(12);
  expect(year.rows.length).toBeLessThanOrEqual(14);
  for (const { rows, days } of [
    { rows: season.rows, days: 120 },
    { rows: year.rows, days: 365 },
  ]) {
    expect(rows.reduce((n, r) => n + r.attempted, 0)).toBe(100 * days);
    expect(rows.reduce((n, r) => n + r.escalations, 0)).toBe(days);
    // Oldest first, and each row's rates are its own sums'.
    expect([...rows].map((r) => r.periodStart).sort()).toEqual(rows.map((r) => r.periodStart));
    for (const r of rows) expect(r.accuracy).toBeCloseTo(r.correct / r.attempted, 10);
  }
});

test("another organisation's member is told the pilot is not found", async () => {
  expect((await failure(listRunMetricSeries(other.ctx.owner, pilots.year!.id))).code).toBe(
    "not_found",
  );
});

import { describe, expect, test } from "vitest";
import {
  caughtBeforeImpact,
  type IncidentForMetrics,
  percentileCont,
  periodStart,
  timeToAcknowledge,
  timeToDetect,
  timeToResolve,
  totalCost,
  validateIncidentTimeline,
} from "@/lib/domain/incidents";

const t = (minutes: number) => new Date(Date.UTC(2026, 10, 2, 9, 0) + minutes * 60_000);

describe("percentileCont (as PostgreSQL computes it)", () => {
  test.each<[number[], number, number | null]>([
    [[], 0.5, null],
    [[7], 0.5, 7],
    [[7], 0.9, 7],
    [[1, 3], 0.5, 2],
    [[4, 1, 3, 2], 0.5, 2.5],
    [[10, 20, 30, 40, 50], 0.9, 46],
    [[1, 2, 3, 4, 5, 6, 7, 8, 9, 10], 0.9, 9.1],
  ])("%j at %d → %d", (values, fraction, expected) => {
    const result = percentileCont(values, fraction);
    if (expected === null) expect(result).toBeNull();
    else expect(result).toBeCloseTo(expected, 10);
  });
});

describe("durations", () => {
  const incidents: IncidentForMetrics[] = [
    {
      startedAt: t(0),
      detectedAt: t(10),
      acknowledgedAt: t(15),
      resolvedAt: t(70),
      outcome: "contained",
      costEstimate: 100,
    },
    {
      startedAt: t(0),
      detectedAt: t(30),
      acknowledgedAt: null,
      resolvedAt: null,
      outcome: "customer_impact",
      costEstimate: null,
    },
    {
      startedAt: null,
      detectedAt: t(5),
      acknowledgedAt: t(6),
      resolvedAt: t(35),
      outcome: null,
      costEstimate: 50,
    },
  ];

  test("time to detect uses only incidents with both times", () => {
    expect(timeToDetect(incidents)).toEqual({ median: 20, p90: 28, count: 2 });
  });
  test("time to acknowledge skips unacknowledged incidents", () => {
    expect(timeToAcknowledge(incidents)).toEqual({
      median: 3,
      p90: expect.closeTo(4.6, 10),
      count: 2,
    });
  });
  test("time to resolve counts resolved incidents only", () => {
    expect(timeToResolve(incidents)).toEqual({ median: 45, p90: expect.closeTo(57, 10), count: 2 });
  });
  test("no incidents: null, not NaN", () => {
    expect(timeToResolve([])).toEqual({ median: null, p90: null, count: 0 });
  });
  test("caught before impact and cost", () => {
    expect(caughtBeforeImpact(incidents)).toBe(0.5);
    expect(caughtBeforeImpact([])).toBeNull();
    expect(totalCost(incidents)).toBe(150);
  });
});

describe("timeline validation", () => {
  test("in order, with gaps, is fine", () => {
    expect(
      validateIncidentTimeline({ startedAt: t(0), detectedAt: t(5), resolvedAt: t(60) }),
    ).toEqual({});
    expect(validateIncidentTimeline({ detectedAt: t(5), acknowledgedAt: t(5) })).toEqual({});
  });
  test("each field that goes backwards is named", () => {
    expect(
      validateIncidentTimeline({
        startedAt: t(10),
        detectedAt: t(5),
        mitigatedAt: t(20),
        resolvedAt: t(15),
      }),
    ).toEqual({
      detectedAt: "Detected must not be earlier than started.",
      resolvedAt: "Resolved must not be earlier than mitigated.",
    });
  });
});

describe("periodStart (UTC, weeks start on Monday)", () => {
  test.each<[string, "week" | "month", string]>([
    ["2026-11-24T15:00:00Z", "week", "2026-11-23T00:00:00.000Z"],
    ["2026-11-23T00:00:00Z", "week", "2026-11-23T00:00:00.000Z"],
    ["2026-11-22T23:59:59Z", "week", "2026-11-16T00:00:00.000Z"],
    ["2027-01-01T10:00:00Z", "week", "2026-12-28T00:00:00.000Z"],
    ["2026-11-24T15:00:00Z", "month", "2026-11-01T00:00:00.000Z"],
    ["2026-12-31T23:59:59Z", "month", "2026-12-01T00:00:00.000Z"],
  ])("%s by %s → %s", (input, period, expected) => {
    expect(periodStart(new Date(input), period).toISOString()).toBe(expected);
  });
});

import { describe, expect, test } from "vitest";
import { incidentFormSchema, toFilters } from "@/app/o/[org]/incidents/schemas";
import { formatMinutes } from "@/lib/format";
import { periodRange } from "@/lib/periods";

const base = {
  pilotId: "",
  title: "Refund issued twice",
  description: "",
  severity: "sev2",
  category: "partial_failure",
  detectionSource: "automated_check",
  outcome: "contained",
  startedAt: "2026-11-24T09:12",
  detectedAt: "",
  acknowledgedAt: "",
  mitigatedAt: "",
  resolvedAt: "",
  costEstimate: "",
};

describe("incident form", () => {
  test("an organisation-wide incident: the disabled assumption select sends nothing", () => {
    const parsed = incidentFormSchema.safeParse(base);
    expect(parsed.success).toBe(true);
    expect(parsed.data).toMatchObject({
      pilotId: null,
      assumptionId: null,
      detectedAt: null,
      costEstimate: null,
      startedAt: new Date("2026-11-24T09:12:00Z"),
    });
  });

  test("times are read as UTC; costs accept thousands separators", () => {
    const parsed = incidentFormSchema.parse({
      ...base,
      detectedAt: "2026-11-24T09:20",
      costEstimate: "1,200",
    });
    expect(parsed.detectedAt?.toISOString()).toBe("2026-11-24T09:20:00.000Z");
    expect(parsed.costEstimate).toBe(1200);
  });

  test("each wrong field gets its own message", () => {
    const parsed = incidentFormSchema.safeParse({
      ...base,
      title: "x",
      severity: "",
      detectedAt: "yesterday",
      costEstimate: "€12",
      assumptionId: "not-an-id",
    });
    expect(parsed.success).toBe(false);
    const fields = Object.fromEntries(
      parsed.error!.issues.map((i) => [i.path.join("."), i.message]),
    );
    expect(fields).toEqual({
      title: "Give the incident a title of at least 3 characters.",
      severity: "Choose a severity.",
      detectedAt: "Enter when it was detected, as a date and time.",
      costEstimate: "Enter a whole amount without currency symbols, like 1200.",
      assumptionId: "Choose an assumption from the list.",
    });
  });

  test("the period filter's last day is included", () => {
    const f = toFilters({ from: "2026-11-01", to: "2026-11-30" } as Parameters<
      typeof toFilters
    >[0]);
    expect(f.from?.toISOString()).toBe("2026-11-01T00:00:00.000Z");
    expect(f.to?.toISOString()).toBe("2026-12-01T00:00:00.000Z");
  });
});

describe("formatMinutes", () => {
  test.each([
    [null, "—"],
    [Number.NaN, "—"],
    [0, "0 min"],
    [44.6, "45 min"],
    [60, "1 h"],
    [200, "3 h 20 min"],
    [24 * 60, "1 d"],
    [52 * 60 + 10, "2 d 4 h"],
  ])("%j minutes → %j", (minutes, text) => {
    expect(formatMinutes(minutes)).toBe(text);
  });
});

describe("periodRange", () => {
  test("weeks and months between two period starts, both ends included", () => {
    expect(periodRange("2026-11-02", "2026-11-23", "week")).toEqual([
      "2026-11-02",
      "2026-11-09",
      "2026-11-16",
      "2026-11-23",
    ]);
    expect(periodRange("2025-11-01", "2026-02-01", "month")).toEqual([
      "2025-11-01",
      "2025-12-01",
      "2026-01-01",
      "2026-02-01",
    ]);
    expect(periodRange("2026-11-02", "2026-11-02", "week")).toEqual(["2026-11-02"]);
    expect(periodRange("2020-01-06", "2026-01-05", "week", 10)).toHaveLength(10);
  });
});

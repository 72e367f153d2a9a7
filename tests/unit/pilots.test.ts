import { describe, expect, test } from "vitest";
import { newPilotQuerySchema } from "@/app/o/[org]/pilots/schemas";
import { DEFAULT_GATE_CRITERIA } from "@/lib/domain/gates";
import { effectiveGateCriteria, gateSettingsSchema } from "@/lib/domain/gates/settings";
import {
  brokenAssumptionWarning,
  nextStage,
  normalisePeriodStart,
  periodBeforeStartError,
  periodEnd,
  rollbackTargets,
  runMetricErrors,
  startsLaterThanRecommended,
  useCaseStatusForPilot,
  weekStart,
} from "@/lib/domain/pilots";
import { parseRunMetricsCsv, runMetricsToCsv } from "@/lib/domain/pilots/csv";

describe("stages of a pilot", () => {
  test.each([
    ["proposed", "sandbox"],
    ["limited_production", "production"],
    ["production", null],
  ] as const)("after %s comes %s", (stage, next) => {
    expect(nextStage(stage)).toBe(next);
  });

  test("a rollback goes to any earlier stage except proposed", () => {
    expect(rollbackTargets("production")).toEqual([
      "sandbox",
      "shadow",
      "supervised",
      "limited_production",
    ]);
    expect(rollbackTargets("sandbox")).toEqual([]);
  });

  test("a broken assumption warns only past shadow", () => {
    expect(brokenAssumptionWarning("shadow", 3)).toBe(false);
    expect(brokenAssumptionWarning("supervised", 1)).toBe(true);
    expect(brokenAssumptionWarning("production", 0)).toBe(false);
  });

  test("starting later than recommended is detected", () => {
    expect(startsLaterThanRecommended("shadow", "sandbox")).toBe(true);
    expect(startsLaterThanRecommended("sandbox", "shadow")).toBe(false);
    expect(startsLaterThanRecommended("shadow", "shadow")).toBe(false);
  });

  test("the use case's status follows its pilot", () => {
    expect(useCaseStatusForPilot("production", "active")).toBe("in_production");
    expect(useCaseStatusForPilot("shadow", "paused")).toBe("piloting");
    expect(useCaseStatusForPilot("production", "retired")).toBe("on_hold");
  });
});

describe("run metrics", () => {
  // 2026-03-04 is a Wednesday; its week runs from Monday 2 to Sunday 8 March.
  test.each([
    ["day", "2026-03-04", null],
    ["day", "2026-03-05", null],
    [
      "day",
      "2026-03-03",
      "2026-03-03 is before the pilot started on 2026-03-04: run metrics cover the pilot from its start date on.",
    ],
    ["week", "2026-03-02", null],
    ["week", "2026-03-08", null],
    [
      "week",
      "2026-03-01",
      "The week of 2026-02-23 ends before the pilot started on 2026-03-04: run metrics cover the pilot from its start date on.",
    ],
  ] as const)("a %s of %s for a pilot started on 2026-03-04: %s", (period, start, message) => {
    expect(periodBeforeStartError(period, start, "2026-03-04")).toBe(message);
  });

  test("a week ends on its Sunday", () => {
    expect(periodEnd("week", "2026-03-04")).toBe("2026-03-08");
    expect(periodEnd("day", "2026-03-04")).toBe("2026-03-04");
  });

  test("a CSV import names each row dated before the pilot's start, and keeps none", () => {
    const { rows, problems } = parseRunMetricsCsv(
      "period_start,attempted,correct,overrides\n2026-03-05,10,9,1\n2026-03-01,10,9,1\n2026-03-06,10,9,1\n2026-02-28,4,4,0\n",
      "day",
      "2026-03-04",
    );
    expect(rows).toEqual([]);
    expect(problems).toEqual([
      {
        line: 3,
        message:
          "2026-03-01 is before the pilot started on 2026-03-04: run metrics cover the pilot from its start date on.",
      },
      {
        line: 5,
        message:
          "2026-02-28 is before the pilot started on 2026-03-04: run metrics cover the pilot from its start date on.",
      },
    ]);
  });

  test("counts cannot exceed the actions attempted", () => {
    expect(runMetricErrors({ attempted: 10, correct: 10, overrides: 10, escalations: 0 })).toEqual(
      {},
    );
    expect(
      Object.keys(runMetricErrors({ attempted: 5, correct: 6, overrides: 7, escalations: 8 })),
    ).toEqual(["correct", "overrides", "escalations"]);
  });

  test("weeks start on Monday", () => {
    expect(weekStart(new Date("2026-11-26T12:00:00Z"))).toBe("2026-11-23"); // a Thursday
    expect(weekStart(new Date("2026-11-29T23:00:00Z"))).toBe("2026-11-23"); // a Sunday
    expect(weekStart(new Date("2026-11-23T00:00:00Z"))).toBe("2026-11-23");
    expect(normalisePeriodStart("day", "2026-11-26")).toBe("2026-11-26");
    expect(normalisePeriodStart("week", "2026-11-26")).toBe("2026-11-23");
  });
});

describe("CSV import", () => {
  test("reads rows with header aliases, thousands separators and a default period", () => {
    const { rows, problems } = parseRunMetricsCsv(
      'Date,Actions attempted,Correct,Human overrides\n2026-11-02,"1,200",1150,30\n2026-11-03,900,880,12\n',
      "week",
    );
    expect(problems).toEqual([]);
    expect(rows).toEqual([
      {
        period: "week",
        periodStart: "2026-11-02",
        attempted: 1200,
        correct: 1150,
        overrides: 30,
        escalations: 0,
      },
      {
        period: "week",
        periodStart: "2026-11-03",
        attempted: 900,
        correct: 880,
        overrides: 12,
        escalations: 0,
      },
    ]);
  });

  test("reports every problem with its line and imports nothing", () => {
    const { rows, problems } = parseRunMetricsCsv(
      "period_start,attempted,correct,overrides,period\n2026-02-30,10,5,0,day\n2026-03-01,10,11,0,day\n2026-03-02,ten,5,0,day\n2026-03-03,10,5,0,month\n2026-03-04,10,5,0,day\n",
    );
    expect(rows).toEqual([]);
    expect(problems.map((p) => p.line)).toEqual([2, 3, 4, 5]);
    expect(problems[1]?.message).toMatch(/Correct actions cannot exceed/);
  });

  test("names the missing columns", () => {
    const { problems } = parseRunMetricsCsv("day,attempted\n2026-03-01,4\n");
    expect(problems[0]).toMatchObject({ line: 1 });
    expect(problems[0]?.message).toMatch(/correct, overrides/);
  });

  test("an export imports back to the same rows", () => {
    const rows = [
      {
        period: "day" as const,
        periodStart: "2026-05-01",
        attempted: 40,
        correct: 38,
        overrides: 2,
        escalations: 1,
      },
    ];
    expect(parseRunMetricsCsv(runMetricsToCsv(rows)).rows).toEqual(rows);
  });
});

describe("gate settings", () => {
  test("stages an organisation did not tune keep the defaults", () => {
    const tuned = [{ kind: "min_days_in_stage" as const, threshold: 3 }];
    const criteria = effectiveGateCriteria({ sandbox: tuned });
    // The band criterion is always first: tuning cannot remove it.
    expect(criteria.sandbox).toEqual([{ kind: "band_allows_stage" }, ...tuned]);
    expect(criteria.shadow).toEqual(DEFAULT_GATE_CRITERIA.shadow);
    expect(effectiveGateCriteria(undefined)).toEqual(DEFAULT_GATE_CRITERIA);
    // Settings that no longer parse fall back to the defaults rather than opening the gate.
    expect(
      effectiveGateCriteria({ shadow: [{ kind: "min_accuracy", threshold: 7 }] }).shadow,
    ).toEqual(DEFAULT_GATE_CRITERIA.shadow);
  });

  test("thresholds are range-checked and criteria appear once per stage", () => {
    expect(
      gateSettingsSchema.safeParse({ sandbox: [{ kind: "min_accuracy", threshold: 1.2 }] }).success,
    ).toBe(false);
    expect(
      gateSettingsSchema.safeParse({
        sandbox: [{ kind: "rollback_plan_recorded" }, { kind: "rollback_plan_recorded" }],
      }).success,
    ).toBe(false);
    expect(
      gateSettingsSchema.safeParse({ sandbox: [{ kind: "required_signoffs", roles: [] }] }).success,
    ).toBe(false);
    expect(gateSettingsSchema.safeParse({ production: [] }).success).toBe(false);
    expect(gateSettingsSchema.safeParse({ shadow: [] }).success).toBe(true);
  });
});

describe("the start form's query string", () => {
  const id = "0b4c8a5e-8f3d-4e55-9a57-1c2f3e4d5a6b";
  test.each([
    [{}, undefined],
    [{ useCase: id }, id],
    [{ useCase: "not-a-uuid" }, undefined],
    [{ useCase: [id, id] }, undefined],
  ])("%j preselects %s", (query, expected) => {
    expect(newPilotQuerySchema.parse(query)).toEqual({ useCase: expected });
  });
});

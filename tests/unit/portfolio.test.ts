import { describe, expect, test } from "vitest";
import type { CriterionResult } from "@/lib/domain/gates";
import {
  type AttentionInput,
  type AttentionPilot,
  DEFAULT_PORTFOLIO_SETTINGS,
  effectivePortfolioSettings,
  loopScopeOf,
  needsAttention,
  periodStartFor,
  portfolioFilterSchema,
  portfolioSettingsSchema,
} from "@/lib/domain/portfolio";

const NOW = new Date("2026-11-20T12:00:00Z");
const daysAgo = (n: number) => new Date(NOW.getTime() - n * 86_400_000);
const iso = (d: Date) => d.toISOString().slice(0, 10);

/** A healthy supervised pilot: within its band, gate passing, metrics up to yesterday. */
function pilot(over: Partial<AttentionPilot> = {}): AttentionPilot {
  return {
    id: "p1",
    name: "Refunds",
    stage: "supervised",
    status: "active",
    stageEnteredAt: daysAgo(10),
    startDate: iso(daysAgo(40)),
    band: "supervised",
    bandOverride: null,
    failing: [],
    pendingRequest: null,
    openIncidents: { sev1: 0, sev2: 0 },
    brokenAssumptions: 0,
    lastMetrics: { period: "day", periodStart: iso(daysAgo(1)) },
    missingSignoffRoles: [],
    signedByMe: false,
    ...over,
  };
}

function input(over: Partial<AttentionInput> = {}): AttentionInput {
  return {
    pilots: [pilot()],
    useCases: [],
    unattachedSevere: { sev1: 0, sev2: 0 },
    settings: DEFAULT_PORTFOLIO_SETTINGS,
    reader: { role: "viewer", canSignOff: false },
    now: NOW,
    ...over,
  };
}

const failing: CriterionResult = {
  kind: "min_accuracy",
  label: "Accuracy (correct ÷ attempted actions)",
  threshold: "at least 95%",
  measured: "91%",
  pass: false,
};

const kinds = (i: AttentionInput) => needsAttention(i).map((x) => `${x.kind}:${x.severity}`);

describe("needs attention", () => {
  test("a healthy pilot needs nothing", () => {
    expect(needsAttention(input())).toEqual([]);
  });

  test.each([
    ["beyond its band without an override", { band: "shadow" as const }, "beyond_band:critical"],
    [
      "beyond its band with an override",
      { band: "shadow" as const, bandOverride: { by: "Dana", at: daysAgo(10) } },
      "beyond_band:high",
    ],
    ["with no assessment at all", { band: null }, "beyond_band:critical"],
    [
      "failing its gate with an override request pending",
      {
        failing: [failing],
        pendingRequest: {
          toStage: "limited_production" as const,
          requestedBy: "Dana",
          at: daysAgo(1),
        },
      },
      "gate_failing_with_pending_request:high",
    ],
    [
      "with an open Sev1",
      { openIncidents: { sev1: 1, sev2: 0 } },
      "open_severe_incidents:critical",
    ],
    ["with an open Sev2", { openIncidents: { sev1: 0, sev2: 2 } }, "open_severe_incidents:high"],
    [
      "with a broken assumption past shadow",
      { brokenAssumptions: 1 },
      "broken_assumption_past_shadow:high",
    ],
    [
      "without daily run metrics for two days",
      { lastMetrics: { period: "day" as const, periodStart: iso(daysAgo(3)) } },
      "no_run_metrics:medium",
    ],
    [
      "without weekly run metrics for two weeks",
      { lastMetrics: { period: "week" as const, periodStart: "2026-10-26" } },
      "no_run_metrics:medium",
    ],
    [
      "without any run metrics in two weeks in its stage",
      { lastMetrics: null, stageEnteredAt: daysAgo(14) },
      "no_run_metrics:medium",
    ],
    ["longer in a stage than allowed", { stageEnteredAt: daysAgo(61) }, "stalled:medium"],
  ])("flags a pilot %s", (_name, over, expected) => {
    expect(kinds(input({ pilots: [pilot(over)] }))).toEqual([expected]);
  });

  test.each([
    ["a failing gate without a pending request", { failing: [failing] }],
    [
      "a pending request whose gate now passes",
      {
        pendingRequest: {
          toStage: "limited_production" as const,
          requestedBy: "D",
          at: daysAgo(1),
        },
      },
    ],
    ["a broken assumption in shadow", { stage: "shadow" as const, brokenAssumptions: 2 }],
    [
      "daily metrics up to the day before yesterday",
      { lastMetrics: { period: "day" as const, periodStart: iso(daysAgo(2)) } },
    ],
    [
      "weekly metrics for last week",
      { lastMetrics: { period: "week" as const, periodStart: "2026-11-09" } },
    ],
    [
      "a paused pilot without metrics",
      { status: "paused" as const, lastMetrics: null, startDate: iso(daysAgo(30)) },
    ],
    [
      "a proposed pilot without metrics",
      { stage: "proposed" as const, band: "not_ready" as const, lastMetrics: null },
    ],
    ["60 days in a stage (the limit itself)", { stageEnteredAt: daysAgo(60) }],
    [
      "a long time in production",
      {
        stage: "production" as const,
        band: "limited_production" as const,
        stageEnteredAt: daysAgo(300),
      },
    ],
    ["a retired pilot beyond its band", { status: "retired" as const, band: "shadow" as const }],
  ])("does not flag %s", (_name, over) => {
    expect(kinds(input({ pilots: [pilot(over)] }))).toEqual([]);
  });

  test("the stall limit is the organisation's", () => {
    const p = pilot({ stageEnteredAt: daysAgo(31) });
    expect(kinds(input({ pilots: [p] }))).toEqual([]);
    expect(
      kinds(input({ pilots: [p], settings: { ...DEFAULT_PORTFOLIO_SETTINGS, stallDays: 30 } })),
    ).toEqual(["stalled:medium"]);
  });

  test("a sign-off waits for a reader whose role covers a missing one, until they signed", () => {
    const p = pilot({ missingSignoffRoles: ["lead"] });
    const as = (role: "viewer" | "contributor" | "lead" | "admin", signedByMe = false) =>
      kinds(
        input({
          pilots: [{ ...p, signedByMe }],
          reader: { role, canSignOff: role !== "viewer" },
        }),
      );
    expect(as("lead")).toEqual(["signoff_waiting:medium"]);
    expect(as("admin")).toEqual(["signoff_waiting:medium"]);
    expect(as("contributor")).toEqual([]);
    expect(as("viewer")).toEqual([]);
    expect(as("lead", true)).toEqual([]);
  });

  test("assessments older than the review interval ask for a re-assessment", () => {
    const useCases = [
      { id: "u1", name: "Old", assessedAt: daysAgo(181) },
      { id: "u2", name: "Recent", assessedAt: daysAgo(180) },
    ];
    const items = needsAttention(input({ pilots: [], useCases }));
    expect(items.map((i) => [i.kind, i.name, i.href])).toEqual([
      ["reassessment_due", "Old", "use-cases/u1"],
    ]);
    expect(
      needsAttention(
        input({
          pilots: [],
          useCases,
          settings: { ...DEFAULT_PORTFOLIO_SETTINGS, reviewIntervalDays: 365 },
        }),
      ),
    ).toEqual([]);
  });

  test("open severe incidents on no pilot are listed organisation-wide", () => {
    const items = needsAttention(input({ pilots: [], unattachedSevere: { sev1: 0, sev2: 1 } }));
    expect(items).toMatchObject([
      {
        kind: "open_severe_incidents",
        severity: "high",
        href: "incidents?status=open&severity=sev2",
      },
    ]);
  });

  test("every row says why and links to where to act; most severe first", () => {
    const items = needsAttention(
      input({
        pilots: [
          pilot({ id: "a", name: "Alpha", stageEnteredAt: daysAgo(90) }),
          pilot({ id: "b", name: "Beta", openIncidents: { sev1: 1, sev2: 1 } }),
          pilot({ id: "c", name: "Gamma", band: "shadow" }),
        ],
        useCases: [{ id: "u", name: "Delta", assessedAt: daysAgo(400) }],
      }),
    );
    expect(items.map((i) => [i.severity, i.name])).toEqual([
      ["critical", "Gamma"],
      ["critical", "Beta"],
      ["medium", "Alpha"],
      ["low", "Delta"],
    ]);
    expect(items[0]!.reason).toMatch(/supervised without an override.*shadow/);
    expect(items[0]!.href).toBe("pilots/c#gate-heading");
    expect(items[1]!.href).toBe("incidents?pilot=b&status=open");
    expect(items[1]!.reason).toBe("1 open Sev1 incident and 1 open Sev2 incident in supervised.");
    for (const i of items) expect(i.action.length).toBeGreaterThan(0);
  });
});

describe("portfolio settings and filters", () => {
  test("stored settings fall back to the defaults field by field", () => {
    expect(effectivePortfolioSettings(undefined)).toEqual({
      stallDays: 60,
      reviewIntervalDays: 180,
    });
    expect(effectivePortfolioSettings({ stallDays: 30, reviewIntervalDays: "x" })).toEqual({
      stallDays: 30,
      reviewIntervalDays: 180,
    });
  });

  test("settings out of range are refused with a message", () => {
    const r = portfolioSettingsSchema.safeParse({ stallDays: 3, reviewIntervalDays: 180 });
    expect(r.success).toBe(false);
    expect(r.error?.issues[0]?.message).toMatch(/at least 7 days/);
  });

  test("filters ignore unknown values and default to 90 days", () => {
    expect(portfolioFilterSchema.parse({})).toEqual({ period: "90d" });
    expect(portfolioFilterSchema.parse({ owner: "nope", stage: "moon", period: "5y" })).toEqual({
      period: "90d",
    });
    const owner = "11111111-1111-4111-8111-111111111111";
    expect(portfolioFilterSchema.parse({ owner, stage: "not_started", period: "all" })).toEqual({
      owner,
      stage: "not_started",
      period: "all",
    });
  });

  test("the loop reads the dashboard's owner, stage and period, and has nothing for unstarted use cases", () => {
    const owner = "7d3c6a52-0c7f-4f51-9d8e-0f6a3b1f2c11";
    expect(loopScopeOf({ owner, stage: "shadow", period: "30d" }, NOW)).toEqual({
      ownerId: owner,
      stage: "shadow",
      since: daysAgo(30),
    });
    expect(loopScopeOf({ period: "all" }, NOW)).toEqual({
      ownerId: undefined,
      stage: undefined,
      since: undefined,
    });
    expect(loopScopeOf({ stage: "not_started", period: "90d" }, NOW)).toBeNull();
  });

  test("periods count back from now", () => {
    expect(periodStartFor("30d", NOW)?.toISOString()).toBe("2026-10-21T12:00:00.000Z");
    expect(periodStartFor("12m", NOW)?.toISOString()).toBe("2025-11-20T00:00:00.000Z");
    expect(periodStartFor("all", NOW)).toBeNull();
  });
});

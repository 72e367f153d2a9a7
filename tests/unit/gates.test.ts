import { describe, expect, test } from "vitest";
import {
  accuracy,
  checkTransition,
  countableSignoffs,
  DEFAULT_GATE_CRITERIA,
  evaluateGate,
  type GateCriterion,
  type GateSnapshot,
  incidentRatePer1000,
  overrideRate,
  signoffCovers,
} from "@/lib/domain/gates";
import {
  newlyFailing,
  overrideDecisionRefusal,
  overrideRequestStaleness,
} from "@/lib/domain/gates/overrides";

const NOW = new Date("2026-11-24T12:00:00Z");
const daysAgo = (n: number) => new Date(NOW.getTime() - n * 86_400_000);

const healthy: GateSnapshot = {
  stage: "supervised",
  stageEnteredAt: daysAgo(40),
  readinessScore: 85,
  readinessBand: "limited_production",
  metrics: { attempted: 4000, correct: 3960, overrides: 80, escalations: 40 },
  openIncidents: { sev1: 0, sev2: 0, sev3: 2, sev4: 5 },
  incidentsInStage: 4,
  assumptions: [{ status: "verified" }, { status: "accepted_risk" }],
  rollbackPlan: "Switch the queue back to the agents' inbox.",
  signoffs: [
    { role: "lead", userId: "u-lead" },
    { role: "admin", userId: "u-admin" },
  ],
};

/** A pilot with no run metrics yet. */
const UNMEASURED: Partial<GateSnapshot> = {
  metrics: { attempted: 0, correct: 0, overrides: 0, escalations: 0 },
};

/** A transition of an active pilot, asked for by user "u". */
const activeRequest = (
  input: Omit<Parameters<typeof checkTransition>[0], "requesterId" | "status">,
) => checkTransition({ requesterId: "u", status: "active", ...input });

const one = (criterion: GateCriterion, patch: Partial<GateSnapshot> = {}) =>
  evaluateGate([criterion], { ...healthy, ...patch }, NOW).criteria[0]!;

type CriterionCase = [string, GateCriterion, Partial<GateSnapshot>, boolean, string];
type ThresholdKind = Extract<GateCriterion, { threshold: number }>["kind"];

/** A threshold criterion met at one threshold and missed at the next, measuring the same. */
const metAndMissed = (
  name: string,
  kind: ThresholdKind,
  met: number,
  missed: number,
  measured: string,
): CriterionCase[] => [
  [`${name} met`, { kind, threshold: met }, {}, true, measured],
  [`${name} missed`, { kind, threshold: missed }, {}, false, measured],
];

/** A rate criterion fails, whatever its threshold, while nothing has been measured. */
const withoutData = (name: string, kind: ThresholdKind, threshold: number): CriterionCase => [
  `${name} without data`,
  { kind, threshold },
  UNMEASURED,
  false,
  "no data",
];

describe("each criterion", () => {
  test.each<CriterionCase>([
    ...metAndMissed("score", "min_readiness_score", 80, 90, "85 / 100"),
    [
      "no assessment",
      { kind: "min_readiness_score", threshold: 10 },
      { readinessScore: null },
      false,
      "no submitted assessment",
    ],
    [
      "band allows the next stage",
      { kind: "band_allows_stage" },
      { readinessBand: "limited_production" },
      true,
      "ready for limited production (allows up to production)",
    ],
    [
      "band capped below the next stage",
      { kind: "band_allows_stage" },
      { readinessBand: "sandbox_only" },
      false,
      "sandbox only (allows up to sandbox)",
    ],
    [
      "band exactly reaches the next stage",
      { kind: "band_allows_stage" },
      { stage: "shadow", readinessBand: "supervised" },
      true,
      "supervised (allows up to supervised)",
    ],
    [
      "band without an assessment",
      { kind: "band_allows_stage" },
      { readinessBand: null },
      false,
      "no submitted assessment",
    ],
    ...metAndMissed("days", "min_days_in_stage", 40, 41, "40 days"),
    ...metAndMissed("actions", "min_actions_observed", 4000, 4001, "4,000"),
    ...metAndMissed("accuracy", "min_accuracy", 0.99, 0.995, "99%"),
    withoutData("accuracy", "min_accuracy", 0.5),
    ...metAndMissed("override rate", "max_override_rate", 0.02, 0.019, "2%"),
    withoutData("override rate", "max_override_rate", 1),
    ...metAndMissed("incident rate", "max_incident_rate_per_1000", 1, 0.99, "1"),
    ["no open sev1/2", { kind: "no_open_sev1_sev2" }, {}, true, "none"],
    [
      "open sev2",
      { kind: "no_open_sev1_sev2" },
      { openIncidents: { sev1: 0, sev2: 1, sev3: 0, sev4: 0 } },
      false,
      "1 open",
    ],
    ["assumptions resolved", { kind: "assumptions_resolved" }, {}, true, "all 2"],
    [
      "a broken assumption",
      { kind: "assumptions_resolved" },
      { assumptions: [{ status: "verified" }, { status: "broken" }] },
      false,
      "1 open or broken",
    ],
    ["rollback plan", { kind: "rollback_plan_recorded" }, {}, true, "recorded"],
    [
      "blank rollback plan",
      { kind: "rollback_plan_recorded" },
      { rollbackPlan: "   " },
      false,
      "missing",
    ],
    [
      "sign-offs present",
      { kind: "required_signoffs", roles: ["lead", "admin"] },
      {},
      true,
      "all signed",
    ],
    [
      "a sign-off missing",
      { kind: "required_signoffs", roles: ["lead", "admin"] },
      { signoffs: [{ role: "lead", userId: "u" }] },
      false,
      "missing: Admin",
    ],
  ])("%s", (_name, criterion, patch, pass, measured) => {
    const result = one(criterion, patch);
    expect(result.pass).toBe(pass);
    expect(result.measured).toBe(measured);
    expect(result.threshold.length).toBeGreaterThan(0);
  });

  test("the gate passes only when every criterion does", () => {
    expect(evaluateGate(DEFAULT_GATE_CRITERIA.supervised, healthy, NOW).pass).toBe(true);
    const failing = evaluateGate(
      DEFAULT_GATE_CRITERIA.supervised,
      { ...healthy, readinessScore: 50 },
      NOW,
    );
    expect(failing.pass).toBe(false);
    expect(failing.criteria.filter((c) => !c.pass).map((c) => c.kind)).toEqual([
      "min_readiness_score",
    ]);
  });

  test("the readiness score is compared unrounded and shown as the results page shows it", () => {
    const atLeast50 = { kind: "min_readiness_score", threshold: 50 } as const;
    // 49.6 would read "50" if rounded to a whole number; it is below 50 and must fail.
    expect(one(atLeast50, { readinessScore: 49.6 })).toMatchObject({
      pass: false,
      measured: "49.6 / 100",
      threshold: "at least 50 / 100",
    });
    expect(one(atLeast50, { readinessScore: 50 })).toMatchObject({
      pass: true,
      measured: "50 / 100",
    });
    expect(one(atLeast50, { readinessScore: 50.4 }).measured).toBe("50.4 / 100");
  });

  test("rates and percentages use the app's formatters", () => {
    expect(
      one(
        { kind: "min_accuracy", threshold: 0.97 },
        { metrics: { attempted: 1000, correct: 969, overrides: 0, escalations: 0 } },
      ),
    ).toMatchObject({ pass: false, measured: "96.9%", threshold: "at least 97%" });
    expect(
      one(
        { kind: "min_actions_observed", threshold: 2000 },
        { metrics: { attempted: 12345, correct: 0, overrides: 0, escalations: 0 } },
      ),
    ).toMatchObject({ measured: "12,345", threshold: "at least 2,000" });
    expect(
      one({ kind: "max_incident_rate_per_1000", threshold: 2 }, { incidentsInStage: 7 }).measured,
    ).toBe("1.75");
  });

  test("rates are null, never NaN, without actions", () => {
    expect(accuracy(0, 0)).toBeNull();
    expect(overrideRate(0, 0)).toBeNull();
    expect(incidentRatePer1000(3, 0)).toBeNull();
    expect(incidentRatePer1000(3, 1500)).toBe(2);
  });
});

describe("sign-offs", () => {
  test("a role signs for itself; owners and admins may sign for roles at or below theirs", () => {
    expect(signoffCovers("lead", "lead")).toBe(true);
    expect(signoffCovers("contributor", "lead")).toBe(false);
    expect(signoffCovers("admin", "lead")).toBe(true);
    expect(signoffCovers("admin", "owner")).toBe(false);
    expect(signoffCovers("owner", "admin")).toBe(true);
  });

  test("the requester's own sign-off does not count towards their promotion", () => {
    const signoffs = countableSignoffs(healthy.signoffs, "u-lead");
    const evaluation = evaluateGate(
      DEFAULT_GATE_CRITERIA.supervised,
      { ...healthy, signoffs },
      NOW,
    );
    expect(evaluation.criteria.find((c) => c.kind === "required_signoffs")?.pass).toBe(true); // the admin covers lead
    const onlySelf = countableSignoffs([{ role: "lead", userId: "u-lead" }], "u-lead");
    const blocked = evaluateGate(
      DEFAULT_GATE_CRITERIA.supervised,
      { ...healthy, signoffs: onlySelf },
      NOW,
    );
    expect(blocked.criteria.find((c) => c.kind === "required_signoffs")?.pass).toBe(false);
  });
});

describe("transitions", () => {
  const passing = evaluateGate(DEFAULT_GATE_CRITERIA.supervised, healthy, NOW);
  const failing = evaluateGate(
    DEFAULT_GATE_CRITERIA.supervised,
    { ...healthy, openIncidents: { sev1: 1, sev2: 0, sev3: 0, sev4: 0 } },
    NOW,
  );
  const promote = {
    type: "promote" as const,
    from: "supervised" as const,
    to: "limited_production" as const,
  };

  test("promotion with a passing gate", () => {
    expect(
      activeRequest({
        transition: promote,
        evaluation: passing,
        requesterRole: "lead",
      }),
    ).toEqual({
      ok: true,
      overridden: [],
    });
  });

  test("only one stage forward", () => {
    const skip = activeRequest({
      transition: { type: "promote", from: "shadow", to: "limited_production" },
      evaluation: passing,
      requesterRole: "owner",
    });
    expect(skip).toMatchObject({ ok: false, code: "invalid_transition" });
  });

  test("the pilot's status decides first: retired is final, paused resumes before promoting", () => {
    const base = { evaluation: passing, requesterId: "u", requesterRole: "owner" as const };
    const reason = "Vendor outage this week";
    expect(
      checkTransition({ ...base, transition: promote, status: "paused", reason }),
    ).toMatchObject({
      ok: false,
      code: "invalid_state",
      message: "Resume this pilot before promoting it.",
    });
    expect(
      checkTransition({
        ...base,
        transition: { type: "pause", from: "shadow" },
        status: "retired",
        reason,
      }),
    ).toMatchObject({
      ok: false,
      code: "invalid_state",
      message: expect.stringMatching(/retired/),
    });
    expect(
      checkTransition({
        ...base,
        transition: { type: "resume", from: "shadow" },
        status: "active",
        reason,
      }),
    ).toMatchObject({ ok: false, message: "Only a paused pilot can be resumed." });
    expect(
      checkTransition({
        ...base,
        transition: { type: "rollback", from: "shadow", to: "shadow" },
        status: "active",
        reason,
      }),
    ).toMatchObject({
      ok: false,
      code: "invalid_transition",
      message: "This pilot is already in shadow.",
    });
  });

  test("an override's justification names what it overrides", () => {
    const result = activeRequest({
      transition: promote,
      evaluation: failing,
      requesterRole: "admin",
      reason: "Fine by us, go.",
      override: true,
    });
    expect(result).toMatchObject({ ok: false, code: "justification_required" });
    if (!result.ok)
      expect(result.message).toBe(
        "Overriding a gate needs a written justification of at least 20 characters that answers each failing criterion: open sev1 or sev2 incidents (needs none, measured 1 open).",
      );
  });

  test("a failing gate blocks, naming the criterion", () => {
    const result = activeRequest({
      transition: promote,
      evaluation: failing,
      requesterRole: "lead",
    });
    expect(result).toMatchObject({ ok: false, code: "gate_failed" });
    if (!result.ok) expect(result.failing.map((f) => f.kind)).toEqual(["no_open_sev1_sev2"]);
  });

  test.each([
    ["lead", "A good enough reason", "override_not_allowed"],
    ["admin", "too short", "justification_required"],
    ["admin", "Sev1 is a duplicate of a resolved one", null],
    ["owner", "Accepted by the risk committee on 20 Nov", null],
  ] as const)("override by %s with %j", (role, reason, code) => {
    const result = activeRequest({
      transition: promote,
      evaluation: failing,
      requesterRole: role,
      reason,
      override: true,
    });
    if (code) expect(result).toMatchObject({ ok: false, code });
    else
      expect(result).toMatchObject({
        ok: true,
        overridden: [expect.objectContaining({ kind: "no_open_sev1_sev2" })],
      });
  });

  test("rollback, pause and retire are always allowed with a reason", () => {
    const reason = "Spike of wrong refunds after the promotion";
    for (const transition of [
      { type: "rollback" as const, from: "production" as const, to: "shadow" as const },
      { type: "pause" as const, from: "shadow" as const },
      { type: "retire" as const, from: "sandbox" as const },
    ]) {
      const check = (extra: { reason?: string }) =>
        activeRequest({
          transition,
          evaluation: failing,
          requesterRole: "lead",
          ...extra,
        });
      expect(check({ reason }).ok).toBe(true);
      expect(check({})).toMatchObject({
        ok: false,
        code: "justification_required",
      });
    }
    const forward = activeRequest({
      transition: { type: "rollback", from: "shadow", to: "supervised" },
      evaluation: null,
      requesterRole: "owner",
      reason,
    });
    expect(forward).toMatchObject({ ok: false, code: "invalid_transition" });
  });
});

describe("the band bounds the pilot", () => {
  test("a capped band fails every gate past its stage even with a high raw score", () => {
    // A use case capped at sandbox only by a blocker, with a raw score of 85.
    const capped = { ...healthy, readinessScore: 85, readinessBand: "sandbox_only" as const };
    const results = (["sandbox", "shadow", "supervised", "limited_production"] as const).map(
      (stage) => evaluateGate(DEFAULT_GATE_CRITERIA[stage], { ...capped, stage }, NOW),
    );
    for (const r of results) {
      const band = r.criteria.find((c) => c.kind === "band_allows_stage");
      expect(band?.pass, r.stage).toBe(false);
      expect(r.pass).toBe(false);
    }
    // Entering the sandbox is allowed.
    const proposed = evaluateGate(
      DEFAULT_GATE_CRITERIA.proposed,
      { ...capped, stage: "proposed" },
      NOW,
    );
    expect(proposed.criteria.find((c) => c.kind === "band_allows_stage")?.pass).toBe(true);
  });

  test("an organisation cannot tune the band criterion away", async () => {
    const { effectiveGateCriteria } = await import("@/lib/domain/gates/settings");
    const tuned = effectiveGateCriteria({ shadow: [{ kind: "min_days_in_stage", threshold: 3 }] });
    expect(tuned.shadow.map((c) => c.kind)).toEqual(["band_allows_stage", "min_days_in_stage"]);
    expect(tuned.proposed[0]?.kind).toBe("band_allows_stage");
  });

  test("promotion past the band needs an owner or admin override with a justification", () => {
    const evaluation = evaluateGate(
      [{ kind: "band_allows_stage" }],
      { ...healthy, stage: "shadow", readinessBand: "shadow" },
      NOW,
    );
    const base = {
      transition: { type: "promote" as const, from: "shadow" as const, to: "supervised" as const },
      evaluation,
      requesterId: "u1",
      status: "active" as const,
    };
    expect(checkTransition({ ...base, requesterRole: "lead" })).toMatchObject({
      ok: false,
      code: "gate_failed",
    });
    expect(
      checkTransition({ ...base, requesterRole: "lead", override: true, reason: "Board approved" }),
    ).toMatchObject({ ok: false, code: "override_not_allowed" });
    const ok = checkTransition({
      ...base,
      requesterRole: "admin",
      override: true,
      reason: "Approved by the risk committee on 3 May",
    });
    expect(ok).toMatchObject({ ok: true });
    expect(ok.ok && ok.overridden.map((c) => c.kind)).toEqual(["band_allows_stage"]);
  });
});

describe("override requests", () => {
  const base = {
    status: "pending" as const,
    requesterKey: "u-owner",
    deciderKey: "u-admin",
    deciderRole: "admin" as const,
  };

  test.each([
    [{ decision: "approve" }, null],
    [{ decision: "approve", deciderKey: "u-owner" }, "forbidden"],
    [{ decision: "approve", deciderRole: "lead" }, "forbidden"],
    [{ decision: "approve", status: "rejected" }, "conflict"],
    [{ decision: "reject", note: "Too soon" }, "invalid_input"],
    [{ decision: "reject", note: "Measure accuracy first." }, null],
    [{ decision: "withdraw", deciderKey: "u-owner", deciderRole: "lead" }, null],
    [{ decision: "withdraw" }, "forbidden"],
    [{ decision: "withdraw", deciderKey: "u-owner", status: "approved" }, "conflict"],
  ] as const)("%j is refused with %s", (change, code) => {
    const refusal = overrideDecisionRefusal({ ...base, ...change });
    expect(refusal?.code ?? null).toBe(code);
  });

  test("a rejection without a reason names the note field", () => {
    expect(overrideDecisionRefusal({ ...base, decision: "reject", note: "" })).toEqual({
      code: "invalid_input",
      field: "note",
      message: "Say why you reject it, in at least 10 characters: the requester sees it.",
    });
  });

  test("a request applies only to the stage, status and version it was asked for", () => {
    const request = { fromStage: "shadow" as const, pilotVersion: 3 };
    expect(
      overrideRequestStaleness(request, { stage: "shadow", status: "active", version: 3 }),
    ).toBeNull();
    expect(
      overrideRequestStaleness(request, { stage: "sandbox", status: "active", version: 4 }),
    ).toMatch(/^The pilot has moved to sandbox/);
    expect(
      overrideRequestStaleness(request, { stage: "shadow", status: "paused", version: 4 }),
    ).toBe("The pilot is paused now: this override no longer applies.");
    expect(
      overrideRequestStaleness(request, { stage: "shadow", status: "active", version: 4 }),
    ).toMatch(/version 3, now 4/);
  });

  test("criteria failing now that the request did not show are caught", () => {
    const now = evaluateGate(
      DEFAULT_GATE_CRITERIA.shadow,
      { ...healthy, stage: "shadow", openIncidents: { sev1: 1, sev2: 0, sev3: 0, sev4: 0 } },
      NOW,
    ).criteria;
    expect(newlyFailing([], now).map((c) => c.kind)).toEqual(["no_open_sev1_sev2"]);
    expect(newlyFailing([{ kind: "no_open_sev1_sev2" }], now)).toEqual([]);
  });
});

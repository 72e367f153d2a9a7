import { describe, expect, test } from "vitest";
import { tickAction } from "@/app/o/[org]/incidents/_components/incident-form";
import {
  incidentFilterSchema,
  incidentFormSchema,
  parseIncidentForm,
  toFilters,
} from "@/app/o/[org]/incidents/schemas";
import { incidentInputSchema } from "@/lib/api/incident-schemas";
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
  actions: [] as string[],
};

describe("incident form", () => {
  test("an organisation-wide incident: the disabled assumption select sends nothing", () => {
    const parsed = incidentFormSchema("GBP").safeParse(base);
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
    const parsed = incidentFormSchema("GBP").parse({
      ...base,
      detectedAt: "2026-11-24T09:20",
      costEstimate: "1,200",
    });
    expect(parsed.detectedAt?.toISOString()).toBe("2026-11-24T09:20:00.000Z");
    expect(parsed.costEstimate).toBe(1200);
    expect(incidentFormSchema("GBP").parse({ ...base, costEstimate: "£1.2k" }).costEstimate).toBe(
      1200,
    );
  });

  test("each wrong field gets its own message", () => {
    const parsed = incidentFormSchema("GBP").safeParse({
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
      costEstimate: "€ is not GBP. Write a whole amount in GBP, like 180000, 180,000 or 180k.",
      assumptionId: "Choose an assumption from the list.",
    });
  });

  test("“Nothing yet” cannot be ticked with another action, in the form and in the API", () => {
    const message =
      "“Nothing yet” cannot be ticked with another action: untick it, or untick the others.";
    const form = new FormData();
    for (const [key, value] of Object.entries({ ...base, actions: undefined })) {
      if (typeof value === "string") form.append(key, value);
    }
    form.append("actions", "none");
    form.append("actions", "rollback");
    expect(() => parseIncidentForm(form, "GBP")).toThrow(
      expect.objectContaining({ code: "invalid_input", fields: { actions: [message] } }),
    );
    const api = incidentInputSchema.safeParse({
      title: "Refund issued twice",
      severity: "sev2",
      category: "partial_failure",
      detectionSource: "customer",
      outcome: "contained",
      startedAt: "2026-11-24T09:12:00Z",
      actions: ["rollback", "none"],
    });
    expect(api.error?.issues.map((i) => [i.path.join("."), i.message])).toEqual([
      ["actions", message],
    ]);
    expect(
      incidentFormSchema("GBP").safeParse({ ...base, actions: ["fix", "fix"] }).error?.issues,
    ).toEqual([expect.objectContaining({ path: ["actions"], message: "Tick each action once." })]);
  });

  test("a tampered action is reported on the group; alone, each action is accepted", () => {
    const form = new FormData();
    for (const [key, value] of Object.entries(base)) {
      if (typeof value === "string") form.append(key, value);
    }
    form.append("actions", "delete_everything");
    expect(() => parseIncidentForm(form, "GBP")).toThrow(
      expect.objectContaining({ fields: { actions: ["Choose actions from the list."] } }),
    );
    for (const actions of [["none"], ["rollback", "fix", "new_guardrail"], []]) {
      expect(incidentFormSchema("GBP").parse({ ...base, actions }).actions).toEqual(actions);
    }
  });

  test.each<[string[], string, boolean, string[]]>([
    [["rollback", "fix"], "none", true, ["none"]],
    [["none"], "rollback", true, ["rollback"]],
    [["rollback"], "fix", true, ["rollback", "fix"]],
    [["rollback", "fix"], "fix", false, ["rollback"]],
    [["none"], "none", false, []],
  ])("ticking in the form: %j, %s → %s gives %j", (current, value, checked, expected) => {
    expect(tickAction(current, value, checked)).toEqual(expected);
  });

  test("the period filter's last day is included", () => {
    const f = toFilters({ from: "2026-11-01", to: "2026-11-30" } as Parameters<
      typeof toFilters
    >[0]);
    expect(f.from?.toISOString()).toBe("2026-11-01T00:00:00.000Z");
    expect(f.to?.toISOString()).toBe("2026-12-01T00:00:00.000Z");
  });

  test("the pilot owner and stage filters reach the query, and unknown values are ignored", () => {
    const owner = "0b9f4c1e-5d7a-4c7b-9a55-3f2e1d0c9b8a";
    expect(toFilters(incidentFilterSchema.parse({ owner, stage: "shadow" }))).toMatchObject({
      ownerId: owner,
      pilotStage: "shadow",
    });
    const ignored = toFilters(incidentFilterSchema.parse({ owner: "me", stage: "orbit" }));
    expect(ignored.ownerId).toBeUndefined();
    expect(ignored.pilotStage).toBeUndefined();
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

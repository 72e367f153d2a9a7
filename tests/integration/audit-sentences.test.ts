import { describe, expect, test } from "vitest";
import { listAuditEvents, loadAuditNames } from "@/db/queries/audit";
import { transitionPilot } from "@/db/queries/pilot-transitions";
import { createUseCase, getUseCase, updateUseCase } from "@/db/queries/use-cases";
import { auditChanges, describeAuditEvent } from "@/lib/domain/audit-sentences";
import { makeOrg, outcome, startedPilot, uniq } from "./fixtures";

describe("the audit log in words, from real events", () => {
  test("a promotion over a failing gate reads as one sentence naming the use case and the criterion", async () => {
    const org = await makeOrg();
    const name = `Refunds ${uniq()}`;
    const pilot = await startedPilot(org, { name, annualValue: 180_000, by: "owner" });
    // Brand new in sandbox: the gate's seven days in stage cannot have passed.
    await transitionPilot(org.ctx.owner, pilot.id, {
      to: "shadow",
      version: pilot.version,
      override: true,
      justification: "The board accepted the risk for the holiday peak.",
    });
    const uc = await getUseCase(org.ctx.admin, pilot.useCaseId);
    await updateUseCase(org.ctx.admin, uc.id, { annualValue: 250_000, version: uc.version });

    const { events } = await listAuditEvents(org.ctx.admin, { limit: 200 });
    const names = await loadAuditNames(org.ctx.admin, events);
    const context = { names, currency: org.ctx.admin.currency };
    const promoted = events.find((e) => e.action === "pilot.promoted_with_override")!;
    expect(describeAuditEvent(promoted, context)).toBe(
      `${org.users.owner.name} promoted ${name} to shadow, overriding 1 failing criterion: time in stage at least 7 days (measured 0 days). Reason: “The board accepted the risk for the holiday peak.”`,
    );
    expect(auditChanges(promoted, context).find((c) => c.field === "stage")).toEqual({
      field: "stage",
      label: "Stage",
      before: "Sandbox",
      after: "Shadow",
    });
    const started = events.find((e) => e.action === "pilot.started")!;
    expect(describeAuditEvent(started, context)).toBe(
      `${org.users.owner.name} started a pilot of ${name} in sandbox.`,
    );
    const edited = events.find((e) => e.action === "use_case.updated")!;
    expect(describeAuditEvent(edited, context)).toBe(
      `${org.users.admin.name} edited the use case ${name} (annual value).`,
    );
    expect(auditChanges(edited, context)).toEqual([
      { field: "annualValue", label: "Annual value", before: "£180,000", after: "£250,000" },
    ]);
    const submitted = events.find((e) => e.action === "assessment.submitted")!;
    expect(describeAuditEvent(submitted, context)).toMatch(
      new RegExp(`^${org.users.owner.name} submitted the assessment of ${name}: [\\d.]+ / 100, `),
    );
  });

  test("names come only from the reader's organisation, and only admins read them", async () => {
    const a = await makeOrg();
    const b = await makeOrg();
    await createUseCase(a.ctx.owner, {
      name: "Secret plan",
      description: "",
      ownerId: a.users.lead.id,
      businessValue: 3,
      annualValue: null,
      systems: [],
      status: "candidate",
    });
    const { events } = await listAuditEvents(a.ctx.owner, { action: "use_case.created" });
    expect(Object.values((await loadAuditNames(a.ctx.admin, events)).useCases)).toEqual([
      "Secret plan",
    ]);
    const foreign = await loadAuditNames(b.ctx.owner, events);
    expect(foreign.useCases).toEqual({});
    expect(await outcome(loadAuditNames(a.ctx.lead, events))).toBe("forbidden");
  });
});

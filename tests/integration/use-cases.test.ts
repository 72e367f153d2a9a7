import { describe, expect, test } from "vitest";
import { listAuditEvents } from "@/db/queries/audit";
import {
  createUseCase,
  listUseCases,
  setUseCaseArchived,
  type UseCaseInput,
  updateUseCase,
} from "@/db/queries/use-cases";
import { makeOrg, outcome } from "./fixtures";

const base: UseCaseInput = {
  name: "Refund triage",
  description: "Agents decide refunds under 50 EUR",
  ownerId: null,
  businessValue: 4,
  annualValue: 120_000,
  systems: ["Zendesk", "Stripe"],
  status: "candidate",
};

describe("use cases", () => {
  test("search, filters and archiving", async () => {
    const org = await makeOrg();
    await createUseCase(org.ctx.contributor, base);
    const second = await createUseCase(org.ctx.lead, {
      ...base,
      name: "Security group changes",
      description: "Grant access on request",
      systems: ["Okta"],
      status: "assessing",
      ownerId: org.users.lead.id,
    });
    expect((await listUseCases(org.ctx.viewer)).map((u) => u.name).sort()).toEqual([
      "Refund triage",
      "Security group changes",
    ]);
    expect((await listUseCases(org.ctx.viewer, { q: "okta" })).map((u) => u.id)).toEqual([
      second.id,
    ]);
    expect((await listUseCases(org.ctx.viewer, { q: "REFUND" })).map((u) => u.name)).toEqual([
      "Refund triage",
    ]);
    expect((await listUseCases(org.ctx.viewer, { q: "100%" })).length).toBe(0);
    expect((await listUseCases(org.ctx.viewer, { status: "assessing" })).map((u) => u.id)).toEqual([
      second.id,
    ]);
    expect(
      (await listUseCases(org.ctx.viewer, { ownerId: org.users.lead.id })).map((u) => u.ownerName),
    ).toEqual([org.users.lead.name]);

    await setUseCaseArchived(org.ctx.lead, second.id, true);
    expect((await listUseCases(org.ctx.viewer)).map((u) => u.name)).toEqual(["Refund triage"]);
    expect((await listUseCases(org.ctx.viewer, { archived: true })).map((u) => u.id)).toEqual([
      second.id,
    ]);
    await setUseCaseArchived(org.ctx.lead, second.id, false);
    expect(await listUseCases(org.ctx.viewer)).toHaveLength(2);
  });

  test("the owner must be a member of the organisation", async () => {
    const org = await makeOrg();
    const other = await makeOrg();
    const error = await createUseCase(org.ctx.owner, {
      ...base,
      ownerId: other.users.owner.id,
    }).catch((e) => e);
    expect(error.code).toBe("invalid_input");
    expect(error.fields.ownerId[0]).toMatch(/member of this organisation/);
  });

  test("concurrent edits: the second one with a stale version is refused and nothing is lost", async () => {
    const org = await makeOrg();
    const uc = await createUseCase(org.ctx.owner, base);
    const results = await Promise.all([
      outcome(
        updateUseCase(org.ctx.owner, uc.id, { ...base, name: "Edit A", version: uc.version }),
      ),
      outcome(updateUseCase(org.ctx.lead, uc.id, { ...base, name: "Edit B", version: uc.version })),
    ]);
    expect(results.sort()).toEqual(["conflict", "ok"]);
    const [after] = await listUseCases(org.ctx.viewer);
    expect(["Edit A", "Edit B"]).toContain(after?.name);
    const events = await listAuditEvents(org.ctx.owner, { entityType: "use_case" });
    expect(events.events.map((e) => e.action).sort()).toEqual([
      "use_case.created",
      "use_case.updated",
    ]);
  });
});

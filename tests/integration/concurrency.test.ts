import { and, count, eq } from "drizzle-orm";
import { describe, expect, test } from "vitest";
import { db } from "@/db";
import { createIncident, updateIncident } from "@/db/queries/incident-writes";
import { getIncident } from "@/db/queries/incidents";
import { getPilot, updatePilot } from "@/db/queries/pilots";
import { createUseCase, getUseCase, updateUseCase } from "@/db/queries/use-cases";
import { auditEvents } from "@/db/schema";
import { makeOrg, OPEN_INCIDENT_REST, outcome, startedPilot, type TestOrg } from "./fixtures";

// Reliability figure: many editors save the same row at once, all from the same version.
// Optimistic concurrency must let exactly one through and tell every other one it lost.
const EDITS = 50;

async function auditRows(orgId: string) {
  const [row] = await db
    .select({ n: count() })
    .from(auditEvents)
    .where(eq(auditEvents.orgId, orgId));
  return row?.n ?? 0;
}

async function updatesOf(orgId: string, entityId: string, action: string) {
  return db
    .select({ before: auditEvents.before, after: auditEvents.after })
    .from(auditEvents)
    .where(
      and(
        eq(auditEvents.orgId, orgId),
        eq(auditEvents.entityId, entityId),
        eq(auditEvents.action, action),
      ),
    );
}

/**
 * Runs `EDITS` edits at once, each with edit number i, and checks the outcome: one winner,
 * the rest conflicts, the winner's change stored with the version up by one and one audit row.
 */
async function race(
  org: TestOrg,
  label: string,
  edit: (i: number) => Promise<unknown>,
  read: () => Promise<{ version: number; value: string }>,
  expected: (i: number) => string,
) {
  const before = await read();
  const auditBefore = await auditRows(org.orgId);
  const outcomes = await Promise.all(Array.from({ length: EDITS }, (_, i) => outcome(edit(i))));
  const winners = outcomes.flatMap((o, i) => (o === "ok" ? [i] : []));
  const conflicts = outcomes.filter((o) => o === "conflict").length;
  const after = await read();
  const kept = winners.length === 1 && after.value === expected(winners[0]!);
  const lost = winners.filter((i) => after.value !== expected(i)).length;
  console.log(
    `reliability: ${EDITS} concurrent ${label} edits → ${winners.length} ok, ${conflicts} conflicts, ${lost} lost`,
  );
  expect(outcomes.filter((o) => o !== "ok" && o !== "conflict")).toEqual([]);
  expect(winners).toHaveLength(1);
  expect(conflicts).toBe(EDITS - 1);
  expect(kept).toBe(true);
  expect(after.version).toBe(before.version + 1);
  expect(await auditRows(org.orgId)).toBe(auditBefore + 1);
  return winners[0]!;
}

describe(`${EDITS} concurrent edits from the same version`, () => {
  test("of one pilot: one wins, the rest conflict, nothing is lost", async () => {
    const org = await makeOrg();
    const pilot = await startedPilot(org, { name: "Refunds", startDate: "2026-01-01" });
    const plan = (i: number) => `Rollback plan ${i}: switch the flag off`;
    const winner = await race(
      org,
      "pilot",
      (i) =>
        updatePilot(org.ctx.lead, pilot.id, {
          ownerId: org.users.lead.id,
          startDate: "2026-01-01",
          targetDate: "2026-06-30",
          rollbackPlan: plan(i),
          version: pilot.version,
        }),
      async () => {
        const p = await getPilot(org.ctx.viewer, pilot.id);
        return { version: p.version, value: p.rollbackPlan };
      },
      plan,
    );
    const audit = await updatesOf(org.orgId, pilot.id, "pilot.updated");
    expect(audit).toHaveLength(1);
    expect(audit[0]!.before).toMatchObject({ rollbackPlan: pilot.rollbackPlan });
    expect(audit[0]!.after).toMatchObject({ rollbackPlan: plan(winner) });
  });

  test("of one use case: one wins, the rest conflict, nothing is lost", async () => {
    const org = await makeOrg();
    const uc = await createUseCase(org.ctx.owner, {
      name: "Ticket routing",
      description: "",
      ownerId: null,
      businessValue: 2,
      annualValue: null,
      systems: [],
      status: "candidate",
    });
    const name = (i: number) => `Ticket routing, take ${i}`;
    const winner = await race(
      org,
      "use case",
      (i) =>
        updateUseCase(org.ctx.contributor, uc.id, {
          name: name(i),
          businessValue: (i % 5) + 1,
          version: uc.version,
        }),
      async () => {
        const u = await getUseCase(org.ctx.viewer, uc.id);
        return { version: u.version, value: u.name };
      },
      name,
    );
    const stored = await getUseCase(org.ctx.viewer, uc.id);
    expect(stored.businessValue).toBe((winner % 5) + 1);
    const audit = await updatesOf(org.orgId, uc.id, "use_case.updated");
    expect(audit).toHaveLength(1);
    expect(audit[0]!.after).toMatchObject({ name: name(winner) });
  });

  test("of one incident: one wins, the rest conflict, nothing is lost", async () => {
    const org = await makeOrg();
    const pilot = await startedPilot(org, { name: "Refunds", startDate: "2026-01-01" });
    const incident = await createIncident(org.ctx.contributor, pilot.id, {
      title: "Refund issued twice",
      description: "",
      severity: "sev3",
      category: "partial_failure",
      detectionSource: "customer",
      outcome: "financial_impact",
      startedAt: new Date("2026-01-10T09:00:00Z"),
      ...OPEN_INCIDENT_REST,
    });
    const title = (i: number) => `Refund issued twice (edit ${i})`;
    const winner = await race(
      org,
      "incident",
      (i) =>
        updateIncident(org.ctx.contributor, incident.id, {
          title: title(i),
          costEstimate: i * 100,
          version: incident.version,
        }),
      async () => {
        const current = await getIncident(org.ctx.viewer, incident.id);
        return { version: current.version, value: current.title };
      },
      title,
    );
    expect((await getIncident(org.ctx.viewer, incident.id)).costEstimate).toBe(winner * 100);
    const audit = await updatesOf(org.orgId, incident.id, "incident.updated");
    expect(audit).toHaveLength(1);
    expect(audit[0]!.after).toMatchObject({ title: title(winner), costEstimate: winner * 100 });
  });
});

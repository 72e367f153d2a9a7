import { spawn } from "node:child_process";
import path from "node:path";
import { sql } from "drizzle-orm";
import { describe, expect, test } from "vitest";
import { databaseKind, db } from "@/db";
import { authenticateApiToken, createApiToken } from "@/db/queries/api-tokens";
import { getGettingStarted } from "@/db/queries/dashboard";
import { getIncidentMetrics } from "@/db/queries/incident-metrics";
import { createIncident } from "@/db/queries/incident-writes";
import { listIncidents } from "@/db/queries/incidents";
import { getPilotLoop } from "@/db/queries/loop";
import { getPilotView } from "@/db/queries/pilot-view";
import { getPortfolio } from "@/db/queries/portfolio";
import { getSessionMember } from "@/db/queries/users";
import { auditEvents, organisations } from "@/db/schema";
import { portfolioFilterSchema } from "@/lib/domain/portfolio";
import {
  makeOrg,
  OPEN_INCIDENT_REST,
  plainUseCase,
  startPilotOf,
  submitAssessmentFor,
  type TestOrg,
} from "./fixtures";

const FILTERS = portfolioFilterSchema.parse({});

/** The owner's context as a page request reads it: with the organisation's data version. */
async function pageContext(org: TestOrg) {
  const session = await getSessionMember(org.users.owner.id, 0, org.slug);
  if (!session.ok || !session.member) throw new Error("no member");
  return session.member;
}

async function dataVersion(orgId: string): Promise<number> {
  const rows = await db
    .select({ v: organisations.dataVersion })
    .from(organisations)
    .where(sql`${organisations.id} = ${orgId}`);
  return Number(rows[0]?.v);
}

/** Logs an open sev1 incident from a second process (PostgreSQL) or this one (PGlite). */
async function writeElsewhere(org: TestOrg, pilotId: string) {
  if (databaseKind() === "pglite") {
    // PGlite belongs to one process; the cache sees only the data version either way.
    await createIncident(org.ctx.owner, pilotId, {
      title: "Written by another request",
      description: "",
      severity: "sev1",
      category: "stale_data",
      detectionSource: "automated_check",
      outcome: "contained",
      startedAt: new Date(),
      ...OPEN_INCIDENT_REST,
    });
    return;
  }
  const child = spawn(
    path.join(process.cwd(), "node_modules/.bin/tsx"),
    ["tests/integration/support/write-incident.ts", org.slug, org.users.owner.email, pilotId],
    { cwd: process.cwd(), env: process.env, stdio: ["ignore", "ignore", "pipe"] },
  );
  let stderr = "";
  child.stderr.on("data", (d) => {
    stderr += d;
  });
  const code = await new Promise<number | null>((resolve) => child.on("exit", resolve));
  expect(stderr).toBe("");
  expect(code).toBe(0);
}

describe("per-organisation cached aggregates", () => {
  test("a write by another instance shows on the next dashboard read", async () => {
    const org = await makeOrg();
    const uc = await plainUseCase(org);
    await submitAssessmentFor(org, uc.id);
    const pilot = await startPilotOf(org.ctx.owner, uc.id);

    const before = await pageContext(org);
    const first = await getPortfolio(before, FILTERS);
    expect(first.totals.openSevere).toBe(0);
    // The same data version answers from the cache: the very same figures, not a second query.
    expect((await getPortfolio(before, FILTERS)).totals).toBe(first.totals);
    expect(await getGettingStarted(before)).toBe(await getGettingStarted(before));

    await writeElsewhere(org, pilot.id);

    const after = await pageContext(org);
    expect(after.dataVersion).toBeGreaterThan(before.dataVersion ?? Number.POSITIVE_INFINITY);
    const next = await getPortfolio(after, FILTERS);
    expect(next.totals.openSevere).toBe(1);
    expect((await getGettingStarted(after)).incidentLogged).toBe(true);
  });

  test("an API token's incident metrics are cached per data version and see the next write", async () => {
    const org = await makeOrg();
    const uc = await plainUseCase(org);
    await submitAssessmentFor(org, uc.id);
    const pilot = await startPilotOf(org.ctx.owner, uc.id);
    const { token } = await createApiToken(org.ctx.owner, { name: "metrics", role: "viewer" });
    const asToken = async () => {
      const auth = await authenticateApiToken(token);
      if (!auth.ok) throw new Error(auth.reason);
      return auth.ctx;
    };

    const before = await asToken();
    expect(before.dataVersion).toBeTypeOf("number");
    const first = await getIncidentMetrics(before, {}, "month");
    expect(first.summary.count).toBe(0);
    // Same version, same filters: the same answer, not a second computation.
    expect(await getIncidentMetrics(before, {}, "month")).toBe(first);
    expect(await getIncidentMetrics(before, {}, "week")).not.toBe(first);

    await writeElsewhere(org, pilot.id);

    const after = await asToken();
    expect(after.dataVersion).toBeGreaterThan(before.dataVersion ?? Number.POSITIVE_INFINITY);
    expect((await getIncidentMetrics(after, {}, "month")).summary.count).toBe(1);
  });

  test("a pilot's page data read from the cache shows an incident logged since", async () => {
    const org = await makeOrg();
    const uc = await plainUseCase(org);
    await submitAssessmentFor(org, uc.id);
    const pilot = await startPilotOf(org.ctx.owner, uc.id);

    const before = await pageContext(org);
    const view = await getPilotView(before, pilot.id, 5);
    expect(view.incidents.total).toBe(0);
    const metrics = await getIncidentMetrics(before, { pilotId: pilot.id }, "month");
    const orgMetrics = await getIncidentMetrics(before, {}, "month");
    const loop = await getPilotLoop(before, pilot.id);
    const list = await listIncidents(before, {}, { limit: 20 });
    expect(list.total).toBe(0);
    // Same data version: the very same results, not read again.
    expect(await getPilotView(before, pilot.id, 5)).toBe(view);
    expect(await getIncidentMetrics(before, { pilotId: pilot.id }, "month")).toBe(metrics);
    expect(await getPilotLoop(before, pilot.id)).toBe(loop);
    expect(await listIncidents(before, {}, { limit: 20 })).toBe(list);

    await writeElsewhere(org, pilot.id);

    const after = await pageContext(org);
    const next = await getPilotView(after, pilot.id, 5);
    expect(next.incidents.total).toBe(1);
    expect(next.incidents.open).toBe(1);
    expect(next.incidents.items[0]?.title).toMatch(/^Written by another/);
    // Fresh reads (no data version) agree with what the new version answers.
    const fresh = await getPilotView(org.ctx.owner, pilot.id, 5);
    expect(next.incidents).toEqual(fresh.incidents);
    expect(next.gate).toEqual(fresh.gate);
    expect(await getIncidentMetrics(after, { pilotId: pilot.id }, "month")).toEqual(
      await getIncidentMetrics(org.ctx.owner, { pilotId: pilot.id }, "month"),
    );
    expect(await getIncidentMetrics(after, {}, "month")).not.toEqual(orgMetrics);
    expect((await listIncidents(after, {}, { limit: 20 })).total).toBe(1);
    expect(await getPilotLoop(after, pilot.id)).toEqual(
      await getPilotLoop(org.ctx.owner, pilot.id),
    );
  });

  test("a cached pilot view is not found from another organisation", async () => {
    const org = await makeOrg();
    const uc = await plainUseCase(org);
    await submitAssessmentFor(org, uc.id);
    const pilot = await startPilotOf(org.ctx.owner, uc.id);
    await getPilotView(await pageContext(org), pilot.id, 5);
    const stranger = await pageContext(await makeOrg());
    await expect(getPilotView(stranger, pilot.id, 5)).rejects.toMatchObject({ code: "not_found" });
    await expect(getPilotLoop(stranger, pilot.id)).rejects.toMatchObject({ code: "not_found" });
  });

  test("every audited transaction raises the version once; a rolled back one does not", async () => {
    const org = await makeOrg();
    const start = await dataVersion(org.orgId);
    const audit = (action: string) => ({
      orgId: org.orgId,
      actorLabel: "test",
      action,
      entityType: "organisation",
    });
    await db.transaction(async (tx) => {
      await tx.insert(auditEvents).values(audit("test.one"));
      await tx.insert(auditEvents).values(audit("test.two"));
    });
    expect(await dataVersion(org.orgId)).toBe(start + 1);
    await db.insert(auditEvents).values(audit("test.three"));
    expect(await dataVersion(org.orgId)).toBe(start + 2);
    await expect(
      db.transaction(async (tx) => {
        await tx.insert(auditEvents).values(audit("test.four"));
        throw new Error("rolled back");
      }),
    ).rejects.toThrow("rolled back");
    expect(await dataVersion(org.orgId)).toBe(start + 2);
    // Another organisation's changes leave this one's version alone.
    const other = await makeOrg();
    await db.insert(auditEvents).values({ ...audit("test.five"), orgId: other.orgId });
    expect(await dataVersion(org.orgId)).toBe(start + 2);
  });

  test("a viewer reads the same figures but their own list of what needs attention", async () => {
    const org = await makeOrg();
    const uc = await plainUseCase(org);
    await submitAssessmentFor(org, uc.id);
    await startPilotOf(org.ctx.owner, uc.id);
    const owner = await pageContext(org);
    const session = await getSessionMember(org.users.viewer.id, 0, org.slug);
    if (!session.ok || !session.member) throw new Error("no member");
    const viewer = session.member;
    const ownersView = await getPortfolio(owner, FILTERS);
    const viewersView = await getPortfolio(viewer, FILTERS);
    expect(viewersView.totals).toBe(ownersView.totals);
    // Fresh contexts (no data version) compute the same list as the cached ones.
    expect(viewersView.attention).toEqual((await getPortfolio(org.ctx.viewer, FILTERS)).attention);
    expect(ownersView.attention).toEqual((await getPortfolio(org.ctx.owner, FILTERS)).attention);
  });
});

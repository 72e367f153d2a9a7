import { count, eq, sql } from "drizzle-orm";
import { describe, expect, test } from "vitest";
import { GET as auditEventsRoute } from "@/app/api/v1/audit-events/route";
import { db } from "@/db";
import { createApiToken } from "@/db/queries/api-tokens";
import { listAuditEvents } from "@/db/queries/audit";
import { getOrganisation, updateOrganisation } from "@/db/queries/organisations";
import { auditEvents } from "@/db/schema";
import { makeOrg } from "./fixtures";

/** The database's message when a statement fails, or "succeeded". */
const failure = (query: Promise<unknown>) =>
  query.then(
    () => "succeeded",
    (error: Error & { cause?: Error }) => error.cause?.message ?? error.message,
  );

async function renameOrganisation(ctx: Parameters<typeof getOrganisation>[0], name: string) {
  const { version } = await getOrganisation(ctx);
  await updateOrganisation(ctx, { name, version });
}

describe("the audit log cannot be emptied", () => {
  test("TRUNCATE is refused, even for the database user that owns the table", async () => {
    const org = await makeOrg();
    await renameOrganisation(org.ctx.owner, "Kept");
    expect(await failure(db.execute(sql`truncate audit_events`))).toMatch(/append-only/);
    expect(await failure(db.execute(sql`truncate table audit_events restart identity`))).toMatch(
      /append-only/,
    );
    const { events } = await listAuditEvents(org.ctx.owner, { action: "organisation.updated" });
    expect(events).toHaveLength(1);
  });
});

describe("audit rows outlive what they mention", () => {
  test("deleting a user who has audit rows works, and the rows keep their id and email", async () => {
    const org = await makeOrg();
    await renameOrganisation(org.ctx.admin, "Renamed by a leaver");
    const admin = org.users.admin;
    expect(await failure(db.execute(sql`delete from users where id = ${admin.id}`))).toBe(
      "succeeded",
    );
    const { events } = await listAuditEvents(org.ctx.owner, { action: "organisation.updated" });
    expect(events).toHaveLength(1);
    expect(events[0]).toMatchObject({
      actorUserId: admin.id,
      actorEmail: admin.email,
      actorName: admin.name,
    });
  });

  test("deleting an organisation works and leaves its audit rows", async () => {
    const org = await makeOrg();
    await renameOrganisation(org.ctx.owner, "Soon gone");
    expect(await failure(db.execute(sql`delete from organisations where id = ${org.orgId}`))).toBe(
      "succeeded",
    );
    const [kept] = await db
      .select({ n: count() })
      .from(auditEvents)
      .where(eq(auditEvents.orgId, org.orgId));
    expect(kept?.n).toBeGreaterThanOrEqual(3);
  });
});

describe("who acted", () => {
  test("the actor's email and name are recorded when the event is written", async () => {
    const org = await makeOrg();
    await renameOrganisation(org.ctx.admin, "Before the change of name");
    const admin = org.users.admin;
    await db.execute(
      sql`update users set name = 'Someone Else', email = ${`new-${admin.email}`} where id = ${admin.id}`,
    );
    const { events } = await listAuditEvents(org.ctx.owner, { action: "organisation.updated" });
    expect(events[0]).toMatchObject({ actorEmail: admin.email, actorName: admin.name });
  });

  test("the API shows the email of the person who acted, or who created the token that did", async () => {
    const org = await makeOrg();
    await renameOrganisation(org.ctx.admin, "Via the app");
    const { token } = await createApiToken(org.ctx.admin, { name: "Reader", role: "admin" });
    const res = await auditEventsRoute(
      new Request("http://localhost/api/v1/audit-events?limit=200", {
        headers: { authorization: `Bearer ${token}` },
      }),
      { params: Promise.resolve({}) },
    );
    expect(res.status).toBe(200);
    const { data } = await res.json();
    const renamed = data.find((e: { action: string }) => e.action === "organisation.updated");
    expect(renamed).toMatchObject({
      actor: org.users.admin.email,
      actorType: "user",
      actorEmail: org.users.admin.email,
      actorName: org.users.admin.name,
    });
    const created = data.find((e: { action: string }) => e.action === "api_token.created");
    expect(created).toMatchObject({ actorType: "user", actorEmail: org.users.admin.email });
  });
});

import { sql } from "drizzle-orm";
import { describe, expect, test } from "vitest";
import { db } from "@/db";
import { createApiToken, revokeApiToken } from "@/db/queries/api-tokens";
import { listAuditEvents } from "@/db/queries/audit";
import { createInvitation } from "@/db/queries/invitations";
import { changeMemberRole, listMembers, removeMember } from "@/db/queries/members";
import { getOrganisation, updateOrganisation } from "@/db/queries/organisations";
import type { MemberContext } from "@/lib/domain/permissions";
import type { Role } from "@/lib/domain/roles";
import { makeOrg, outcome, type TestOrg } from "./fixtures";

async function membership(org: TestOrg, role: Role) {
  const m = (await listMembers(org.ctx.owner)).find((x) => x.userId === org.users[role].id);
  if (!m) throw new Error("no member");
  return m;
}

/** Gives the member `role`, at the version they were read at. */
const changeRole = (ctx: MemberContext, member: { id: string; version: number }, role: Role) =>
  changeMemberRole(ctx, { membershipId: member.id, role, version: member.version });

describe("role changes and removals", () => {
  test("an admin cannot promote anyone to owner, nor touch an owner", async () => {
    const org = await makeOrg();
    const viewer = await membership(org, "viewer");
    const owner = await membership(org, "owner");
    expect(await outcome(changeRole(org.ctx.admin, viewer, "owner"))).toBe("forbidden");
    expect(await outcome(changeRole(org.ctx.admin, owner, "viewer"))).toBe("forbidden");
    expect(await outcome(removeMember(org.ctx.admin, { membershipId: owner.id }))).toBe(
      "forbidden",
    );
  });

  test("the last owner can be neither demoted nor removed, but can hand over first", async () => {
    const org = await makeOrg();
    const owner = await membership(org, "owner");
    expect(await outcome(changeRole(org.ctx.owner, owner, "admin"))).toBe("conflict");
    expect(await outcome(removeMember(org.ctx.owner, { membershipId: owner.id }))).toBe("conflict");

    const admin = await membership(org, "admin");
    await changeRole(org.ctx.owner, admin, "owner");
    expect(await outcome(removeMember(org.ctx.owner, { membershipId: owner.id }))).toBe("ok");
    expect((await listMembers(org.ctx.admin)).filter((m) => m.role === "owner")).toHaveLength(1);
  });

  test("any member may leave on their own", async () => {
    const org = await makeOrg();
    const viewer = await membership(org, "viewer");
    expect(await outcome(removeMember(org.ctx.viewer, { membershipId: viewer.id }))).toBe("ok");
    const events = await listAuditEvents(org.ctx.owner, { action: "member.left" });
    expect(events.events).toHaveLength(1);
  });

  test("a stale version is a conflict, and of two concurrent changes exactly one wins", async () => {
    const org = await makeOrg();
    const target = await membership(org, "contributor");
    const results = await Promise.all([
      outcome(changeRole(org.ctx.owner, target, "lead")),
      outcome(changeRole(org.ctx.admin, target, "viewer")),
    ]);
    expect(results.sort()).toEqual(["conflict", "ok"]);
    const after = (await listMembers(org.ctx.owner)).find((m) => m.id === target.id)!;
    expect(after.version).toBe(target.version + 1);
    expect(["lead", "viewer"]).toContain(after.role);
  });

  test("two people renaming the organisation at once: one wins, the other is told", async () => {
    const org = await makeOrg();
    const { version } = await getOrganisation(org.ctx.owner);
    const results = await Promise.all([
      outcome(updateOrganisation(org.ctx.owner, { name: "Name A", version })),
      outcome(updateOrganisation(org.ctx.admin, { name: "Name B", version })),
    ]);
    expect(results.sort()).toEqual(["conflict", "ok"]);
    const after = await getOrganisation(org.ctx.viewer);
    expect(["Name A", "Name B"]).toContain(after.name);
    expect(after.version).toBe(version + 1);
  });
});

describe("audit log", () => {
  test("every change is recorded with who, what and before/after", async () => {
    const org = await makeOrg();
    const { version } = await getOrganisation(org.ctx.owner);
    await updateOrganisation(org.ctx.admin, { name: "Audited Org", version });
    const lead = await membership(org, "lead");
    await changeRole(org.ctx.owner, lead, "contributor");
    const viewer = await membership(org, "viewer");
    await removeMember(org.ctx.admin, { membershipId: viewer.id });
    await createInvitation(org.ctx.admin, { role: "viewer", email: "invitee@example.org" });
    const { apiToken } = await createApiToken(org.ctx.owner, {
      name: "Audit bridge",
      role: "viewer",
    });
    await revokeApiToken(org.ctx.admin, apiToken.id);

    const { events } = await listAuditEvents(org.ctx.owner, { limit: 200 });
    const byAction = new Map(events.map((e) => [e.action, e]));
    expect(byAction.get("organisation.updated")).toMatchObject({
      actorType: "user",
      actorUserId: org.users.admin.id,
      actorLabel: org.users.admin.email,
      actorEmail: org.users.admin.email,
      actorName: org.users.admin.name,
      before: { name: expect.any(String) },
      after: { name: "Audited Org" },
    });
    expect(byAction.get("member.role_changed")).toMatchObject({
      actorLabel: org.users.owner.email,
      before: { role: "lead" },
      after: { role: "contributor" },
    });
    expect(byAction.get("member.removed")?.before).toMatchObject({ role: "viewer" });
    expect(byAction.get("invitation.created")?.after).toMatchObject({
      role: "viewer",
      email: "invitee@example.org",
    });
    expect(byAction.get("api_token.created")?.after).toMatchObject({ name: "Audit bridge" });
    expect(JSON.stringify(byAction.get("api_token.created"))).not.toMatch(/pf_[A-Za-z0-9_-]{20,}/);
    expect(byAction.get("api_token.revoked")?.actorLabel).toBe(org.users.admin.email);
  });

  test("a refused change writes nothing", async () => {
    const org = await makeOrg();
    const before = (await listAuditEvents(org.ctx.owner, { limit: 200 })).events.length;
    const owner = await membership(org, "owner");
    await outcome(changeRole(org.ctx.owner, owner, "viewer"));
    await outcome(updateOrganisation(org.ctx.owner, { name: "Stale", version: 999 }));
    expect((await listAuditEvents(org.ctx.owner, { limit: 200 })).events.length).toBe(before);
  });

  test("is append-only, even for the database user", async () => {
    const failure = (query: Promise<unknown>) =>
      query.then(
        () => "succeeded",
        (error: Error & { cause?: Error }) => error.cause?.message ?? error.message,
      );
    expect(await failure(db.execute(sql`update audit_events set action = 'rewritten'`))).toMatch(
      /append-only/,
    );
    expect(await failure(db.execute(sql`delete from audit_events`))).toMatch(/append-only/);
    expect(await failure(db.execute(sql`truncate audit_events`))).toMatch(/append-only/);
  });

  test("filters and pages through events, newest first, without gaps or repeats", async () => {
    const org = await makeOrg();
    for (let i = 0; i < 7; i++)
      await createInvitation(org.ctx.owner, { role: "viewer", email: "invitee@example.org" });
    const seen: number[] = [];
    let cursor: string | undefined;
    do {
      const page = await listAuditEvents(org.ctx.owner, {
        action: "invitation.created",
        limit: 3,
        cursor,
      });
      seen.push(...page.events.map((e) => e.id));
      cursor = page.nextCursor ?? undefined;
    } while (cursor);
    expect(seen).toHaveLength(7);
    expect(new Set(seen).size).toBe(7);
    expect([...seen].sort((a, b) => b - a)).toEqual(seen);
    const future = await listAuditEvents(org.ctx.owner, { from: new Date(Date.now() + 3_600_000) });
    expect(future.events).toHaveLength(0);
  });
});

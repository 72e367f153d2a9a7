import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { PGlite } from "@electric-sql/pglite";
import { pg_trgm } from "@electric-sql/pglite/contrib/pg_trgm";
import { eq, sql } from "drizzle-orm";
import { drizzle } from "drizzle-orm/pglite";
import { migrate } from "drizzle-orm/pglite/migrator";
import { describe, expect, test } from "vitest";
import { GET as auditEventsRoute } from "@/app/api/v1/audit-events/route";
import { GET as organisationRoute } from "@/app/api/v1/organisation/route";
import { db } from "@/db";
import { createApiToken, listApiTokens } from "@/db/queries/api-tokens";
import { changeMemberRole, listMembers, removeMember } from "@/db/queries/members";
import { systemContext } from "@/db/queries/system";
import { setUserDisabled } from "@/db/queries/users";
import { apiTokens } from "@/db/schema";
import type { MemberContext } from "@/lib/domain/permissions";
import type { Role } from "@/lib/domain/roles";
import { makeOrg, outcome, type TestOrg } from "./fixtures";
import { call, noParams } from "./http";

const DAY = 86_400_000;
/** Status and body of GET /api/v1/organisation with the token. */
async function callOrganisation(token: string) {
  const res = await organisationRoute(call("/api/v1/organisation", token), noParams);
  return { status: res.status, body: await res.json() };
}

async function callAudit(token: string) {
  return (await auditEventsRoute(call("/api/v1/audit-events", token), noParams)).status;
}

async function membershipOf(org: TestOrg, role: Role) {
  const m = (await listMembers(org.ctx.owner)).find((x) => x.userId === org.users[role].id);
  if (!m) throw new Error("no member");
  return m;
}

async function demote(org: TestOrg, role: Role, to: Role) {
  const m = await membershipOf(org, role);
  await changeMemberRole(org.ctx.owner, { membershipId: m.id, role: to, version: m.version });
}

describe("token expiry", () => {
  test("a token expires after 90 days by default, or after the lifetime chosen", async () => {
    const org = await makeOrg();
    const before = Date.now();
    const { apiToken: byDefault } = await createApiToken(org.ctx.admin, {
      name: "Default",
      role: "viewer",
    });
    const { apiToken: week } = await createApiToken(org.ctx.admin, {
      name: "A week",
      role: "viewer",
      expiresInDays: 7,
    });
    const expiry = (t: { expiresAt?: Date }) => t.expiresAt?.getTime() ?? Number.NaN;
    expect(expiry(byDefault)).toBeGreaterThanOrEqual(before + 90 * DAY - 1000);
    expect(expiry(byDefault)).toBeLessThanOrEqual(Date.now() + 90 * DAY + 1000);
    expect(expiry(week)).toBeGreaterThanOrEqual(before + 7 * DAY - 1000);
    expect(expiry(week)).toBeLessThanOrEqual(Date.now() + 7 * DAY + 1000);
  });

  test("a lifetime outside 1–365 whole days is refused", async () => {
    const org = await makeOrg();
    for (const expiresInDays of [0, -1, 366, 1.5, Number.NaN]) {
      expect(
        await outcome(
          createApiToken(org.ctx.admin, { name: "Odd", role: "viewer", expiresInDays }),
        ),
      ).toBe("invalid_input");
    }
  });

  test("an expired token gets a 401 that says it expired, and its last use is not touched", async () => {
    const org = await makeOrg();
    const eightDaysAgo = new Date(Date.now() - 8 * DAY);
    const { token, apiToken } = await createApiToken(
      org.ctx.admin,
      { name: "Old", role: "viewer", expiresInDays: 7 },
      eightDaysAgo,
    );
    const res = await callOrganisation(token);
    expect(res.status).toBe(401);
    expect(res.body.error).toMatchObject({ code: "unauthorized", reason: "expired" });
    expect(res.body.error.message).toMatch(/expired/i);
    const [row] = await db
      .select({ lastUsedAt: apiTokens.lastUsedAt })
      .from(apiTokens)
      .where(eq(apiTokens.id, apiToken.id));
    expect(row?.lastUsedAt).toBeNull();
  });

  test("the token list shows each token's expiry, last use and whether it works", async () => {
    const org = await makeOrg();
    const fresh = await createApiToken(org.ctx.admin, { name: "Fresh", role: "viewer" });
    await createApiToken(
      org.ctx.admin,
      { name: "Stale", role: "viewer", expiresInDays: 7 },
      new Date(Date.now() - 8 * DAY),
    );
    expect((await callOrganisation(fresh.token)).status).toBe(200);
    const list = await listApiTokens(org.ctx.owner);
    expect(list.find((t) => t.name === "Fresh")).toMatchObject({
      expiresAt: expect.any(Date),
      lastUsedAt: expect.any(Date),
      status: "active",
    });
    expect(list.find((t) => t.name === "Stale")).toMatchObject({
      lastUsedAt: null,
      status: "expired",
    });
  });
});

describe("a token is bound to its creator's current membership", () => {
  test("an admin removed from the organisation loses admin API access through their token", async () => {
    const org = await makeOrg();
    const { token } = await createApiToken(org.ctx.admin, { name: "Admin bridge", role: "admin" });
    expect(await callAudit(token)).toBe(200);

    await removeMember(org.ctx.owner, { membershipId: (await membershipOf(org, "admin")).id });

    expect(await callAudit(token)).toBe(401);
    const res = await callOrganisation(token);
    expect(res.status).toBe(401);
    expect(res.body.error).toMatchObject({ code: "unauthorized", reason: "creator_removed" });
    expect(res.body.error.message).toMatch(/no longer a member/);
    const listed = (await listApiTokens(org.ctx.owner)).find((t) => t.name === "Admin bridge");
    expect(listed?.status).toBe("creator_removed");
  });

  test("demoted below the token's role, the token stops; at or above it, it keeps its role", async () => {
    const org = await makeOrg();
    const admin = await createApiToken(org.ctx.admin, { name: "Admin token", role: "admin" });
    const lead = await createApiToken(org.ctx.admin, { name: "Lead token", role: "lead" });
    const viewer = await createApiToken(org.ctx.admin, { name: "Viewer token", role: "viewer" });

    await demote(org, "admin", "lead");

    const refused = await callOrganisation(admin.token);
    expect(refused.status).toBe(401);
    expect(refused.body.error).toMatchObject({ reason: "creator_demoted" });
    expect(refused.body.error.message).toMatch(/role/);
    expect(await callAudit(admin.token)).toBe(401);
    expect((await callOrganisation(lead.token)).body).toMatchObject({ token: { role: "lead" } });
    expect((await callOrganisation(viewer.token)).body).toMatchObject({
      token: { role: "viewer" },
    });

    // Suspended, not revoked: given the role back, the creator's token works again.
    const m = await membershipOf(org, "admin");
    await changeMemberRole(org.ctx.owner, {
      membershipId: m.id,
      role: "admin",
      version: m.version,
    });
    expect(await callAudit(admin.token)).toBe(200);
  });

  test("a disabled creator's tokens stop working until they are enabled again", async () => {
    const org = await makeOrg();
    const { token } = await createApiToken(org.ctx.admin, { name: "Bridge", role: "viewer" });
    await setUserDisabled({ type: "system", label: "test" }, org.users.admin.email, true);
    const res = await callOrganisation(token);
    expect(res.status).toBe(401);
    expect(res.body.error).toMatchObject({ reason: "creator_disabled" });
    expect(res.body.error.message).toMatch(/disabled/);
    await setUserDisabled({ type: "system", label: "test" }, org.users.admin.email, false);
    expect((await callOrganisation(token)).status).toBe(200);
  });

  test("a token cannot create tokens (they would outlive the person behind it)", async () => {
    const org = await makeOrg();
    const tokenCtx: MemberContext = {
      ...org.ctx.admin,
      actor: {
        type: "token",
        tokenId: crypto.randomUUID(),
        label: 'API token "x"',
        createdByUserId: org.users.admin.id,
      },
    };
    expect(await outcome(createApiToken(tokenCtx, { name: "Child", role: "viewer" }))).toBe(
      "forbidden",
    );
  });

  test("command-line tokens belong to no member: they still expire, and show as such", async () => {
    const org = await makeOrg();
    const ctx = await systemContext(org.slug, "command line (test)");
    const { token } = await createApiToken(ctx, { name: "Operator", role: "admin" });
    expect(await callAudit(token)).toBe(200);
    const old = await createApiToken(
      ctx,
      { name: "Old operator", role: "admin", expiresInDays: 30 },
      new Date(Date.now() - 31 * DAY),
    );
    expect((await callOrganisation(old.token)).body.error).toMatchObject({ reason: "expired" });
    const listed = (await listApiTokens(org.ctx.owner)).find((t) => t.name === "Operator");
    expect(listed).toMatchObject({ createdByName: null, status: "active" });
  });

  test("deleting the creator's account deletes their tokens", async () => {
    const org = await makeOrg();
    const { token, apiToken } = await createApiToken(org.ctx.admin, {
      name: "Bridge",
      role: "viewer",
    });
    await db.execute(sql`delete from users where id = ${org.users.admin.id}`);
    expect((await callOrganisation(token)).status).toBe(401);
    const rows = await db.select().from(apiTokens).where(eq(apiTokens.id, apiToken.id));
    expect(rows).toHaveLength(0);
  });
});

describe("migration 0006", () => {
  test("tokens that existed before it expire 90 days after it ran", async () => {
    const all = path.join(process.cwd(), "db/migrations");
    const older = fs.mkdtempSync(path.join(os.tmpdir(), "preflight-migrations-"));
    fs.cpSync(all, older, { recursive: true });
    const journalPath = path.join(older, "meta/_journal.json");
    const journal = JSON.parse(fs.readFileSync(journalPath, "utf8"));
    const at0006 = journal.entries.findIndex((e: { idx: number }) => e.idx === 6);
    expect(at0006).toBeGreaterThan(0);
    journal.entries = journal.entries.slice(0, at0006);
    fs.writeFileSync(journalPath, JSON.stringify(journal));

    const client = new PGlite({ extensions: { pg_trgm } });
    try {
      const local = drizzle(client);
      await migrate(local, { migrationsFolder: older });
      await client.exec(`
        insert into organisations (id, slug, name)
          values ('00000000-0000-4000-8000-000000000001', 'pre', 'Pre');
        insert into api_tokens (org_id, name, role, token_hash, token_prefix)
          values ('00000000-0000-4000-8000-000000000001', 'Before', 'admin', 'h', 'pf_x');
      `);
      const ran = Date.now();
      await migrate(local, { migrationsFolder: all });
      const { rows } = await client.query<{ expires_at: Date }>(
        "select expires_at from api_tokens",
      );
      const expiresAt = rows[0]?.expires_at.getTime() ?? 0;
      expect(expiresAt).toBeGreaterThanOrEqual(ran + 90 * DAY - 60_000);
      expect(expiresAt).toBeLessThanOrEqual(Date.now() + 90 * DAY + 60_000);
    } finally {
      await client.close();
      fs.rmSync(older, { recursive: true, force: true });
    }
  });
});

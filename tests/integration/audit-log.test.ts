import { spawn } from "node:child_process";
import { randomBytes } from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import { count, eq, sql } from "drizzle-orm";
import postgres from "postgres";
import { describe, expect, inject, type TestContext, test } from "vitest";
import { GET as auditEventsRoute } from "@/app/api/v1/audit-events/route";
import { db } from "@/db";
import { createApiToken } from "@/db/queries/api-tokens";
import { listAuditEvents } from "@/db/queries/audit";
import { getOrganisation, updateOrganisation } from "@/db/queries/organisations";
import { auditEvents } from "@/db/schema";
import { makeOrg } from "./fixtures";

const databaseUrl = inject("databaseUrl");

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

/** Runs a script as a separate process, as the app would, with `env` overriding ours. */
function runScript(script: string, args: string[], env: Record<string, string>) {
  return new Promise<{ code: number; stderr: string }>((resolve) => {
    const child = spawn(
      path.join(process.cwd(), "node_modules/.bin/tsx"),
      [`scripts/${script}.ts`, ...args],
      { env: { ...process.env, ...env }, stdio: ["ignore", "ignore", "pipe"] },
    );
    let stderr = "";
    child.stderr.on("data", (d) => {
      stderr += d;
    });
    child.on("exit", (code) => resolve({ code: code ?? 1, stderr }));
  });
}

const NEEDS_POSTGRES =
  "needs PostgreSQL: set TEST_DATABASE_URL (e.g. postgres://postgres@127.0.0.1:5432/test) to run it";

/** The test database's URL; on the embedded database, skips and says why rather than silently. */
function postgresOrSkip(ctx: TestContext): string {
  if (databaseUrl) return databaseUrl;
  console.warn(`Skipped "${ctx.task.name}": ${NEEDS_POSTGRES}.`);
  return ctx.skip(NEEDS_POSTGRES);
}

/**
 * Runs db/least-privilege.sql as the owner of the test database (twice: it must be safe to
 * run again), for a role named uniquely for this test, since roles belong to the whole server.
 */
async function createAppRole(ownerUrl: string) {
  const role = `preflight_app_${randomBytes(4).toString("hex")}`;
  const password = randomBytes(12).toString("hex");
  const owner = postgres(ownerUrl, { max: 1, onnotice: () => {} });
  const script = fs
    .readFileSync(path.join(process.cwd(), "db/least-privilege.sql"), "utf8")
    .replace(/\bpreflight_app\b/g, role);
  await owner.unsafe(script);
  await owner.unsafe(script);
  await owner.unsafe(`alter role ${role} password '${password}'`);
  const url = new URL(ownerUrl);
  url.username = role;
  url.password = password;
  return {
    role,
    url: url.toString(),
    drop: async () => {
      await owner.unsafe(`drop owned by ${role}; drop role ${role}`);
      await owner.end();
    },
  };
}

/** "succeeded", or the database's message. */
const attempt = (query: Promise<unknown>) =>
  query.then(
    () => "succeeded",
    (error: Error) => error.message,
  );

describe("the least-privilege role of db/least-privilege.sql (PostgreSQL)", () => {
  test("may only insert and read audit events: UPDATE, DELETE, TRUNCATE and DISABLE TRIGGER are refused", async (ctx) => {
    const appRole = await createAppRole(postgresOrSkip(ctx));
    const app = postgres(appRole.url, { max: 1, onnotice: () => {} });
    try {
      const [me] = await app`select current_user as name`;
      expect(me?.name).toBe(appRole.role);

      const [inserted] = await app`
        insert into audit_events (actor_label, action, entity_type)
        values ('least-privilege test', 'test.inserted', 'test') returning id`;
      expect(inserted?.id).toBeDefined();
      const read = await app`select action from audit_events where id = ${inserted?.id}`;
      expect(read).toEqual([{ action: "test.inserted" }]);

      expect(await attempt(app`update audit_events set action = 'rewritten'`)).toMatch(
        /permission denied/,
      );
      expect(await attempt(app`delete from audit_events`)).toMatch(/permission denied/);
      expect(await attempt(app`truncate audit_events`)).toMatch(/permission denied/);
      expect(await attempt(app`alter table audit_events disable trigger all`)).toMatch(
        /must be owner/,
      );
      expect(
        await attempt(
          app`alter table audit_events disable trigger audit_events_no_update_or_delete`,
        ),
      ).toMatch(/must be owner/);
      expect(await attempt(app`drop trigger audit_events_no_truncate on audit_events`)).toMatch(
        /must be owner/,
      );
      expect(await attempt(app`drop table audit_events`)).toMatch(/must be owner/);

      // Everything else the app needs: reads and writes on every other table.
      const missing = await app`
        select c.relname as table, p.privilege
        from pg_class c
        join pg_namespace n on n.oid = c.relnamespace and n.nspname = 'public'
        cross join unnest(array['SELECT', 'INSERT', 'UPDATE', 'DELETE']) as p(privilege)
        where c.relkind in ('r', 'p') and c.relname <> 'audit_events'
          and not has_table_privilege(current_user, c.oid, p.privilege)`;
      expect(missing).toEqual([]);
      const [failure] = await app`
        insert into sign_in_failures (key) values (${`ip:${appRole.role}`}) returning id`;
      expect(await attempt(app`delete from sign_in_failures where id = ${failure?.id}`)).toBe(
        "succeeded",
      );
    } finally {
      await app.end();
      await appRole.drop();
    }
  });

  test("the app runs as that role, with migrations run as the owner through MIGRATION_DATABASE_URL", async (ctx) => {
    const ownerUrl = postgresOrSkip(ctx);
    const org = await makeOrg();
    const appRole = await createAppRole(ownerUrl);
    try {
      const asApp = { DATABASE_URL: appRole.url, MIGRATION_DATABASE_URL: "" };
      const refused = await runScript("migrate", [], asApp);
      expect(refused.code).toBe(1);
      expect(refused.stderr).toMatch(/permission denied/);
      const migrated = await runScript("migrate", [], {
        ...asApp,
        MIGRATION_DATABASE_URL: ownerUrl,
      });
      expect(migrated.code).toBe(0);
      // A write and its audit row, as the app role.
      const token = await runScript("token", ["--org", org.slug, "--role", "viewer"], asApp);
      expect(token.stderr).toMatch(/Created API token/);
      expect(token.code).toBe(0);
      const events = await listAuditEvents(org.ctx.owner, { action: "api_token.created" });
      expect(events.events).toHaveLength(1);
    } finally {
      await appRole.drop();
    }
  });
});

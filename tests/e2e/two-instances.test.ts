import { randomBytes, randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { AppServer, freePort, throwawayPostgres } from "../../scripts/lib/server";

// Two production instances of the app on one PostgreSQL database, as behind a load balancer:
// what one instance counts or claims, the other sees. Needs a PostgreSQL server:
// TEST_DATABASE_URL (a database is created on it for the run and dropped afterwards, named
// TEST_DATABASE_PREFIX_… or preflight_e2e_…). E2E_INSTANCE_PORTS="3601,3602" picks the ports.

const base = process.env.TEST_DATABASE_URL;

describe.skipIf(!base)("two app instances on one PostgreSQL database", () => {
  const servers: AppServer[] = [];
  let drop: () => Promise<void> = async () => {};
  let token = "";
  let pilotId = "";
  let incidentsTitled: (title: string) => Promise<number> = async () => 0;
  let createdAuditRows: (incidentId: string) => Promise<number> = async () => 0;
  let closeDatabase: () => Promise<void> = async () => {};

  beforeAll(async () => {
    const database = await throwawayPostgres(
      base as string,
      process.env.TEST_DATABASE_PREFIX ?? "preflight_e2e",
    );
    drop = database.drop;
    // This process writes the organisation, pilot and token through the app's own queries.
    process.env.DATABASE_URL = database.url;
    const dbModule = await import("@/db");
    closeDatabase = dbModule.closeDatabase;
    await dbModule.migrateDatabase();
    const { makeOrg, startedPilot } = await import("../integration/fixtures");
    const { tokenFor } = await import("../integration/http");
    const { sql } = await import("drizzle-orm");
    const countOf = async (statement: ReturnType<typeof sql>) => {
      const result = await dbModule.db.execute(statement);
      const rows = (Array.isArray(result) ? result : (result as { rows: unknown[] }).rows) as {
        n: number;
      }[];
      return Number(rows[0]?.n);
    };
    incidentsTitled = (title) =>
      countOf(sql`select count(*)::int as n from incidents where title = ${title}`);
    createdAuditRows = (id) =>
      countOf(
        sql`select count(*)::int as n from audit_events where action = 'incident.created' and entity_id = ${id}`,
      );
    const org = await makeOrg();
    pilotId = (await startedPilot(org)).id;
    token = await tokenFor(org, "contributor");

    const ports = (process.env.E2E_INSTANCE_PORTS ?? "").split(",").filter(Boolean).map(Number);
    const secret = randomBytes(32).toString("base64url");
    for (let i = 0; i < 2; i++) {
      const port = ports[i] ?? (await freePort());
      servers.push(
        new AppServer(port, {
          ...process.env,
          NEXT_TELEMETRY_DISABLED: "1",
          DATABASE_URL: database.url,
          // One secret for both, as behind a load balancer; each its own address.
          AUTH_SECRET: secret,
          AUTH_URL: `http://127.0.0.1:${port}`,
          PORT: String(port),
          TRUSTED_PROXY_HOPS: "1",
        }),
      );
    }
    await Promise.all(servers.map((s) => s.start()));
  }, 180_000);

  afterAll(async () => {
    await Promise.all(servers.map((s) => s.stop()));
    await closeDatabase();
    await drop();
  });

  /** A credentials sign-in at one instance, from `address`, as a browser sends it. */
  async function signIn(server: AppServer, email: string, password: string, address: string) {
    const headers = { "x-forwarded-for": address };
    const csrf = await fetch(`${server.baseUrl}/api/auth/csrf`, { headers });
    const { csrfToken } = (await csrf.json()) as { csrfToken: string };
    const cookie = csrf.headers
      .getSetCookie()
      .map((c) => c.split(";")[0])
      .join("; ");
    return fetch(`${server.baseUrl}/api/auth/callback/credentials`, {
      method: "POST",
      redirect: "manual",
      headers: { ...headers, cookie, "content-type": "application/x-www-form-urlencoded" },
      body: new URLSearchParams({ csrfToken, email, password }),
    });
  }

  test("failed sign-ins spread over both instances use up one limit: the next is refused on either", async () => {
    const [a, b] = servers as [AppServer, AppServer];
    const email = `nobody-${randomUUID()}@example.com`;
    // Five failures (the limit per address and per email), alternating between the instances.
    for (let i = 0; i < 5; i++) {
      const failed = await signIn(i % 2 ? b : a, email, "wrong password", "198.51.100.7");
      expect(failed.status).toBe(302);
      expect(failed.headers.get("location")).toMatch(/code=invalid/);
    }
    for (const server of [a, b]) {
      const refused = await signIn(server, email, "wrong password", "198.51.100.7");
      expect(refused.status).toBe(429);
      expect(Number(refused.headers.get("retry-after"))).toBeGreaterThan(0);
    }
    // The same email from another address: the per-email count is shared too.
    expect((await signIn(b, email, "wrong password", "198.51.100.8")).status).toBe(429);
  });

  test("one Idempotency-Key sent to both instances at once creates one incident, and both answer with it", async () => {
    const key = randomUUID();
    const title = `Sent twice ${key}`;
    const body = JSON.stringify({
      title,
      severity: "sev2",
      category: "integration_failure",
      detectionSource: "automated_check",
      outcome: "prevented",
      startedAt: new Date(Date.now() - 3_600_000).toISOString(),
    });
    const post = (server: AppServer) =>
      fetch(`${server.baseUrl}/api/v1/pilots/${pilotId}/incidents`, {
        method: "POST",
        headers: {
          authorization: `Bearer ${token}`,
          "content-type": "application/json",
          "idempotency-key": key,
        },
        body,
      });
    for (let round = 0; round < 3; round++) {
      const roundKey = `${key}-${round}`;
      const roundTitle = `${title} ${round}`;
      const send = (server: AppServer) =>
        fetch(`${server.baseUrl}/api/v1/pilots/${pilotId}/incidents`, {
          method: "POST",
          headers: {
            authorization: `Bearer ${token}`,
            "content-type": "application/json",
            "idempotency-key": roundKey,
          },
          body: body.replace(title, roundTitle),
        });
      const answers = await Promise.all([send(servers[0]!), send(servers[1]!), send(servers[0]!)]);
      expect(answers.map((r) => r.status)).toEqual([201, 201, 201]);
      const bodies = (await Promise.all(answers.map((r) => r.json()))) as { id: string }[];
      expect(new Set(bodies.map((b) => b.id)).size).toBe(1);
      expect(bodies[1]).toEqual(bodies[0]);
      // One answer did the work; the others replayed it.
      expect(answers.filter((r) => r.headers.get("idempotent-replayed") === "true").length).toBe(2);
      expect(await incidentsTitled(roundTitle)).toBe(1);
      expect(await createdAuditRows(bodies[0]!.id)).toBe(1);
    }
    // The same key with another body is refused on either instance.
    const first = await post(servers[0]!);
    expect(first.status).toBe(201);
    const other = await fetch(`${servers[1]!.baseUrl}/api/v1/pilots/${pilotId}/incidents`, {
      method: "POST",
      headers: {
        authorization: `Bearer ${token}`,
        "content-type": "application/json",
        "idempotency-key": key,
      },
      body: body.replace(title, `${title} changed`),
    });
    expect(other.status).toBe(409);
  });
});

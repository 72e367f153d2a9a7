import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, test, vi } from "vitest";
import { acquireDirectoryLock } from "@/db/lock";
import { demoSeedRefusal } from "@/scripts/lib/seed-demo";
import { runScript } from "./scripts";

// The command-line scripts run as separate processes against their own embedded
// database, exactly as a self-hoster would run them. Each starts Node and opens the
// database, so a test of three of them needs more than the default half minute on 2 cores.
vi.setConfig({ testTimeout: 120_000 });
let dataDir: string;

const run = (script: string, args: string[] = [], env: Record<string, string> = {}) =>
  runScript(script, args, { PREFLIGHT_DATA_DIR: dataDir, ...env });

/** The expiry `npm run token` reports, in milliseconds since the epoch. */
const until = (stderr: string) => Date.parse(/valid until (\S+?)\.?$/m.exec(stderr)?.[1] ?? "");

beforeAll(() => {
  dataDir = fs.mkdtempSync(path.join(os.tmpdir(), "preflight-cli-"));
});
afterAll(() => fs.rmSync(dataDir, { recursive: true, force: true }));

describe("command-line administration", () => {
  test("migrate, create an organisation with a new owner, and mint a token for it", async () => {
    expect((await run("migrate")).code).toBe(0);
    const created = await run("org-create", ["--slug", "acme-ops", "--owner", "ops@acme.example"]);
    expect(created.code).toBe(0);
    expect(created.stdout).toMatch(/Created organisation .* at \/o\/acme-ops/);
    expect(created.stdout).toMatch(/password: \S{12,}/);

    const token = await run("token", ["--org", "acme-ops", "--role", "admin"]);
    expect(token.code).toBe(0);
    expect(token.stdout.trim()).toMatch(/^pf_[A-Za-z0-9_-]{40,}$/);
    expect(until(token.stderr) - Date.now()).toBeGreaterThan(89 * 86_400_000);
    expect(until(token.stderr) - Date.now()).toBeLessThan(90 * 86_400_000 + 60_000);

    const again = await run("org-create", ["--slug", "acme-ops", "--owner", "ops@acme.example"]);
    expect(again.code).toBe(1);
    expect(again.stderr).toMatch(/already exists/);
  });

  test("a token lasts 90 days unless --expires-in-days (1–365) says otherwise", async () => {
    const week = await run("token", [
      "--org",
      "acme-ops",
      "--role",
      "viewer",
      "--expires-in-days",
      "7",
    ]);
    expect(week.code).toBe(0);
    expect(until(week.stderr) - Date.now()).toBeGreaterThan(6 * 86_400_000);
    expect(until(week.stderr) - Date.now()).toBeLessThan(7 * 86_400_000 + 60_000);

    for (const days of ["366", "soon"]) {
      const badExpiry = await run("token", [
        "--org",
        "acme-ops",
        "--role",
        "viewer",
        "--expires-in-days",
        days,
      ]);
      expect(badExpiry.code).toBe(1);
      expect(badExpiry.stderr).toMatch(/--expires-in-days/);
    }
  });

  test("wrong arguments print the usage and fail", async () => {
    const badRole = await run("token", ["--org", "acme-ops", "--role", "emperor"]);
    expect(badRole.code).toBe(1);
    expect(badRole.stderr).toMatch(/Usage: npm run token/);
    expect(badRole.stderr).toMatch(/--role/);
    const unknownOrg = await run("token", ["--org", "no-such-org", "--role", "viewer"]);
    expect(unknownOrg.code).toBe(1);
    expect(unknownOrg.stderr).toMatch(/"no-such-org" was not found/);
  });

  test("the demo seed can run again and again", async () => {
    const first = await run("seed", [], { DEMO_PASSWORD: "first-password" });
    const second = await run("seed", [], { DEMO_PASSWORD: "second-password" });
    expect(first.code).toBe(0);
    expect(second.code).toBe(0);
    expect(second.stdout).toMatch(/Updated the demo organisation "demo"/);
    expect(second.stdout).toMatch(/password: second-password/);
  });

  test("the demo seed refuses to run in production unless asked explicitly, and says how", async () => {
    expect((await run("migrate")).code).toBe(0);
    const production = { NODE_ENV: "production", AUTH_URL: "http://localhost:3000" };
    const refused = await run("seed", [], production);
    expect(refused.code).toBe(1);
    expect(refused.stderr).toMatch(/NODE_ENV=production/);
    expect(refused.stderr).toMatch(/--allow-production/);
    expect(refused.stderr).toMatch(/PREFLIGHT_ALLOW_DEMO_IN_PRODUCTION=1/);
    expect(refused.stdout).not.toMatch(/password/);
    const allowed = await run("seed", ["--allow-production"], production);
    expect(allowed.code).toBe(0);
    expect(allowed.stdout).toMatch(/demo organisation "demo"/);
  });

  test.each([
    [{ NODE_ENV: "production" }, {}, true],
    [{ NODE_ENV: "production" }, { "allow-production": true as const }, false],
    [{ NODE_ENV: "production", PREFLIGHT_ALLOW_DEMO_IN_PRODUCTION: "1" }, {}, false],
    [{ NODE_ENV: "production", PREFLIGHT_ALLOW_DEMO_IN_PRODUCTION: "yes" }, {}, true],
    [{ NODE_ENV: "development" }, {}, false],
    [{}, {}, false],
  ])("with %j and arguments %j, refused: %s", (env, args, refused) => {
    expect(demoSeedRefusal(env, args) !== null).toBe(refused);
  });

  test("while another process holds the database, a second one fails at once and harms nothing", async () => {
    const release = acquireDirectoryLock(dataDir);
    try {
      const started = Date.now();
      const blocked = await run("migrate");
      expect(blocked.code).toBe(1);
      expect(blocked.stderr).toContain(
        `The embedded database in ${dataDir} is in use by process ${process.pid}`,
      );
      expect(Date.now() - started).toBeLessThan(15_000);
    } finally {
      release();
    }
    // The data is intact: the organisation created earlier is still there.
    const token = await run("token", ["--org", "acme-ops", "--role", "viewer"]);
    expect(token.code).toBe(0);
  });

  test("a lock left by a process that died is taken over", async () => {
    fs.writeFileSync(
      path.join(dataDir, "preflight.lock"),
      JSON.stringify({
        pid: 2 ** 22 + 12345,
        hostname: os.hostname(),
        command: "crashed",
        startedAt: "2026-01-01",
      }),
    );
    const result = await run("migrate");
    expect(result.code).toBe(0);
    expect(fs.existsSync(path.join(dataDir, "preflight.lock"))).toBe(false);
  });
});

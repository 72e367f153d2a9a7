import { spawn } from "node:child_process";
import { randomBytes } from "node:crypto";
import fs from "node:fs";
import net from "node:net";
import os from "node:os";
import path from "node:path";
import { z } from "zod";
import { AppServer, appServerEnv, bin, throwawayPostgres } from "./server";

export const SEED_LARGE = "scripts/seed-large.ts";
export const DEMO_ACCOUNT = { email: "demo@example.com", password: "preflight-demo" };

/** A database made for one run, and how to reach it. */
export type BenchDatabase = {
  kind: "pglite" | "postgres";
  /** What scripts and servers need to reach it (PREFLIGHT_DATA_DIR or DATABASE_URL). */
  env: Record<string, string>;
  label: string;
  cleanup: () => Promise<void>;
};

/** A fresh PGlite directory under the temp folder, or a throwaway PostgreSQL database. */
export async function createDatabase(
  kind: "pglite" | "postgres",
  postgresBase: string,
): Promise<BenchDatabase> {
  if (kind === "pglite") {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "bench-http-"));
    return {
      kind,
      env: { PREFLIGHT_DATA_DIR: dir },
      label: dir,
      cleanup: async () => fs.rmSync(dir, { recursive: true, force: true }),
    };
  }
  const db = await throwawayPostgres(postgresBase, "h_bench");
  return {
    kind,
    env: { DATABASE_URL: db.url },
    label: new URL(db.url).pathname.slice(1),
    cleanup: db.drop,
  };
}

/** The environment of a script run against `db` (never another DATABASE_URL). */
function scriptEnv(db: BenchDatabase): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    NEXT_TELEMETRY_DISABLED: "1",
    DEMO_PASSWORD: DEMO_ACCOUNT.password,
    // A throwaway database: the demo seed's guard against production servers does not apply.
    PREFLIGHT_ALLOW_DEMO_IN_PRODUCTION: "1",
  };
  delete env.DATABASE_URL;
  delete env.PREFLIGHT_DATA_DIR;
  // Scripts run in their own mode, not the server's.
  const { NODE_ENV: _mode, ...rest } = env;
  return { ...rest, ...db.env } as NodeJS.ProcessEnv;
}

/**
 * Runs a project script with tsx against `db`; answers its standard output. Its standard
 * error is shown as it comes (progress), and kept for the message when it fails.
 */
export function runScript(db: BenchDatabase, script: string, args: string[] = []): Promise<string> {
  return new Promise((resolve, reject) => {
    const child = spawn(bin("tsx"), [script, ...args], {
      env: scriptEnv(db),
      stdio: ["ignore", "pipe", "pipe"],
    });
    let out = "";
    let err = "";
    child.stdout.on("data", (d) => {
      out += d;
    });
    child.stderr.on("data", (d) => {
      err += d;
      process.stderr.write(`    ${String(d).trimEnd().replaceAll("\n", "\n    ")}\n`);
    });
    child.on("error", reject);
    child.on("exit", (code) =>
      code === 0
        ? resolve(out)
        : reject(new Error(`tsx ${script} ${args.join(" ")} failed (${code}):\n${err}${out}`)),
    );
  });
}

/** The contract of `seed:large`: its last line of standard output. */
export const largeSeedSchema = z.object({
  orgSlug: z.string().min(1),
  ownerEmail: z.string().min(3),
  password: z.string().min(1),
  benchPilotId: z.uuid(),
  assessmentId: z.uuid(),
  useCaseId: z.uuid(),
  workshopId: z.uuid().nullable(),
  counts: z.record(z.string(), z.number()),
  seconds: z.number(),
});
export type LargeSeed = z.infer<typeof largeSeedSchema>;

/** Generates the large organisation in `db` with seed:large and reads what it made. */
export async function seedLarge(db: BenchDatabase, args: string[]): Promise<LargeSeed> {
  if (!fs.existsSync(path.join(process.cwd(), SEED_LARGE))) {
    throw new Error(
      `${SEED_LARGE} is missing: the large organisation cannot be generated. Run with --org demo.`,
    );
  }
  const out = await runScript(db, SEED_LARGE, args);
  const last = out.trim().split("\n").at(-1) ?? "";
  try {
    return largeSeedSchema.parse(JSON.parse(last));
  } catch (error) {
    throw new Error(`${SEED_LARGE} did not end with its JSON summary line: ${last}\n${error}`);
  }
}

/** A new API token of the organisation (admin role), made with `npm run token`. */
export async function createToken(db: BenchDatabase, orgSlug: string): Promise<string> {
  const out = await runScript(db, "scripts/token.ts", [
    "--org",
    orgSlug,
    "--role",
    "admin",
    "--name",
    "HTTP benchmark",
    "--expires-in-days",
    "1",
  ]);
  const token = out.trim().split("\n").at(-1)?.trim();
  if (!token) throw new Error("npm run token printed no token");
  return token;
}

/** Whether nothing listens on `port` of the loopback address. */
function portIsFree(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const probe = net.createServer();
    probe.once("error", () => resolve(false));
    probe.listen(port, "127.0.0.1", () => probe.close(() => resolve(true)));
  });
}

/**
 * Production servers on `db`: one for PGlite (one process per data directory), `instances`
 * for PostgreSQL, sharing one session secret so a session works on each.
 */
export async function startServers(
  db: BenchDatabase,
  instances: number,
  firstPort: number,
): Promise<AppServer[]> {
  const count = db.kind === "pglite" ? 1 : instances;
  const secret = randomBytes(32).toString("base64url");
  const base: NodeJS.ProcessEnv = { ...process.env, NEXT_TELEMETRY_DISABLED: "1" };
  delete base.SMTP_URL;
  const servers: AppServer[] = [];
  try {
    for (let i = 0; i < count; i++) {
      const port = firstPort + i;
      // Another app on the port would answer the health check and be benched instead.
      if (!(await portIsFree(port))) {
        throw new Error(`Port ${port} is in use: stop what listens there or pass --port-base.`);
      }
      const env = appServerEnv(base, port, db.env.PREFLIGHT_DATA_DIR ?? "", {
        AUTH_SECRET: secret,
        NODE_ENV: "production",
      });
      // appServerEnv is made for PGlite: it drops any DATABASE_URL, so PostgreSQL's goes on after.
      if (db.kind === "postgres") delete env.PREFLIGHT_DATA_DIR;
      Object.assign(env, db.env);
      const server = new AppServer(port, env);
      servers.push(server);
      await server.start();
    }
  } catch (error) {
    await Promise.all(servers.map((s) => s.stop()));
    throw error;
  }
  return servers;
}

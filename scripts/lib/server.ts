import { type ChildProcess, spawn, spawnSync } from "node:child_process";
import { randomBytes } from "node:crypto";
import fs from "node:fs";
import net from "node:net";
import path from "node:path";
import postgres from "postgres";

const root = process.cwd();
/** A command of the project's node_modules/.bin. */
export const bin = (name: string) => path.join(root, "node_modules/.bin", name);

/** Builds the app for production unless .next already holds a build. */
export function ensureBuild(env: NodeJS.ProcessEnv, log: (line: string) => void): void {
  if (fs.existsSync(path.join(root, ".next/BUILD_ID"))) return;
  log("No production build in .next: building it first.");
  const build = spawnSync(bin("next"), ["build"], { cwd: root, stdio: "inherit", env });
  if (build.status !== 0) throw new Error("next build failed");
}

/**
 * A database created for the run on the PostgreSQL server of `base` (a connection URL), and
 * how to drop it afterwards.
 */
export async function throwawayPostgres(
  base: string,
  prefix: string,
): Promise<{ url: string; drop: () => Promise<void> }> {
  const name = `${prefix}_${randomBytes(3).toString("hex")}`;
  const admin = postgres(base, { max: 1, onnotice: () => {} });
  await admin.unsafe(`create database ${name}`);
  const url = new URL(base);
  url.pathname = `/${name}`;
  return {
    url: url.toString(),
    drop: async () => {
      await admin.unsafe(`drop database if exists ${name} with (force)`);
      await admin.end();
    },
  };
}

/** A TCP port nothing listens on right now. */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.listen(0, "127.0.0.1", () => {
      const address = server.address();
      server.close(() =>
        typeof address === "object" && address ? resolve(address.port) : reject(),
      );
    });
  });
}

/**
 * Waits until the app started as `server` answers its health check at `url`, failing with the
 * server's output if it exits first or is not healthy within `timeoutMs`.
 */
export async function waitForHealth(
  url: string,
  server: ChildProcess,
  output: () => string,
  { timeoutMs = 60_000, pollMs = 250 } = {},
): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (server.exitCode !== null) throw new Error(`The server exited early:\n${output()}`);
    try {
      const res = await fetch(`${url}/api/health`);
      if (res.ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, pollMs));
  }
  throw new Error(`The server did not become healthy in time:\n${output()}`);
}

/**
 * The environment of a production app server on `port` with its own embedded database in
 * `dataDir` and a fresh session secret (never a DATABASE_URL inherited from `base`).
 */
export function appServerEnv(
  base: NodeJS.ProcessEnv,
  port: number,
  dataDir: string,
  extra: Record<string, string> = {},
): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = {
    ...base,
    PORT: String(port),
    PREFLIGHT_DATA_DIR: dataDir,
    AUTH_SECRET: randomBytes(32).toString("base64url"),
    AUTH_URL: `http://127.0.0.1:${port}`,
    ...extra,
  };
  delete env.DATABASE_URL;
  return env;
}

/** A production app server (`next start`) in its own process group. */
export class AppServer {
  process: ChildProcess | null = null;
  output = "";

  constructor(
    readonly port: number,
    readonly env: NodeJS.ProcessEnv,
  ) {}

  get baseUrl() {
    return `http://127.0.0.1:${this.port}`;
  }

  async start(): Promise<void> {
    // Its own process group, so a kill takes every process it started with it.
    const child = spawn(bin("next"), ["start", "-p", String(this.port), "-H", "127.0.0.1"], {
      cwd: root,
      env: this.env,
      detached: true,
      stdio: ["ignore", "pipe", "pipe"],
    });
    this.process = child;
    child.stdout?.on("data", (d) => {
      this.output += d;
    });
    child.stderr?.on("data", (d) => {
      this.output += d;
    });
    await waitForHealth(this.baseUrl, child, () => this.output, { timeoutMs: 90_000, pollMs: 200 });
  }

  /** SIGKILL to the whole process group: no shutdown hooks, no lock release, no flush. */
  async kill(): Promise<void> {
    const child = this.process;
    if (!child?.pid) return;
    try {
      process.kill(-child.pid, "SIGKILL");
    } catch {
      // already gone
    }
    if (child.exitCode === null && child.signalCode === null) {
      await new Promise((r) => child.once("exit", r));
    }
    this.process = null;
  }

  async stop(): Promise<void> {
    const child = this.process;
    if (!child?.pid) return;
    child.kill("SIGTERM");
    const exited = new Promise((r) => child.once("exit", r));
    const timeout = new Promise((r) => setTimeout(r, 10_000, "timeout"));
    if ((await Promise.race([exited, timeout])) === "timeout") await this.kill();
    this.process = null;
  }
}

import { type ChildProcess, spawn, spawnSync } from "node:child_process";
import { randomBytes } from "node:crypto";
import fs from "node:fs";
import net from "node:net";
import os from "node:os";
import path from "node:path";
import type { TestProject } from "vitest/node";
import { startTestMailServer } from "../support/smtp-server";

declare module "vitest" {
  export interface ProvidedContext {
    baseUrl: string;
    /** Where the test mail server writes each email it receives, one JSON file per message. */
    mailDir: string;
  }
}

function freePort(): Promise<number> {
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

async function waitForHealth(
  url: string,
  server: ChildProcess,
  output: () => string,
): Promise<void> {
  const deadline = Date.now() + 60_000;
  while (Date.now() < deadline) {
    if (server.exitCode !== null) throw new Error(`The server exited early:\n${output()}`);
    try {
      const res = await fetch(`${url}/api/health`);
      if (res.ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 250));
  }
  throw new Error(`The server did not become healthy in time:\n${output()}`);
}

/**
 * Builds the app (unless E2E_SKIP_BUILD=1, used by CI right after its own build) and serves it
 * on a free port with a fresh embedded database, as a user would run it.
 */
export default async function setup(project: TestProject) {
  const root = process.cwd();
  const env = { ...process.env, NEXT_TELEMETRY_DISABLED: "1" };
  if (process.env.E2E_SKIP_BUILD !== "1" || !fs.existsSync(path.join(root, ".next/BUILD_ID"))) {
    const build = spawnSync(path.join(root, "node_modules/.bin/next"), ["build"], {
      stdio: "inherit",
      env,
    });
    if (build.status !== 0) throw new Error("next build failed");
  }
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), "preflight-e2e-"));
  // The demo organisation, seeded as `npm run demo` seeds it: some tests read its reports.
  const scriptEnv: NodeJS.ProcessEnv = { ...env, PREFLIGHT_DATA_DIR: dataDir };
  delete scriptEnv.DATABASE_URL;
  for (const script of ["scripts/migrate.ts", "scripts/seed.ts"]) {
    const run = spawnSync(path.join(root, "node_modules/.bin/tsx"), [script], {
      stdio: ["ignore", "ignore", "inherit"],
      env: scriptEnv,
    });
    if (run.status !== 0) throw new Error(`${script} failed`);
  }
  // The app sends real email to a real SMTP server; tests read what it received from files.
  const mailDir = fs.mkdtempSync(path.join(os.tmpdir(), "preflight-e2e-mail-"));
  let received = 0;
  const mail = await startTestMailServer((message) => {
    received++;
    const file = path.join(mailDir, `${String(received).padStart(5, "0")}.json`);
    fs.writeFileSync(`${file}.tmp`, JSON.stringify(message));
    fs.renameSync(`${file}.tmp`, file);
  });
  const port = await freePort();
  let log = "";
  const serverEnv: NodeJS.ProcessEnv = {
    ...env,
    PORT: String(port),
    PREFLIGHT_DATA_DIR: dataDir,
    AUTH_SECRET: randomBytes(32).toString("base64url"),
    AUTH_URL: `http://127.0.0.1:${port}`,
    // Each test person sends their own X-Forwarded-For (see browser.ts): the tests play the
    // one trusted proxy, so one test's failed sign-ins never rate-limit another's.
    TRUSTED_PROXY_HOPS: "1",
    SMTP_URL: mail.url,
    MAIL_FROM: "Preflight <preflight@example.com>",
  };
  delete serverEnv.DATABASE_URL;
  const server = spawn(
    path.join(root, "node_modules/.bin/next"),
    ["start", "-p", String(port), "-H", "127.0.0.1"],
    {
      env: serverEnv,
      stdio: ["ignore", "pipe", "pipe"],
    },
  );
  server.stdout?.on("data", (d) => {
    log += d;
  });
  server.stderr?.on("data", (d) => {
    log += d;
  });
  const baseUrl = `http://127.0.0.1:${port}`;
  await waitForHealth(baseUrl, server, () => log);
  project.provide("baseUrl", baseUrl);
  project.provide("mailDir", mailDir);
  return async () => {
    server.kill("SIGTERM");
    await new Promise((r) => setTimeout(r, 500));
    if (server.exitCode === null) server.kill("SIGKILL");
    if (process.env.E2E_SHOW_SERVER_LOG === "1") console.log(log);
    await mail.close();
    fs.rmSync(dataDir, { recursive: true, force: true });
    fs.rmSync(mailDir, { recursive: true, force: true });
  };
}

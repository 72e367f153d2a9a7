import { spawn } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import type { TestProject } from "vitest/node";
import { appServerEnv, freePort, waitForHealth } from "../../scripts/lib/server";
import { startTestMailServer } from "../support/smtp-server";

declare module "vitest" {
  export interface ProvidedContext {
    baseUrl: string;
    /** Where the test mail server writes each email it receives, one JSON file per message. */
    mailDir: string;
    /** Password of the seeded demo organisation's people (demo@example.com, …). */
    demoPassword: string;
  }
}

const DEMO_PASSWORD = "preflight-demo";

/** Runs a command to its end, failing with its output if it fails. */
function run(command: string, args: string[], env: NodeJS.ProcessEnv, output = false) {
  return new Promise<void>((resolve, reject) => {
    const child = spawn(command, args, { env, stdio: output ? "inherit" : "pipe" });
    let log = "";
    child.stdout?.on("data", (d) => {
      log += d;
    });
    child.stderr?.on("data", (d) => {
      log += d;
    });
    child.on("error", reject);
    child.on("exit", (code) =>
      code === 0 ? resolve() : reject(new Error(`${args.join(" ")} failed (${code}):\n${log}`)),
    );
  });
}

/**
 * Builds the app (unless E2E_SKIP_BUILD=1, used by CI right after its own build) and serves it
 * on a free port with a fresh embedded database holding the demo organisation (seeded while
 * the app builds), as a user would run it.
 */
export default async function setup(project: TestProject) {
  const root = process.cwd();
  const env = { ...process.env, NEXT_TELEMETRY_DISABLED: "1" };
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), "preflight-e2e-"));
  const seedEnv: NodeJS.ProcessEnv = {
    ...env,
    PREFLIGHT_DATA_DIR: dataDir,
    DEMO_PASSWORD,
    // A throwaway database: the seed's guard against production servers does not apply.
    PREFLIGHT_ALLOW_DEMO_IN_PRODUCTION: "1",
  };
  delete seedEnv.DATABASE_URL;
  delete seedEnv.SMTP_URL;
  const tsx = path.join(root, "node_modules/.bin/tsx");
  const seeded = run(tsx, ["scripts/migrate.ts"], seedEnv).then(() =>
    run(tsx, ["scripts/seed.ts"], seedEnv),
  );
  // Never left unhandled while the build runs; awaited below.
  seeded.catch(() => undefined);
  if (process.env.E2E_SKIP_BUILD !== "1" || !fs.existsSync(path.join(root, ".next/BUILD_ID"))) {
    await run(path.join(root, "node_modules/.bin/next"), ["build"], env, true).catch(() => {
      throw new Error("next build failed");
    });
  }
  await seeded;
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
  const serverEnv = appServerEnv(env, port, dataDir, {
    // Each test person sends their own X-Forwarded-For (see browser.ts): the tests play the
    // one trusted proxy, so one test's failed sign-ins never rate-limit another's.
    TRUSTED_PROXY_HOPS: "1",
    SMTP_URL: mail.url,
    MAIL_FROM: "Preflight <preflight@example.com>",
  });
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
  project.provide("demoPassword", DEMO_PASSWORD);
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

import { spawn } from "node:child_process";
import { randomBytes } from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import { loadEnv, parseArgs } from "./lib/cli";

/** Runs a command with inherited output; resolves with its exit code. */
function run(
  command: string,
  args: string[],
  env: NodeJS.ProcessEnv = process.env,
): Promise<number> {
  return new Promise((resolve) => {
    const child = spawn(command, args, { stdio: "inherit", env });
    const forward = (signal: NodeJS.Signals) => child.kill(signal);
    process.on("SIGINT", forward);
    process.on("SIGTERM", forward);
    child.on("exit", (code, signal) => {
      process.off("SIGINT", forward);
      process.off("SIGTERM", forward);
      resolve(code ?? (signal ? 1 : 0));
    });
  });
}

const bin = (name: string) => path.join(process.cwd(), "node_modules/.bin", name);

function ensureAuthSecret(): void {
  if (process.env.AUTH_SECRET) return;
  const secret = randomBytes(32).toString("base64url");
  const file = path.join(process.cwd(), ".env");
  const current = fs.existsSync(file) ? fs.readFileSync(file, "utf8") : "";
  fs.writeFileSync(
    file,
    `${current}${current && !current.endsWith("\n") ? "\n" : ""}AUTH_SECRET=${secret}\n`,
  );
  process.env.AUTH_SECRET = secret;
  console.log("Generated AUTH_SECRET (it signs sessions) and saved it to .env.");
}

async function main(): Promise<number> {
  loadEnv();
  ensureAuthSecret();
  const args = parseArgs();
  const port = process.env.PORT || "3000";
  // `next start` runs in production mode, which requires AUTH_URL (links are built from it).
  const env = {
    ...process.env,
    NEXT_TELEMETRY_DISABLED: "1",
    AUTH_URL: process.env.AUTH_URL || `http://localhost:${port}`,
  };
  const steps: [string, string, string[]][] = [
    ["Migrating the database", bin("tsx"), ["scripts/migrate.ts"]],
    [
      "Seeding the demo organisation",
      bin("tsx"),
      ["scripts/seed.ts", ...(args["allow-production"] === true ? ["--allow-production"] : [])],
    ],
  ];
  if (args["no-build"] !== true) steps.push(["Building the app", bin("next"), ["build"]]);
  for (const [label, command, commandArgs] of steps) {
    console.log(`\n▶ ${label}…`);
    const code = await run(command, commandArgs, env);
    if (code !== 0) {
      console.error(`\n✖ ${label} failed (exit code ${code}).`);
      return code;
    }
  }
  console.log(`\n▶ Serving Preflight on http://localhost:${port} (Ctrl+C stops it)\n`);
  return run(bin("next"), ["start", "-p", port], env);
}

process.exit(await main());

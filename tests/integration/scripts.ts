import { spawn } from "node:child_process";
import path from "node:path";

/**
 * Runs a command-line script as a separate process, exactly as a self-hoster would: against
 * the embedded database unless `env` names a `DATABASE_URL` (this run's own is not inherited).
 */
export function runScript(script: string, args: string[] = [], env: Record<string, string> = {}) {
  return new Promise<{ code: number; stdout: string; stderr: string }>((resolve) => {
    const childEnv: NodeJS.ProcessEnv = { ...process.env };
    delete childEnv.DATABASE_URL;
    Object.assign(childEnv, env);
    const child = spawn(
      path.join(process.cwd(), "node_modules/.bin/tsx"),
      [`scripts/${script}.ts`, ...args],
      { cwd: process.cwd(), env: childEnv },
    );
    let stdout = "";
    let stderr = "";
    child.stdout.on("data", (d) => {
      stdout += d;
    });
    child.stderr.on("data", (d) => {
      stderr += d;
    });
    child.on("exit", (code) => resolve({ code: code ?? 1, stdout, stderr }));
  });
}

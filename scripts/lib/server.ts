import type { ChildProcess } from "node:child_process";
import { randomBytes } from "node:crypto";
import net from "node:net";

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

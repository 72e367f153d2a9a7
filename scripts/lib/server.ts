import type { ChildProcess } from "node:child_process";
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

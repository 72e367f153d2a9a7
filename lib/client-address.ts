import { subscribe } from "node:diagnostics_channel";
import type { IncomingMessage } from "node:http";
import type { Socket } from "node:net";
import { getEnv } from "@/lib/env";

/**
 * The header the server writes the TCP peer's address into. Next gives route handlers and
 * server actions no access to the socket: it only copies the peer's address into
 * X-Forwarded-For when a request arrives without one (`??=` in next/dist/server/base-server.js),
 * so a client that sends its own X-Forwarded-For hides it. This header is overwritten on every
 * request, so a client cannot choose its value.
 */
export const SOCKET_ADDRESS_HEADER = "x-preflight-socket-address";

const globalForStamp = globalThis as typeof globalThis & { __preflightSocketStamp?: boolean };

/**
 * Writes each HTTP request's socket address into SOCKET_ADDRESS_HEADER, through Node's
 * `http.server.request.start` diagnostics channel (published before the server's request
 * handler runs). Called once at start-up, from instrumentation.ts; safe to call again.
 */
export function stampSocketAddresses(): void {
  if (globalForStamp.__preflightSocketStamp) return;
  subscribe("http.server.request.start", (message) => {
    const { request, socket } = message as { request: IncomingMessage; socket: Socket };
    request.headers[SOCKET_ADDRESS_HEADER] = socket.remoteAddress ?? "";
  });
  globalForStamp.__preflightSocketStamp = true;
}

/** "::ffff:192.0.2.1" (an IPv4 client of a dual-stack socket) is 192.0.2.1. */
function normalise(address: string | null | undefined): string | null {
  const trimmed = address?.trim().replace(/^::ffff:(?=\d+\.\d+\.\d+\.\d+$)/i, "");
  return trimmed || null;
}

/**
 * The address of the client that sent a request, as far as it can be trusted:
 * - 0 trusted hops (no proxy in front): the socket's address; X-Forwarded-For is ignored,
 *   because the client writes it. Null when the socket address was not stamped (outside the
 *   server started by `next start`/`next dev`, where instrumentation.ts does not run).
 * - N hops: the Nth X-Forwarded-For entry from the right, the one the outermost trusted proxy
 *   appended. Entries further left were written by the client. With fewer entries than N,
 *   the leftmost, since every entry then came from a trusted proxy.
 */
export function clientAddress(headers: Headers, trustedHops: number): string | null {
  if (trustedHops <= 0) {
    return globalForStamp.__preflightSocketStamp
      ? normalise(headers.get(SOCKET_ADDRESS_HEADER))
      : null;
  }
  const entries = (headers.get("x-forwarded-for") ?? "")
    .split(",")
    .map((e) => e.trim())
    .filter(Boolean);
  if (entries.length === 0) return null;
  return normalise(entries[Math.max(0, entries.length - trustedHops)]);
}

/** The client address of a request, with the configured TRUSTED_PROXY_HOPS. */
export function requestAddress(
  headers: Headers,
  trustedHops = getEnv().TRUSTED_PROXY_HOPS,
): string | null {
  return clientAddress(headers, trustedHops);
}

/**
 * What rate limits count an address as. IPv6 clients usually hold a whole /64, so counting each
 * address would give them unlimited tries: they are counted by their /64. IPv4 addresses as is.
 */
export function addressBucket(address: string): string {
  if (!address.includes(":")) return address;
  const [head = "", tail = ""] = address.toLowerCase().split("::", 2);
  const left = head ? head.split(":") : [];
  const right = tail ? tail.split(":") : [];
  const groups = address.includes("::")
    ? [...left, ...Array<string>(Math.max(0, 8 - left.length - right.length)).fill("0"), ...right]
    : left;
  const prefix = groups.slice(0, 4).map((g) => g.replace(/^0+(?=.)/, "") || "0");
  return `${prefix.join(":")}::/64`;
}

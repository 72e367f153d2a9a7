import { headers } from "next/headers";
import { type Env, getEnv } from "@/lib/env";

/**
 * The site's public origin for links people copy (invitations). In production only AUTH_URL,
 * which the environment check requires there: Host and X-Forwarded-Host are written by whoever
 * sends the request. Outside production, without AUTH_URL, the request's host is used.
 */
export function linkOrigin(env: Pick<Env, "AUTH_URL" | "production">, h: Headers): string {
  if (env.AUTH_URL) return new URL(env.AUTH_URL).origin;
  if (env.production) throw new Error("AUTH_URL is required in production.");
  const host = h.get("x-forwarded-host") ?? h.get("host") ?? "localhost:3000";
  const proto = h.get("x-forwarded-proto") ?? (host.startsWith("localhost") ? "http" : "https");
  return `${proto}://${host}`;
}

/** The public origin of the app, for the current request. */
export async function publicOrigin(): Promise<string> {
  return linkOrigin(getEnv(), await headers());
}

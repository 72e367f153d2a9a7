import { getToken } from "next-auth/jwt";

export type SessionClaims = { userId: string; sessionVersion: number };

/**
 * Whether Auth.js names its cookies "__Secure-…", decided as it decides it: from AUTH_URL when
 * set, otherwise from the forwarded protocol (https unless a proxy says otherwise).
 */
function usesSecureCookies(headers: Headers): boolean {
  const envUrl = process.env.AUTH_URL ?? process.env.NEXTAUTH_URL;
  if (envUrl) return new URL(envUrl).protocol === "https:";
  return (headers.get("x-forwarded-proto") ?? "https").replace(/:$/, "") === "https";
}

/**
 * The claims of a request's session cookie: decrypted, its integrity and expiry checked, as
 * Auth.js's session endpoint reads them (lib/auth/config.ts maps them the same way), without
 * the rest of what `auth()` does on every call: a whole request and response through Auth.js
 * and a refreshed cookie encrypted again, which a server component cannot set anyway. Only the
 * cookie is read (never an Authorization header). Null without a valid session cookie; the
 * database still decides whether the session stands (getSessionMember).
 */
export async function readSessionClaims(headers: Headers): Promise<SessionClaims | null> {
  const secret = process.env.AUTH_SECRET ?? process.env.NEXTAUTH_SECRET;
  const cookie = headers.get("cookie");
  if (!secret || !cookie) return null;
  const token = await getToken({
    req: { headers: { cookie } },
    secret,
    secureCookie: usesSecureCookies(headers),
    logger: { error: () => {}, warn: () => {}, debug: () => {} },
  });
  if (!token || typeof token.uid !== "string") return null;
  // Sessions from before versions existed carry none: version 0, which every user starts at.
  return { userId: token.uid, sessionVersion: typeof token.sv === "number" ? token.sv : 0 };
}

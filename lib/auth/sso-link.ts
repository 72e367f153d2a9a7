import { createHmac, timingSafeEqual } from "node:crypto";

/** The cookie that marks a single sign-on round trip as "link to the signed-in account". */
export const SSO_LINK_COOKIE = "preflight-sso-link";
/** The round trip to the provider must finish within this time. */
export const SSO_LINK_TTL_MS = 10 * 60_000;

function sign(payload: string, secret: string): string {
  return createHmac("sha256", secret).update(payload).digest("base64url");
}

/** A signed, short-lived value binding the link step to one user. */
export function sealSsoLink(userId: string, secret: string, now = Date.now()): string {
  const payload = `${userId}.${now + SSO_LINK_TTL_MS}`;
  return `${payload}.${sign(payload, secret)}`;
}

/** The user id a link cookie was sealed for, or null when it is forged or expired. */
export function openSsoLink(
  value: string | undefined,
  secret: string,
  now = Date.now(),
): string | null {
  if (!value) return null;
  const parts = value.split(".");
  if (parts.length !== 3) return null;
  const [userId, expires, mac] = parts as [string, string, string];
  const expected = Buffer.from(sign(`${userId}.${expires}`, secret));
  const given = Buffer.from(mac);
  if (expected.length !== given.length || !timingSafeEqual(expected, given)) return null;
  if (!/^\d+$/.test(expires) || Number(expires) < now) return null;
  return userId;
}

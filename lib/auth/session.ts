import { notFound, redirect } from "next/navigation";
import { NextRequest } from "next/server";
import type { Session } from "next-auth";
import { cache } from "react";
import { memberContext } from "@/db/queries/organisations";
import { getSessionUser, type SessionUser, type UserDto } from "@/db/queries/users";
import type { MemberContext } from "@/lib/domain/permissions";
import { auth, handlers } from "./index";

/**
 * Checks a session against the database: the session token alone is not trusted, so a
 * disabled or deleted user, or a session ended by a password change or reset, "sign out of
 * all devices" or disabling, loses access here.
 */
export async function userForSession(
  session: Session | null,
): Promise<SessionUser | { ok: false; reason: "signed_out" }> {
  const userId = session?.user?.id;
  if (!userId) return { ok: false, reason: "signed_out" };
  return getSessionUser(userId, session.sessionVersion ?? 0);
}

/** The signed-in user whose session is still valid, or null. */
export const currentUser = cache(async (): Promise<UserDto | null> => {
  const result = await userForSession(await auth());
  return result.ok ? result.user : null;
});

/** The signed-in, enabled user; anyone else is sent to the sign-in page. */
export const requireUser = cache(async (): Promise<UserDto> => {
  const result = await userForSession(await auth());
  if (result.ok) return result.user;
  redirect(result.reason === "signed_out" ? "/sign-in" : `/sign-in?reason=${result.reason}`);
});

/** The signed-in user's membership in an organisation; a non-member gets "not found". */
export const requireMember = cache(async (orgSlug: string): Promise<MemberContext> => {
  const user = await requireUser();
  const ctx = await memberContext(user, orgSlug);
  if (!ctx) notFound();
  return ctx;
});

/**
 * The member a request's own session cookie stands for in an organisation, read through
 * Auth.js's session endpoint rather than the request scope, so a route handler that uses it
 * runs wherever a Request does. `member` is null when signed out or not a member.
 */
export async function memberForRequest(
  request: Request,
  orgSlug: string,
): Promise<{ member: MemberContext | null; signedIn: boolean }> {
  // The same headers (cookies, forwarded host and protocol), so Auth.js picks the same cookie.
  const sessionRequest = new NextRequest(new URL("/api/auth/session", request.url), {
    headers: request.headers,
  });
  const response = await handlers.GET(sessionRequest);
  const session = response.ok ? ((await response.json()) as Session | null) : null;
  const user = await userForSession(session);
  if (!user.ok) return { member: null, signedIn: false };
  return { member: await memberContext(user.user, orgSlug), signedIn: true };
}

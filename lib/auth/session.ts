import { headers } from "next/headers";
import { notFound, redirect } from "next/navigation";
import { NextRequest } from "next/server";
import type { Session } from "next-auth";
import { cache } from "react";
import {
  getSessionMember,
  getSessionUser,
  type SessionMember,
  type SessionOrganisation,
  type SessionUser,
  type UserDto,
} from "@/db/queries/users";
import type { MemberContext } from "@/lib/domain/permissions";
import { handlers } from "./index";
import { readSessionClaims } from "./session-token";

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

type Lookup = SessionMember | { ok: false; reason: "signed_out" };

/** The session cookie, decoded once per request. */
const sessionClaims = cache(async () => readSessionClaims(await headers()));

/** The session lookups a request has made so far, by organisation slug ("" for none). */
const requestLookups = cache(() => new Map<string, Promise<Lookup>>());

/**
 * The request's session checked against the database, with the membership in `orgSlug`: one
 * query per request. A lookup for the user alone reuses any lookup already made, so a page
 * asking for its user after its layout asked for the member costs nothing more.
 */
function lookupSession(orgSlug: string | null): Promise<Lookup> {
  const lookups = requestLookups();
  const key = orgSlug ?? "";
  const found = lookups.get(key) ?? (orgSlug === null ? lookups.values().next().value : undefined);
  if (found) return found;
  const lookup = sessionClaims().then((claims): Promise<Lookup> | Lookup =>
    claims
      ? getSessionMember(claims.userId, claims.sessionVersion, orgSlug)
      : { ok: false, reason: "signed_out" },
  );
  lookups.set(key, lookup);
  return lookup;
}

function signInAgain(reason: "signed_out" | "inactive" | "ended"): never {
  redirect(reason === "signed_out" ? "/sign-in" : `/sign-in?reason=${reason}`);
}

/** The signed-in user whose session is still valid, or null. */
export async function currentUser(): Promise<UserDto | null> {
  const result = await lookupSession(null);
  return result.ok ? result.user : null;
}

/** The signed-in, enabled user; anyone else is sent to the sign-in page. */
export async function requireUser(): Promise<UserDto> {
  const result = await lookupSession(null);
  if (!result.ok) signInAgain(result.reason);
  return result.user;
}

/**
 * The signed-in user, their membership in an organisation and the organisations they belong
 * to (the organisation layout's needs); a non-member gets "not found".
 */
export async function requireMemberSession(orgSlug: string): Promise<{
  user: UserDto;
  member: MemberContext;
  organisations: SessionOrganisation[];
}> {
  const result = await lookupSession(orgSlug);
  if (!result.ok) signInAgain(result.reason);
  if (!result.member) notFound();
  return { user: result.user, member: result.member, organisations: result.organisations };
}

/** The signed-in user's membership in an organisation; a non-member gets "not found". */
export async function requireMember(orgSlug: string): Promise<MemberContext> {
  return (await requireMemberSession(orgSlug)).member;
}

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
  const userId = session?.user?.id;
  if (!userId) return { member: null, signedIn: false };
  const result = await getSessionMember(userId, session.sessionVersion ?? 0, orgSlug);
  if (!result.ok) return { member: null, signedIn: false };
  return { member: result.member, signedIn: true };
}

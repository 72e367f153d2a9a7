import { notFound, redirect } from "next/navigation";
import type { Session } from "next-auth";
import { cache } from "react";
import { memberContext } from "@/db/queries/organisations";
import { getSessionUser, type SessionUser, type UserDto } from "@/db/queries/users";
import type { MemberContext } from "@/lib/domain/permissions";
import { auth } from "./index";

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

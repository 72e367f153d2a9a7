import { db } from "@/db";
import { createUser, findUserByEmail } from "@/db/queries/users";
import { withoutControlCharacters } from "@/lib/text";

/**
 * Finds the local user for a single sign-on identity, creating it on first sign-in, with a
 * verified address only when the provider says `email_verified: true`. Null for a disabled
 * user.
 */
export async function userForSso(profile: {
  email: string;
  name?: string | null;
  email_verified?: unknown;
}): Promise<{ id: string; sessionVersion: number } | null> {
  const existing = await findUserByEmail(profile.email);
  if (existing) return existing.disabledAt ? null : existing;
  const displayName =
    withoutControlCharacters(profile.name ?? "") || profile.email.split("@")[0] || profile.email;
  const created = await createUser(db, {
    email: profile.email,
    name: displayName,
    passwordHash: null,
    emailVerified: profile.email_verified === true,
  });
  return created ? { id: created.id, sessionVersion: 0 } : null;
}

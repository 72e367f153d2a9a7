import { and, eq } from "drizzle-orm";
import { db } from "@/db";
import { ssoIdentities, users } from "@/db/schema";
import { decideSso, type SsoRefusal } from "@/lib/domain/sso";
import { withoutControlCharacters } from "@/lib/text";
import { createUser } from "./users";

export type SsoProfile = {
  issuer: string;
  subject: string;
  email: string;
  emailVerified: unknown;
  name?: string | null;
};

/**
 * Resolves a single sign-on to a local user: the one the identity is linked to, or a new user
 * for an email nobody uses yet. `linkingUserId` is the signed-in user who explicitly asked to
 * link this identity. Returns the user id, or why sign-in is refused.
 */
export async function resolveSsoSignIn(
  profile: SsoProfile,
  linkingUser: { id: string; emailVerified: boolean } | null = null,
): Promise<{ ok: true; userId: string } | { ok: false; reason: SsoRefusal }> {
  const email = profile.email.trim().toLowerCase();
  return db.transaction(async (tx) => {
    const [linked] = await tx
      .select({ userId: ssoIdentities.userId, disabledAt: users.disabledAt })
      .from(ssoIdentities)
      .innerJoin(users, eq(users.id, ssoIdentities.userId))
      .where(
        and(eq(ssoIdentities.issuer, profile.issuer), eq(ssoIdentities.subject, profile.subject)),
      );
    const [byEmail] = await tx
      .select({ userId: users.id, disabledAt: users.disabledAt })
      .from(users)
      .where(eq(users.email, email));
    const [linker] = linkingUser
      ? await tx
          .select({ userId: users.id, disabledAt: users.disabledAt })
          .from(users)
          .where(eq(users.id, linkingUser.id))
      : [];
    const decision = decideSso({
      emailVerifiedClaim: profile.emailVerified,
      linked: linked ? { userId: linked.userId, disabled: Boolean(linked.disabledAt) } : null,
      userWithEmail: byEmail
        ? { userId: byEmail.userId, disabled: Boolean(byEmail.disabledAt) }
        : null,
      linking:
        linkingUser && linker
          ? {
              userId: linker.userId,
              emailVerified: linkingUser.emailVerified,
              disabled: Boolean(linker.disabledAt),
            }
          : null,
    });
    if (decision.kind === "refuse") return { ok: false, reason: decision.reason };
    if (decision.kind === "sign_in") return { ok: true, userId: decision.userId };
    let userId: string;
    if (decision.kind === "link") userId = decision.userId;
    else {
      const name = withoutControlCharacters(profile.name ?? "") || email.split("@")[0] || email;
      // Only a claim of `email_verified: true` gets this far: the address is verified.
      const created = await createUser(tx, {
        email,
        name,
        passwordHash: null,
        emailVerified: true,
      });
      if (!created) return { ok: false, reason: "email_taken" };
      userId = created.id;
    }
    await tx.insert(ssoIdentities).values({
      userId,
      issuer: profile.issuer,
      subject: profile.subject,
      email,
    });
    return { ok: true, userId };
  });
}

/** The single sign-on identities linked to a user, for their account page. */
export async function listSsoIdentities(userId: string) {
  return db
    .select({
      issuer: ssoIdentities.issuer,
      email: ssoIdentities.email,
      createdAt: ssoIdentities.createdAt,
    })
    .from(ssoIdentities)
    .where(eq(ssoIdentities.userId, userId));
}

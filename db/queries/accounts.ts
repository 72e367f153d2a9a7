import { db } from "@/db";
import type { Actor } from "@/lib/auth/permissions";
import { acceptInvitationIn } from "./invitations";
import { createOrganisation } from "./organisations";
import { createUser, type UserDto } from "./users";

/**
 * Signs a new user up, in one transaction, either with a new organisation they own or
 * into the organisation of an invitation link. Null when the email is already registered.
 */
export async function registerUser(
  input: { name: string; email: string; passwordHash: string } & (
    | { organisationName: string }
    | { invitationToken: string }
  ),
): Promise<{ user: UserDto; orgSlug: string } | null> {
  return db.transaction(async (tx) => {
    const user = await createUser(tx, input);
    if (!user) return null;
    const actor: Extract<Actor, { type: "user" }> = {
      type: "user",
      userId: user.id,
      label: user.email,
    };
    if ("invitationToken" in input) {
      const { orgSlug } = await acceptInvitationIn(tx, actor, input.invitationToken);
      return { user, orgSlug };
    }
    const org = await createOrganisation(tx, actor, {
      name: input.organisationName,
      ownerUserId: user.id,
    });
    return { user, orgSlug: org.slug };
  });
}

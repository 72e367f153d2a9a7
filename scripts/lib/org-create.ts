import { randomBytes } from "node:crypto";
import { db } from "@/db";
import { createOrganisation, type OrganisationDto } from "@/db/queries/organisations";
import { createUser, findUserByEmail } from "@/db/queries/users";
import { hashPassword } from "@/lib/auth/password";
import { AppError } from "@/lib/errors";

/**
 * Creates an organisation with the given slug, owned by the user with this email. A new user
 * gets a random password (returned, to print once) and a verified address: whoever runs the
 * command line vouches for it. An existing user keeps their password.
 */
export async function createOrganisationWithOwner(input: {
  slug: string;
  owner: string;
  name?: string;
}): Promise<{ org: OrganisationDto; password: string | null }> {
  const actor = { type: "system" as const, label: "command line (npm run org:create)" };
  const existing = await findUserByEmail(input.owner);
  const password = existing ? null : randomBytes(12).toString("base64url");
  const passwordHash = password ? await hashPassword(password) : null;
  const org = await db.transaction(async (tx) => {
    const user =
      existing ??
      (await createUser(tx, {
        email: input.owner,
        name: input.owner.split("@")[0] ?? input.owner,
        passwordHash,
        emailVerified: true,
      }));
    if (!user) throw new AppError("conflict", `Could not create the user ${input.owner}.`);
    return createOrganisation(tx, actor, {
      name: input.name ?? input.slug,
      slug: input.slug,
      exactSlug: true,
      ownerUserId: user.id,
    });
  });
  return { org, password };
}

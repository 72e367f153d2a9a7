import { randomBytes } from "node:crypto";
import { z } from "zod";
import { db } from "@/db";
import { createOrganisation } from "@/db/queries/organisations";
import { createUser, findUserByEmail } from "@/db/queries/users";
import { hashPassword } from "@/lib/auth/password";
import { emailSchema, organisationNameSchema } from "@/lib/auth/schemas";
import { AppError, fieldErrorsFrom } from "@/lib/errors";
import { SLUG_PATTERN } from "@/lib/slug";
import { parseArgs, runCli } from "./lib/cli";

const USAGE =
  "Usage: npm run org:create -- --slug <slug> --owner <email> [--name <organisation name>]";

const argsSchema = z.object({
  slug: z.string().regex(SLUG_PATTERN, "use 1–40 lower-case letters, digits and hyphens"),
  owner: emailSchema,
  name: organisationNameSchema.optional(),
});

await runCli(async () => {
  const parsed = argsSchema.safeParse(parseArgs());
  if (!parsed.success) {
    const fields = Object.entries(fieldErrorsFrom(parsed.error.issues))
      .map(([k, v]) => `--${k}: ${v.join(" ")}`)
      .join("\n  ");
    throw new AppError("invalid_input", `${USAGE}\n  ${fields}`);
  }
  const { slug, owner, name } = parsed.data;
  const actor = { type: "system" as const, label: "command line (npm run org:create)" };
  const existing = await findUserByEmail(owner);
  const password = existing ? null : randomBytes(12).toString("base64url");
  const passwordHash = password ? await hashPassword(password) : null;
  const org = await db.transaction(async (tx) => {
    const user =
      existing ??
      // Whoever runs the command line vouches for the address.
      (await createUser(tx, {
        email: owner,
        name: owner.split("@")[0] ?? owner,
        passwordHash,
        emailVerified: true,
      }));
    if (!user) throw new AppError("conflict", `Could not create the user ${owner}.`);
    return createOrganisation(tx, actor, {
      name: name ?? slug,
      slug,
      exactSlug: true,
      ownerUserId: user.id,
    });
  });
  console.log(`Created organisation "${org.name}" at /o/${org.slug}, owned by ${owner}.`);
  if (password) console.log(`New user ${owner} was created with the password: ${password}`);
  else console.log(`${owner} already had an account and keeps their password.`);
});

import { z } from "zod";
import { emailSchema, organisationNameSchema } from "@/lib/auth/schemas";
import { SLUG_PATTERN } from "@/lib/slug";
import { parseArgsWith, runCli } from "./lib/cli";
import { createOrganisationWithOwner } from "./lib/org-create";

const USAGE =
  "Usage: npm run org:create -- --slug <slug> --owner <email> [--name <organisation name>]";

const argsSchema = z.object({
  slug: z.string().regex(SLUG_PATTERN, "use 1–40 lower-case letters, digits and hyphens"),
  owner: emailSchema,
  name: organisationNameSchema.optional(),
});

await runCli(async () => {
  const args = parseArgsWith(argsSchema, USAGE);
  const { owner } = args;
  const { org, password } = await createOrganisationWithOwner(args);
  console.log(`Created organisation "${org.name}" at /o/${org.slug}, owned by ${owner}.`);
  if (password) console.log(`New user ${owner} was created with the password: ${password}`);
  else console.log(`${owner} already had an account and keeps their password.`);
});

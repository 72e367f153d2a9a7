import { z } from "zod";
import { emailSchema, organisationNameSchema } from "@/lib/auth/schemas";
import { AppError, fieldErrorsFrom } from "@/lib/errors";
import { SLUG_PATTERN } from "@/lib/slug";
import { parseArgs, runCli } from "./lib/cli";
import { createOrganisationWithOwner } from "./lib/org-create";

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
  const { owner } = parsed.data;
  const { org, password } = await createOrganisationWithOwner(parsed.data);
  console.log(`Created organisation "${org.name}" at /o/${org.slug}, owned by ${owner}.`);
  if (password) console.log(`New user ${owner} was created with the password: ${password}`);
  else console.log(`${owner} already had an account and keeps their password.`);
});

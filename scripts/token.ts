import { z } from "zod";
import { createApiToken } from "@/db/queries/api-tokens";
import { systemContext } from "@/db/queries/system";
import { DEFAULT_TOKEN_LIFETIME_DAYS, MAX_TOKEN_LIFETIME_DAYS } from "@/lib/domain/api-tokens";
import { ROLES } from "@/lib/domain/roles";
import { singleLine } from "@/lib/text";
import { parseArgsWith, runCli } from "./lib/cli";

const USAGE =
  "Usage: npm run token -- --org <slug> --role <owner|admin|lead|contributor|viewer> " +
  `[--name <name>] [--expires-in-days <1-${MAX_TOKEN_LIFETIME_DAYS}, default ${DEFAULT_TOKEN_LIFETIME_DAYS}>]`;

const argsSchema = z.object({
  org: z.string().min(1),
  role: z.enum(ROLES),
  name: singleLine().min(2).max(80).default("Command-line token"),
  "expires-in-days": z
    .string()
    .regex(/^\d+$/, "a whole number of days")
    .transform(Number)
    .pipe(z.number().min(1).max(MAX_TOKEN_LIFETIME_DAYS))
    .default(DEFAULT_TOKEN_LIFETIME_DAYS),
});

await runCli(async () => {
  const args = parseArgsWith(argsSchema, USAGE);
  const ctx = await systemContext(args.org, "command line (npm run token)");
  const { token, apiToken } = await createApiToken(ctx, {
    name: args.name,
    role: args.role,
    expiresInDays: args["expires-in-days"],
  });
  console.error(
    `Created API token "${apiToken.name}" for ${ctx.orgSlug} with role ${apiToken.role}, ` +
      `valid until ${apiToken.expiresAt.toISOString()}.`,
  );
  console.error(
    "It belongs to no member (revoke it in Settings → API tokens). It is shown only once. " +
      "Use it as: Authorization: Bearer <token>",
  );
  console.log(token);
});

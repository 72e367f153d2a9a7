import { z } from "zod";
import { createApiToken } from "@/db/queries/api-tokens";
import { systemContext } from "@/db/queries/system";
import { ROLES } from "@/lib/domain/roles";
import { AppError, fieldErrorsFrom } from "@/lib/errors";
import { singleLine } from "@/lib/text";
import { parseArgs, runCli } from "./lib/cli";

const USAGE =
  "Usage: npm run token -- --org <slug> --role <owner|admin|lead|contributor|viewer> [--name <name>]";

const argsSchema = z.object({
  org: z.string().min(1),
  role: z.enum(ROLES),
  name: singleLine().min(2).max(80).default("Command-line token"),
});

await runCli(async () => {
  const parsed = argsSchema.safeParse(parseArgs());
  if (!parsed.success) {
    const fields = Object.entries(fieldErrorsFrom(parsed.error.issues))
      .map(([k, v]) => `--${k}: ${v.join(" ")}`)
      .join("\n  ");
    throw new AppError("invalid_input", `${USAGE}\n  ${fields}`);
  }
  const ctx = await systemContext(parsed.data.org, "command line (npm run token)");
  const { token, apiToken } = await createApiToken(ctx, {
    name: parsed.data.name,
    role: parsed.data.role,
  });
  console.error(
    `Created API token "${apiToken.name}" for ${ctx.orgSlug} with role ${apiToken.role}.`,
  );
  console.error("It is shown only once. Use it as: Authorization: Bearer <token>");
  console.log(token);
});

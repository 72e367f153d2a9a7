import { setUserDisabled } from "@/db/queries/users";
import { emailSchema } from "@/lib/auth/schemas";
import { AppError } from "@/lib/errors";
import { parseArgs, runCli } from "./lib/cli";

await runCli(async () => {
  const args = parseArgs();
  const email = emailSchema.safeParse(args.email);
  if (!email.success) {
    throw new AppError(
      "invalid_input",
      "Usage: npm run user:disable -- --email <email> [--enable]",
    );
  }
  const enable = args.enable === true;
  await setUserDisabled(
    { type: "system", label: "command line (npm run user:disable)" },
    email.data,
    !enable,
  );
  console.log(
    enable
      ? `${email.data} can sign in again.`
      : `${email.data} is disabled and signed out everywhere; their next request is refused.`,
  );
});

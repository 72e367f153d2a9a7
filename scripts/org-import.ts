import { randomBytes } from "node:crypto";
import fs from "node:fs";
import { importOrganisation } from "@/db/queries/org-transfer";
import { hashPassword } from "@/lib/auth/password";
import { describeCounts, describeProblems, readOrgDocument } from "@/lib/domain/org-export";
import { AppError } from "@/lib/errors";
import { parseArgs, runCli } from "./lib/cli";

const USAGE = "Usage: npm run org:import -- <file.json> [--slug <new-slug>]";

await runCli(async () => {
  const argv = process.argv.slice(2);
  const args = parseArgs(argv);
  const files = argv.filter((a, i) => !a.startsWith("--") && argv[i - 1] !== "--slug");
  const [file] = files;
  if (!file || files.length > 1 || args.slug === true) throw new AppError("invalid_input", USAGE);
  if (!fs.existsSync(file)) throw new AppError("invalid_input", `No such file: ${file}\n${USAGE}`);

  const reading = readOrgDocument(fs.readFileSync(file, "utf8"));
  if (!reading.ok) throw new AppError("invalid_input", describeProblems(reading.problems));
  // Placeholder accounts get the hash of a secret nobody ever sees: no password opens them.
  const placeholderPasswordHash = await hashPassword(randomBytes(32).toString("base64url"));
  const { org, counts, placeholders } = await importOrganisation(reading.document, {
    slug: typeof args.slug === "string" ? args.slug : undefined,
    placeholderPasswordHash,
    actor: { type: "system", label: "command line (npm run org:import)" },
  });
  console.log(`Imported "${org.name}" as /o/${org.slug}: ${describeCounts(counts)}.`);
  if (placeholders.length) {
    console.log(
      `${placeholders.length} people had no account here and got a disabled placeholder that cannot sign in: ${placeholders.join(", ")}.`,
    );
    console.log(
      "To let one in: npm run user:disable -- --email <email> --enable, then they set a password with “Forgot your password?” on the sign-in page.",
    );
  }
});

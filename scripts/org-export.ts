import fs from "node:fs";
import { z } from "zod";
import { exportOrganisation } from "@/db/queries/org-transfer";
import { systemContext } from "@/db/queries/system";
import { countOrgDocument, describeCounts } from "@/lib/domain/org-export";
import { parseArgsWith, runCli } from "./lib/cli";

const USAGE = "Usage: npm run org:export -- --org <slug> [--out <file.json>]";

const argsSchema = z.object({
  org: z.string().min(1),
  out: z.string().min(1).optional(),
});

await runCli(async () => {
  const args = parseArgsWith(argsSchema, USAGE);
  const ctx = await systemContext(args.org, "command line (npm run org:export)");
  const document = await exportOrganisation(ctx);
  const text = `${JSON.stringify(document, null, 2)}\n`;
  const counts = describeCounts(countOrgDocument(document));
  if (args.out) {
    fs.writeFileSync(args.out, text);
    console.error(`Exported "${ctx.orgName}" (${counts}) to ${args.out}.`);
  } else {
    // Wait for the pipe to take it all before the process exits.
    await new Promise<void>((resolve, reject) =>
      process.stdout.write(text, (error) => (error ? reject(error) : resolve())),
    );
    console.error(`Exported "${ctx.orgName}" (${counts}).`);
  }
});

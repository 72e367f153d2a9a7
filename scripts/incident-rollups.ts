import { z } from "zod";
import { db } from "@/db";
import { rebuildIncidentRollups } from "@/db/queries/incident-rollups";
import { systemContext } from "@/db/queries/system";
import { SLUG_PATTERN } from "@/lib/slug";
import { parseArgsWith, runCli } from "./lib/cli";

// Recomputes an organisation's daily incident rollups from its incidents: after loading
// incidents in bulk with SQL or another tool, instead of through the app.
const USAGE = "Usage: npm run incidents:rollups -- --org <slug>";

await runCli(async () => {
  const args = parseArgsWith(
    z.object({ org: z.string().regex(SLUG_PATTERN, "an organisation's slug") }),
    USAGE,
  );
  const ctx = await systemContext(args.org, "command line (npm run incidents:rollups)");
  const started = performance.now();
  await db.transaction((tx) => rebuildIncidentRollups(tx, ctx.orgId));
  console.log(
    `Rebuilt the daily incident rollups of ${args.org} in ${Math.round(performance.now() - started)} ms.`,
  );
});

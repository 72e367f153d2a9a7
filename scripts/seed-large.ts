// Generates a large organisation for benchmarks (see the README, "Large organisation for
// benchmarks"). Progress goes to stderr; the last line of stdout is the summary as JSON.
//
//   npm run seed:large
//   npm run seed:large -- --use-cases 200 --pilots 200 --incidents 10000 --slug large-small

import { sql } from "drizzle-orm";
import { z } from "zod";
import { db, migrateDatabase } from "@/db";
import { AppError } from "@/lib/errors";
import { parseArgsWith, runCli } from "./lib/cli";
import {
  DEFAULT_LARGE_PASSWORD,
  largeOrgOptionsSchema,
  seedLargeOrganisation,
} from "./lib/large-org";

const USAGE =
  "Usage: npm run seed:large -- [--use-cases 2000] [--pilots 2000] [--incidents 100000] [--assessments 5000] [--metrics-pilots 300] [--days 730] [--workshops 20] [--bench-incidents 500] [--bench-days 365] [--slug large] [--today YYYY-MM-DD]";

const number = z.string().regex(/^\d+$/, "use a whole number").optional();
const argsSchema = z
  .object({
    "use-cases": number,
    pilots: number,
    incidents: number,
    assessments: number,
    "metrics-pilots": number,
    days: number,
    workshops: number,
    "bench-incidents": number,
    "bench-days": number,
    slug: z.string().optional(),
    today: z.string().optional(),
  })
  .strict();

await runCli(async () => {
  const args = parseArgsWith(argsSchema, USAGE);
  const parsed = largeOrgOptionsSchema.safeParse({
    useCases: args["use-cases"],
    pilots: args.pilots,
    incidents: args.incidents,
    assessments: args.assessments,
    metricsPilots: args["metrics-pilots"],
    days: args.days,
    workshops: args.workshops,
    benchIncidents: args["bench-incidents"],
    benchDays: args["bench-days"],
    slug: args.slug,
    today: args.today,
  });
  if (!parsed.success) {
    const kebab = (key: PropertyKey) => String(key).replace(/[A-Z]/g, (c) => `-${c.toLowerCase()}`);
    const lines = parsed.error.issues.map((i) => `--${kebab(i.path[0] ?? "")}: ${i.message}`);
    throw new AppError("invalid_input", `${USAGE}\n  ${lines.join("\n  ")}`);
  }
  const started = performance.now();
  await migrateDatabase();
  console.error(`Migrations applied (${((performance.now() - started) / 1000).toFixed(1)} s).`);
  const summary = await seedLargeOrganisation(
    { ...parsed.data, password: process.env.LARGE_PASSWORD || DEFAULT_LARGE_PASSWORD },
    (line) => console.error(line),
  );
  // Fresh planner statistics for the tables just filled (PGlite has no autovacuum to do it).
  const analysed = performance.now();
  await db.execute(sql`analyze`);
  console.error(`Tables analysed (${((performance.now() - analysed) / 1000).toFixed(1)} s).`);
  console.error(
    `Sign in as ${summary.ownerEmail} and open /o/${summary.orgSlug} (${summary.seconds} s in all).`,
  );
  console.log(JSON.stringify(summary));
});

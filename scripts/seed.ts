import { AppError } from "@/lib/errors";
import { parseArgs, runCli } from "./lib/cli";
import { seedDemoPilots } from "./lib/demo-pilots";
import { seedDemoWorkshops } from "./lib/demo-workshops";
import {
  DEFAULT_DEMO_PASSWORD,
  DEMO_EMAIL,
  DEMO_ORG_SLUG,
  demoSeedRefusal,
  seedDemo,
  seedDemoUseCases,
} from "./lib/seed-demo";

await runCli(async () => {
  const refusal = demoSeedRefusal(process.env, parseArgs());
  if (refusal) throw new AppError("forbidden", refusal);
  const password = process.env.DEMO_PASSWORD || DEFAULT_DEMO_PASSWORD;
  const { created } = await seedDemo(password);
  const useCases = await seedDemoUseCases();
  console.log(`${created ? "Created" : "Updated"} the demo organisation "${DEMO_ORG_SLUG}".`);
  if (useCases) console.log(`Added ${useCases} demo use cases with their action inventories.`);
  const { pilots, incidents } = await seedDemoPilots(DEMO_ORG_SLUG);
  if (pilots) {
    console.log(
      `Added ${pilots} demo pilots with their run metrics, timelines and ${incidents} incidents.`,
    );
  }
  const workshops = await seedDemoWorkshops(DEMO_ORG_SLUG);
  if (workshops) console.log("Added a closed and an open demo workshop.");
  console.log(`Sign in as ${DEMO_EMAIL} with the password: ${password}`);
  console.log(
    "(lead@example.com, contributor@example.com and viewer@example.com share it, to try each role.)",
  );
});

import { describe, expect, test } from "vitest";
import { listAssessments } from "@/db/queries/assessments";
import { memberContext } from "@/db/queries/organisations";
import { getPilotGate, listPilotCards } from "@/db/queries/pilots";
import { findUserByEmail } from "@/db/queries/users";
import { seedDemoPilots } from "@/scripts/lib/demo-pilots";
import { DEMO_EMAIL, DEMO_ORG_SLUG, seedDemo, seedDemoUseCases } from "@/scripts/lib/seed-demo";

// The demo seed runs in this process against the run's database, as `npm run demo` would.
describe("the demo organisation", () => {
  test("is assessed on the current bank, and the pilot running beyond its band shows the band criterion failing", async () => {
    await seedDemo("demo-test-password");
    await seedDemoUseCases();
    await seedDemoPilots(DEMO_ORG_SLUG);
    const owner = await memberContext((await findUserByEmail(DEMO_EMAIL))!, DEMO_ORG_SLUG);
    if (!owner) throw new Error("no demo owner");

    const assessments = await listAssessments(owner, { status: "submitted" });
    expect(assessments.length).toBeGreaterThanOrEqual(6);
    expect(new Set(assessments.map((a) => a.bankVersion))).toEqual(new Set(["v2"]));

    const refunds = (await listPilotCards(owner)).find(
      (p) => p.useCaseName === "Refunds under 100 EUR",
    );
    expect(refunds?.stage).toBe("limited_production");
    const gate = await getPilotGate(owner, refunds!.id);
    const band = gate.evaluation?.criteria.find((c) => c.kind === "band_allows_stage");
    expect(band?.pass).toBe(false);
    expect(band?.measured).toMatch(/sandbox only/);
  }, 240_000);
});

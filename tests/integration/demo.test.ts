import { describe, expect, test } from "vitest";
import { listAssessments } from "@/db/queries/assessments";
import { getPilotLoop, getPortfolioLoop, listLessons } from "@/db/queries/loop";
import { memberContext } from "@/db/queries/organisations";
import { getPilotGate, listPilotCards } from "@/db/queries/pilots";
import { findUserByEmail } from "@/db/queries/users";
import {
  getRoomDisagreements,
  getWorkshopLive,
  listWorkshopParticipants,
  listWorkshops,
} from "@/db/queries/workshops";
import { seedDemoPilots } from "@/scripts/lib/demo-pilots";
import { DEMO_WORKSHOP_TITLES, seedDemoWorkshops } from "@/scripts/lib/demo-workshops";
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

  test("shows the loop on its pilots and a lesson: the tracking data said to be live was not", async () => {
    // Safe to repeat: whatever the test above seeded is kept.
    await seedDemo("demo-test-password");
    await seedDemoUseCases();
    await seedDemoPilots(DEMO_ORG_SLUG);
    const viewer = await memberContext(
      (await findUserByEmail("viewer@example.com"))!,
      DEMO_ORG_SLUG,
    );
    if (!viewer) throw new Error("no demo viewer");

    const portfolio = await getPortfolioLoop(viewer);
    const compared = portfolio.pilots.filter((p) => p.assessment && p.incidentRate !== null);
    expect(compared.length).toBeGreaterThanOrEqual(4);
    expect(portfolio.totals.incidents).toBeGreaterThan(0);

    const eta = portfolio.pilots.find((p) => p.useCaseName === "Delivery ETA replies")!;
    const loop = await getPilotLoop(viewer, eta.pilotId);
    const data = loop.pilots[0]!.dimensions.find((d) => d.id === "data")!;
    expect(data.reading).toBe("well");
    expect(data.incidents).toBeGreaterThanOrEqual(1);
    expect(loop.pilots[0]!.rollbacks).toBe(1);
    expect(loop.register.onRegister).toBeGreaterThanOrEqual(1);

    const { lessons } = await listLessons(viewer);
    const lesson = lessons.find((l) => l.title.includes("six-hour-old tracking cache"));
    expect(lesson).toMatchObject({
      dimensionId: "data",
      pinned: true,
      useCaseName: "Delivery ETA replies",
    });
    expect(lesson!.answers[0]!.questionId).toBe("data_freshness");
  }, 240_000);

  test("has a closed workshop of twelve across four roles that disagreed and became an assessment, and an open one", async () => {
    await seedDemo("demo-test-password");
    await seedDemoUseCases();
    await seedDemoPilots(DEMO_ORG_SLUG);
    await seedDemoWorkshops(DEMO_ORG_SLUG);
    // Seeding again adds nothing.
    expect(await seedDemoWorkshops(DEMO_ORG_SLUG)).toBe(0);
    const viewer = await memberContext(
      (await findUserByEmail("viewer@example.com"))!,
      DEMO_ORG_SLUG,
    );
    if (!viewer) throw new Error("no demo viewer");
    // Other tests may add workshops of their own to the demo organisation.
    const titles: string[] = Object.values(DEMO_WORKSHOP_TITLES);
    const workshops = (await listWorkshops(viewer)).filter((w) => titles.includes(w.title));
    expect(workshops.map((w) => w.state).sort()).toEqual(["closed", "open"]);
    const closed = workshops.find((w) => w.state === "closed")!;
    expect(closed.useCaseName).toBe("Driver shift swaps");
    const people = await listWorkshopParticipants(viewer, closed.id);
    expect(people).toHaveLength(12);
    for (const role of ["Executive", "Operator", "Engineer", "Risk"]) {
      expect(people.filter((p) => p.roleTag === role)).toHaveLength(3);
    }
    expect(closed.assessmentId).not.toBeNull();
    const room = await getRoomDisagreements(viewer, closed.assessmentId!);
    const fixes = room?.questions.find((q) => q.questionId === "process_manual_fixes");
    expect(fixes?.note).toMatch(/by hand/);
    const mostly = new Map(fixes?.byRole.map((r) => [r.roleTag, r.mostChose]));
    expect(mostly.get("Executive")).toMatch(/^Rarely/);
    expect(mostly.get("Operator")).toMatch(/^Often/);
    expect(room?.questions.length).toBeGreaterThanOrEqual(4);
    const live = await getWorkshopLive(viewer, closed.id);
    expect(
      live.comments.some((c) => /fixed by hand/.test(c.comment) && c.roleTag === "Operator"),
    ).toBe(true);
    const open = workshops.find((w) => w.state === "open")!;
    expect((await getWorkshopLive(viewer, open.id)).participants).toBeGreaterThan(0);
  }, 240_000);
});

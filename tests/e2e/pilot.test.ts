import type { Browser } from "playwright-core";
import { afterAll, beforeAll, expect, test } from "vitest";
import { launchBrowser, newPerson, uniq } from "./browser";
import { AssessmentWizard, UseCasePages } from "./pages/assessment-pages";
import { AuthPages } from "./pages/auth-pages";
import { PilotPages } from "./pages/pilot-pages";
import { SettingsPages } from "./pages/settings-pages";

let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
});

test("a lead runs a pilot to production through a blocked gate and an override, then rolls it back", async () => {
  // An owner (who can override gates) with an assessed use case, and a lead they invite.
  const ownerCtx = await newPerson(browser);
  const ownerPage = await ownerCtx.newPage();
  const errors: string[] = [];
  ownerPage.on("pageerror", (e) => errors.push(e.message));
  await new AuthPages(ownerPage).signUp(
    { name: "Olu Owner", email: `olu.${uniq()}@example.com`, password: `pw-${uniq()}-${uniq()}` },
    `Pilots ${uniq()}`,
  );
  const slug = new URL(ownerPage.url()).pathname.split("/")[2]!;
  const useCases = new UseCasePages(ownerPage, slug);
  const name = `Tag support tickets ${uniq()}`;
  await useCases.create(name, "Zendesk");
  await useCases.addAction({
    name: "Set ticket tags",
    system: "Zendesk",
    access: "Writes",
    reversibility: "Reversible",
    blastRadius: "One record",
    frequency: "Hourly",
  });
  await new AssessmentWizard(ownerPage).assessWithStrongAnswers();
  const leadPerson = {
    name: "Lee Lead",
    email: `lee.${uniq()}@example.com`,
    password: `pw-${uniq()}-${uniq()}`,
  };
  const link = await new SettingsPages(ownerPage, slug).createInvitation("Lead", leadPerson.email);

  const leadCtx = await newPerson(browser);
  const leadPage = await leadCtx.newPage();
  leadPage.on("pageerror", (e) => errors.push(e.message));
  await new AuthPages(leadPage).acceptInvitationAsNewUser(link, leadPerson);

  // The lead starts the pilot at the recommended stage and records a day of run metrics.
  const lead = new PilotPages(leadPage, slug);
  const pilotUrl = await lead.start(name, "Turn the integration off; agents tag by hand again.");
  const startStage = await lead.currentStage();
  expect(["Sandbox", "Shadow", "Supervised", "Limited production"]).toContain(startStage);
  await lead.recordMetrics({ attempted: 400, correct: 372, overrides: 30 });
  // The chart loads after the page (its own chunk): waited for, then counted.
  await leadPage.getByTestId("run-metrics-chart").waitFor();
  expect(await leadPage.getByTestId("run-metrics-chart").count()).toBe(1);
  expect(await (await lead.runMetricsTable()).textContent()).toContain("93%");

  // Days before the pilot's start are refused on the date field, and a CSV import naming one
  // is refused with its line; nothing of it is written.
  const today = new Date().toISOString().slice(0, 10);
  const yesterday = new Date(Date.now() - 86_400_000).toISOString().slice(0, 10);
  const early = `${yesterday} is before the pilot started on ${today}: run metrics cover the pilot from its start date on.`;
  expect(
    await lead.recordMetricsRefused({ date: yesterday, attempted: 5, correct: 5, overrides: 0 }),
  ).toBe(early);
  const refusedImport = await lead.importCsvRefused(
    `period_start,attempted,correct,overrides\n${today},50,49,1\n${yesterday},40,39,0\n`,
  );
  expect(refusedImport.error).toBe("Nothing was imported: 1 problem in the file.");
  expect(refusedImport.problems).toEqual([`Line 3: ${early}`]);
  const metricsTable = await lead.runMetricsTable();
  expect(await metricsTable.locator("tbody tr").count()).toBe(1);
  expect(await metricsTable.textContent()).toContain("400");

  // A brand-new stage cannot be left yet: the gate names what fails.
  const blocked = await lead.promote();
  expect(blocked).toMatch(/gate out of .* is not met: .*time in this stage/i);
  expect(await lead.criterion("min_days_in_stage").textContent()).toContain("Fail");
  expect(await lead.criterion("min_days_in_stage").textContent()).toContain("0 days");
  // A lead cannot override.
  expect(await leadPage.getByLabel(/Override failing criteria/).count()).toBe(0);

  // The lead signs off the failing time criterion: the gate shows who, with which role, when
  // and their note.
  await lead.signOff("min_days_in_stage", "Reviewed the first day's actions with the team.");
  const [signoff] = await lead.signoffs();
  expect(signoff).toMatch(
    /^Lee Lead \(Lead\) signed off Time in this stage \d{1,2} \w{3,4} \d{4}, \d{2}:\d{2} UTC · withdraw “Reviewed the first day's actions with the team\.”$/,
  );
  expect(await lead.criterion("min_days_in_stage").textContent()).toContain(
    "Signed off by Lee Lead (Lead)",
  );

  // The owner overrides each gate with a justification until production.
  await ownerPage.goto(pilotUrl);
  const owner = new PilotPages(ownerPage, slug);
  const refused = await owner.promote({ override: true });
  expect(refused).toMatch(/justification/i);
  await ownerPage.reload();
  let guard = 0;
  while ((await owner.currentStage()) !== "Production" && guard++ < 6) {
    const error = await owner.promote({
      override: true,
      justification: "Pilot customer asked for an early start; every action is reviewed daily.",
    });
    expect(error).toBeNull();
  }
  expect(await owner.currentStage()).toBe("Production");

  // The lead's page still shows the old stage: acting on it is refused with the news, and the
  // page shows the new state.
  const staleForm = await lead.otherMove("Pause");
  await staleForm.getByLabel("Why pause").fill("Waiting for the catalogue fix.");
  await staleForm.getByRole("button", { name: "Pause pilot" }).click();
  expect(await staleForm.getByTestId("form-error").textContent()).toMatch(
    /Someone else changed this pilot since you opened it: it is now production/,
  );
  await leadPage.waitForFunction(() =>
    document
      .querySelector("nav[aria-label=Stages] [aria-current=step]")
      ?.textContent?.startsWith("Production"),
  );
  await lead.rollBack("Limited production", "Tags drifted after the catalogue was renamed.");
  expect(await lead.currentStage()).toBe("Limited production");

  const timeline = await lead.timeline();
  expect(timeline[timeline.length - 1]).toMatch(/^Started to /);
  expect(timeline[0]).toMatch(/^Rolled back from production to limited production/);
  expect(timeline[0]).toContain("Tags drifted after the catalogue was renamed.");
  const promotions = timeline.filter((t) => t.startsWith("Promoted"));
  expect(promotions.length).toBeGreaterThan(0);
  for (const p of promotions) expect(p).toContain("Gate overridden");
  expect(promotions[0]).toContain("to production");

  // The board shows the pilot in its column.
  await leadPage.goto(`/o/${slug}/pilots`);
  const card = leadPage.getByTestId("pilot-card").filter({ hasText: name });
  expect(await card.count()).toBe(1);
  expect(errors).toEqual([]);
  await ownerCtx.close();
  await leadCtx.close();
});

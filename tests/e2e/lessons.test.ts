import type { Browser } from "playwright-core";
import { afterAll, beforeAll, expect, inject, test } from "vitest";
import { launchBrowser, newPerson } from "./browser";
import { AuthPages } from "./pages/auth-pages";
import { LessonPages } from "./pages/lesson-pages";
import { DEMO } from "./pages/report-pages";

let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
});

/** The demo's lesson: the ETA pilot's assessment vouched for live tracking data. */
const LESSON = "Shadow replies quoted ETAs from a six-hour-old tracking cache";

test("a viewer follows a lesson of the demo to its incident, and the pilot page shows the loop with its table", async () => {
  const ctx = await newPerson(browser);
  const page = await ctx.newPage();
  await new AuthPages(page).signIn("viewer@example.com", inject("demoPassword"));
  await page.waitForURL(new RegExp(`/o/${DEMO.orgSlug}`));

  await page
    .getByRole("navigation", { name: "Main" })
    .getByRole("link", { name: "Lessons" })
    .click();
  await page.waitForURL(new RegExp(`/o/${DEMO.orgSlug}/lessons$`));
  const lessons = new LessonPages(page, DEMO.orgSlug);
  await expect.poll(() => lessons.rows().count()).toBeGreaterThan(0);

  // Grouped under the dimension whose answers it contradicts, beside the answer that said so.
  const group = page.getByTestId("lesson-group").filter({ has: lessons.row(LESSON) });
  await expect
    .poll(() => group.getByRole("heading", { level: 2 }).textContent())
    .toBe("Data quality, freshness and sources of truth");
  // biome-ignore lint/performance/useDomNodeTextContent: the answer as a person reads it
  expect(await group.getByTestId("lesson-answers").first().innerText()).toMatch(
    /How current is the data[\s\S]*broke its assumption/,
  );
  const row = lessons.row(LESSON);
  const assessmentHref = await row
    .getByRole("link", { name: /known answers/ })
    .getAttribute("href");
  expect(assessmentHref).toMatch(
    new RegExp(`/o/${DEMO.orgSlug}/assessments/[0-9a-f-]{36}/results$`),
  );
  const pilotHref = await row
    .getByRole("link", { name: "Delivery ETA replies" })
    .getAttribute("href");

  await row.getByRole("link", { name: LESSON }).click();
  await page.waitForURL(new RegExp(`/o/${DEMO.orgSlug}/incidents/[0-9a-f-]{36}$`));
  await expect.poll(() => page.locator("h1").textContent()).toContain(LESSON);

  await page.goto(pilotHref!);
  const section = lessons.loopSection();
  await section.scrollIntoViewIfNeeded();
  expect(await lessons.loopMeasures()).toEqual([
    "Readiness at start",
    "Counted since",
    "Incidents per 1,000 actions",
    "Incident cost",
    "Rollbacks",
    "Warned: weak or not known at start",
    "Lessons: answered well at start",
    "Broke an assumption on the register",
  ]);
  // biome-ignore lint/performance/useDomNodeTextContent: the value as a person reads it
  const measures = await section.getByTestId("loop-measures").innerText();
  expect(measures).toMatch(/Supervised/);
  expect(measures).toMatch(/Rollbacks\s+1/);
  expect(await section.getByTestId("chart-dimension-outcome").count()).toBe(1);
  await ctx.close();
});

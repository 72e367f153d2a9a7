import type { Browser } from "playwright-core";
import { afterAll, beforeAll, expect, inject, test } from "vitest";
import { launchBrowser, newPerson } from "./browser";
import { AuthPages } from "./pages/auth-pages";
import { A4_PRINTABLE_WIDTH, DEMO, pdfPageCount, ReportPage } from "./pages/report-pages";

let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
});

/** The demo's owner, signed in, and the page errors of their session. */
async function demoOwner() {
  const ctx = await newPerson(browser);
  const page = await ctx.newPage();
  const errors: string[] = [];
  page.on("pageerror", (e) => errors.push(e.message));
  await new AuthPages(page).signIn(DEMO.email, inject("demoPassword"));
  await page.waitForURL(new RegExp(`/o/${DEMO.orgSlug}`));
  return { ctx, page, errors };
}

test("the demo's largest assessment prints as a clean, full-width report of at most four A4 pages", async () => {
  const { ctx, page, errors } = await demoOwner();

  // The largest report of the demo: the most recommendations, blockers and assumptions.
  const report = new ReportPage(page);
  const links = await report.submittedResultLinks(DEMO.orgSlug);
  expect(links.length).toBeGreaterThanOrEqual(6);
  let largest = { href: "", size: -1 };
  for (const href of links) {
    await report.open(href);
    const size = await report.size();
    if (size > largest.size) largest = { href, size };
  }
  // Big enough that printing it naively runs far past four pages.
  expect(largest.size).toBeGreaterThan(50);
  await report.open(largest.href);
  const useCase = ((await page.locator("h1").textContent()) ?? "").match(/“(.+)”/)?.[1] ?? "";
  expect(useCase.length).toBeGreaterThan(0);
  // On screen the radar's labels are whole, on a phone as on a desktop.
  expect(await report.clippedRadarLabels()).toEqual([]);
  await page.setViewportSize({ width: 360, height: 780 });
  await page.waitForFunction(
    () => Number(document.querySelector(".recharts-surface")?.getAttribute("width")) < 340,
  );
  expect(await report.clippedRadarLabels()).toEqual([]);
  expect(
    await page.getByTestId("radar-label").evaluateAll((ls) => ls.map((l) => l.textContent)),
  ).toContain("Permissions");

  await report.emulatePrint();
  // Full width: the report takes the sheet, not a column beside a hidden navigation.
  const width = (await report.report().boundingBox())?.width ?? 0;
  expect(width).toBeGreaterThanOrEqual(0.9 * A4_PRINTABLE_WIDTH);
  // The header says whose report it is, of what, when, and on which question bank.
  const headerText = await report.headerText();
  expect(headerText).toContain(DEMO.orgName);
  expect(headerText).toContain(`Use case: ${useCase}`);
  expect(headerText).toMatch(/Submitted \d{1,2} \w{3} \d{4}/);
  expect(headerText).toContain("question bank v2");
  // No navigation, buttons or forms on paper; the content a reader needs is all there.
  expect(await report.visibleControls()).toEqual([]);
  for (const id of ["overall-score", "band", "band-caps", "blockers", "dimension-table"]) {
    expect(await page.getByTestId(id).isVisible(), id).toBe(true);
  }
  const recommendations = page.getByTestId("recommendations").locator(":scope > li");
  const shown = await recommendations.evaluateAll(
    (items) => items.filter((li) => li.getBoundingClientRect().height > 0).length,
  );
  expect(shown).toBe(await recommendations.count());
  expect(await report.clippedRadarLabels()).toEqual([]);

  const pdf = await page.pdf({ format: "A4", printBackground: true });
  const pages = pdfPageCount(pdf);
  expect(pages).toBeGreaterThanOrEqual(2);
  expect(pages).toBeLessThanOrEqual(4);
  expect(errors).toEqual([]);
  await ctx.close();
});

test("the demo's longest-running pilot prints as a full-width report with readable charts, a section a sheet", async () => {
  const { ctx, page, errors } = await demoOwner();

  // The pilot in production: a year of run metrics, incidents and a long assumptions register.
  await page.goto(`/o/${DEMO.orgSlug}/pilots`);
  await page
    .locator('li[aria-labelledby="col-production"] [data-testid="pilot-card"]')
    .first()
    .click();
  await page.waitForURL(/\/pilots\/[0-9a-f-]{36}$/);
  const pilot = (await page.locator("h1").textContent()) ?? "";
  // The pilot page's header links to its report.
  await page.getByRole("link", { name: "Report" }).click();
  await page.waitForURL(/\/pilots\/[0-9a-f-]{36}\/report$/);
  const report = new ReportPage(page);
  await report.report().waitFor();
  await page.getByTestId("run-metrics-chart").locator(".recharts-line-curve").first().waitFor();
  expect(await page.getByRole("button", { name: "Print or save as PDF" }).isVisible()).toBe(true);

  await report.emulatePrint();
  const width = (await report.report().boundingBox())?.width ?? 0;
  expect(width).toBeGreaterThanOrEqual(0.9 * A4_PRINTABLE_WIDTH);
  // The header names the organisation, the pilot and the day of the report.
  const headerText = await report.headerText();
  expect(headerText).toContain(DEMO.orgName);
  expect(headerText).toContain(`Pilot: ${pilot}`);
  expect(headerText).toMatch(/report of \d{1,2} \w{3} \d{4}/);
  expect(await report.visibleControls()).toEqual([]);
  // Gate, run metrics, incidents, stage history and assumptions are all on paper.
  for (const id of [
    "report-summary",
    "gate-card",
    "report-stage-totals",
    "incident-stats",
    "pilot-incidents",
    "timeline",
    "assumptions",
  ]) {
    expect(await page.getByTestId(id).isVisible(), id).toBe(true);
  }
  // Every chart fills its printed box and draws its data: the run metrics and five incident charts.
  await page.waitForTimeout(500);
  const charts = await report.printedCharts();
  expect(charts.length).toBeGreaterThanOrEqual(6);
  for (const chart of charts) {
    expect(chart.marks, chart.id).toBeGreaterThan(0);
    expect(Math.abs(chart.width - chart.box), chart.id).toBeLessThanOrEqual(2);
  }
  expect(charts.find((c) => c.id === "run-metrics-chart")?.width).toBeGreaterThanOrEqual(
    0.85 * A4_PRINTABLE_WIDTH,
  );
  // Incidents, and history with assumptions, each start a new sheet.
  const breaks = await page.evaluate(() =>
    [...document.querySelectorAll("[data-testid=report] > *")]
      .filter((el) => getComputedStyle(el).breakBefore === "page")
      .map((el) => el.textContent?.trim().slice(0, 20)),
  );
  expect(breaks).toHaveLength(2);

  const pdf = await page.pdf({ format: "A4", printBackground: true });
  const pages = pdfPageCount(pdf);
  expect(pages).toBeGreaterThanOrEqual(3);
  expect(pages).toBeLessThanOrEqual(8);
  expect(errors).toEqual([]);
  await ctx.close();
});

import type { Browser } from "playwright-core";
import { afterAll, beforeAll, expect, inject, test } from "vitest";
import { launchBrowser, newPerson } from "./browser";
import { AuthPages } from "./pages/auth-pages";
import { DashboardPage } from "./pages/dashboard-pages";
import { A4_PRINTABLE_WIDTH, DEMO, pdfPageCount, ReportPage } from "./pages/report-pages";

let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
});

const VIEWER = "viewer@example.com";

async function signedInViewer() {
  const ctx = await newPerson(browser);
  const page = await ctx.newPage();
  const errors: string[] = [];
  page.on("pageerror", (e) => errors.push(e.message));
  await new AuthPages(page).signIn(VIEWER, inject("demoPassword"));
  await page.waitForURL(new RegExp(`/o/${DEMO.orgSlug}`));
  return { ctx, page, errors };
}

test("an executive (viewer) reads the portfolio, opens use cases from the chart by mouse and keyboard, and follows an item that needs attention", async () => {
  const { ctx, page, errors } = await signedInViewer();
  const dashboard = new DashboardPage(page, DEMO.orgSlug);
  await dashboard.open();

  // The matrix: one dot per assessed use case; the unassessed one listed beside it.
  expect(await dashboard.dots().count()).toBe(6);
  expect(await page.getByTestId("unassessed").textContent()).toContain("Driver shift swaps");

  // Hover shows name, band and confidence; a click opens the use case.
  await dashboard.dot("Support ticket triage").hover();
  const hovered = await dashboard.tooltip();
  expect(hovered).toContain("Support ticket triage");
  expect(hovered).toMatch(/Band: \w/);
  expect(hovered).toMatch(/Confidence \d+%/);
  await dashboard.dot("Support ticket triage").click();
  await page.waitForURL(/\/use-cases\/[0-9a-f-]{36}$/);
  expect(await page.locator("h1").textContent()).toContain("Support ticket triage");

  // The keyboard reaches the dots with Tab; focus shows the same tooltip; Enter opens it.
  await dashboard.open();
  const focused = await dashboard.tabToFirstDot();
  expect(await dashboard.tooltip()).toContain(focused);
  await page.keyboard.press("Enter");
  await page.waitForURL(/\/use-cases\/[0-9a-f-]{36}$/);
  expect(await page.locator("h1").textContent()).toContain(focused);

  // Needs attention: the most severe row is a pilot beyond its band; its link leads to the
  // pilot's gate.
  await dashboard.open();
  const first = page.getByTestId("attention-item").first();
  expect(await first.getAttribute("data-kind")).toBe("beyond_band");
  expect(await first.textContent()).toMatch(/allows up to/);
  await dashboard.attentionLinks().first().click();
  await page.waitForURL(/\/pilots\/[0-9a-f-]{36}#gate-heading$/);
  expect(await page.locator("#gate-heading").isVisible()).toBe(true);
  expect(await page.getByTestId("gate-card").textContent()).toMatch(/Readiness band allows/);

  // Every number links to the list behind it: a funnel count opens the board at that stage.
  await dashboard.open();
  await page.getByTestId("funnel-production").click();
  await page.waitForURL(/\/pilots\?stage=production/);
  expect(await page.getByTestId("pilot-card").count()).toBe(1);

  // The loop, summed per readiness band at the start, links to the report's pilot-by-pilot view.
  await dashboard.open();
  const loop = page.getByTestId("loop-summary");
  expect(await loop.locator("tbody tr").count()).toBeGreaterThan(0);
  await loop.getByRole("link", { name: /in the portfolio report/ }).click();
  await page.waitForURL(/\/report(\?[^#]*)?#loop-heading$/);
  expect(await page.getByTestId("loop-section").isVisible()).toBe(true);
  expect(errors).toEqual([]);
  await ctx.close();
});

test("the portfolio report prints to a full-width PDF with its charts and every item that needs attention", async () => {
  const { ctx, page, errors } = await signedInViewer();
  const report = new ReportPage(page);
  await page.goto(`/o/${DEMO.orgSlug}/report`);
  await report.report().waitFor();
  await page.locator(".recharts-surface").first().waitFor();
  const items = await page.getByTestId("attention-item").count();
  expect(items).toBeGreaterThanOrEqual(6);
  expect(await page.locator("#attention-heading").textContent()).toBe(`Needs attention (${items})`);

  await report.emulatePrint();
  const width = (await report.report().boundingBox())?.width ?? 0;
  expect(width).toBeGreaterThanOrEqual(0.9 * A4_PRINTABLE_WIDTH);
  // biome-ignore lint/performance/useDomNodeTextContent: only the text that prints counts here.
  const header = (await page.getByTestId("report-header").innerText()).replace(/\s+/g, " ");
  expect(header).toContain(DEMO.orgName);
  expect(header).toMatch(/prepared \d{1,2} \w{3} \d{4}/);
  expect(await report.visibleControls()).toEqual([]);
  // Every attention item prints; nothing is folded away.
  const shown = await page
    .getByTestId("attention-item")
    .evaluateAll((rows) => rows.filter((r) => r.getBoundingClientRect().height > 0).length);
  expect(shown).toBe(items);
  // Each chart fills its printed box, and its marks are drawn: the dots, the bars, the lines.
  const charts = await page.evaluate(() =>
    [...document.querySelectorAll(".recharts-wrapper")].map((w) => {
      const box = w.getBoundingClientRect();
      const section = w.closest("section")!.getBoundingClientRect();
      return {
        loop: w.closest("[data-testid=loop-section]") !== null,
        share: box.width / section.width,
        height: box.height,
        marks: w.querySelectorAll(
          "circle, .recharts-symbols, .recharts-bar-rectangle, .recharts-line-curve",
        ).length,
      };
    }),
  );
  // The portfolio's four charts fill their sections; the loop's two (pilots by readiness at
  // start, incidents by dimension reading) print readable beside their tables.
  expect(charts.filter((c) => !c.loop)).toHaveLength(4);
  expect(charts.filter((c) => c.loop)).toHaveLength(2);
  for (const c of charts) {
    if (!c.loop) expect(c.share).toBeGreaterThan(0.6);
    expect(c.height).toBeGreaterThan(c.loop ? 120 : 150);
    expect(c.marks).toBeGreaterThan(0);
  }
  expect(
    await page
      .getByTestId("readiness-dot")
      .evaluateAll((dots) => dots.filter((d) => d.getBoundingClientRect().width > 4).length),
  ).toBe(6);

  const pdf = await page.pdf({ format: "A4", printBackground: true });
  // One section per page: summary, attention, readiness, funnel, outcomes, the loop, across.
  expect(pdfPageCount(pdf)).toBeGreaterThanOrEqual(7);
  expect(pdfPageCount(pdf)).toBeLessThanOrEqual(10);
  expect(errors).toEqual([]);
  await ctx.close();
});

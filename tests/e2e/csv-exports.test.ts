import Papa from "papaparse";
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, expect, inject, test } from "vitest";
import { formatIsoDate } from "@/lib/format";
import { launchBrowser, newPerson, personNamed, uniq } from "./browser";
import { UseCasePages } from "./pages/assessment-pages";
import { AuthPages } from "./pages/auth-pages";
import { DEMO } from "./pages/report-pages";

let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
});

type Download = { status: number; type: string; filename: string; rows: Record<string, string>[] };

/** Follows a list page's CSV link, as the browser downloads it, and reads the file. */
async function download(page: Page, name: string | RegExp): Promise<Download> {
  const href = await page.getByRole("link", { name }).getAttribute("href");
  expect(href).toBeTruthy();
  const response = await page.request.get(href!);
  const text = await response.text();
  return {
    status: response.status(),
    type: response.headers()["content-type"] ?? "",
    filename: /filename="([^"]+)"/.exec(response.headers()["content-disposition"] ?? "")?.[1] ?? "",
    rows: Papa.parse<Record<string, string>>(text.trim(), { header: true }).data,
  };
}

const day = () => formatIsoDate(new Date());

test("a viewer downloads each list as CSV with the list's filters, named after the organisation and the day", async () => {
  const ctx = await newPerson(browser);
  const page = await ctx.newPage();
  await new AuthPages(page).signIn("viewer@example.com", inject("demoPassword"));
  await page.waitForURL(new RegExp(`/o/${DEMO.orgSlug}`));
  const base = `/o/${DEMO.orgSlug}`;

  // Use cases in pilot: each row with its latest score and band, in pounds.
  await page.goto(`${base}/use-cases?status=piloting`);
  const listed = await page.locator("tbody tr").count();
  const useCases = await download(page, "Download CSV");
  expect(useCases).toMatchObject({
    status: 200,
    type: expect.stringContaining("text/csv"),
    filename: `${DEMO.orgSlug}-use-cases-${day()}.csv`,
  });
  expect(useCases.rows).toHaveLength(listed);
  expect(listed).toBeGreaterThan(1);
  for (const row of useCases.rows) {
    expect(row).toMatchObject({ status: "piloting", currency: "GBP" });
    expect(Number(row.latest_score)).toBeGreaterThan(0);
    expect(row.latest_band).toMatch(/^[a-z_]+$/);
  }

  // The answers of one use case's assessments: one row per answer, with the question.
  await page.goto(`${base}/assessments`);
  // A use case with a submitted assessment of the whole questionnaire (not a workshop's draft).
  const useCase = "Refunds under 100 EUR";
  await page.getByLabel("Use case").selectOption({ label: useCase });
  await page.getByRole("button", { name: "Apply" }).click();
  await page.waitForURL(/useCase=/);
  const answers = await download(page, "Download answers CSV");
  expect(answers.filename).toBe(`${DEMO.orgSlug}-assessment-answers-${day()}.csv`);
  expect(answers.rows.length).toBeGreaterThan(20);
  expect(new Set(answers.rows.map((r) => r.use_case))).toEqual(new Set([useCase]));
  const keys = answers.rows.map((r) => `${r.assessment_id}/${r.question_id}`);
  expect(new Set(keys).size).toBe(keys.length);
  expect(answers.rows.every((r) => r.question && /^v\d+$/.test(r.question_bank ?? ""))).toBe(true);

  // One pilot, found by name: its stage history and its run metrics.
  await page.goto(`${base}/pilots`);
  const pilot = (await page
    .locator('li[aria-labelledby="col-production"] [data-testid="pilot-card"] span')
    .first()
    .textContent())!;
  await page.goto(`${base}/pilots?q=${encodeURIComponent(pilot)}`);
  const history = await download(page, "Stage history CSV");
  expect(history.filename).toBe(`${DEMO.orgSlug}-pilot-stage-history-${day()}.csv`);
  expect(history.rows[0]).toMatchObject({ pilot, event: "start" });
  expect(new Set(history.rows.map((r) => r.pilot))).toEqual(new Set([pilot]));
  const metrics = await download(page, "Run metrics CSV");
  expect(metrics.rows.length).toBeGreaterThan(0);
  expect(new Set(metrics.rows.map((r) => r.pilot))).toEqual(new Set([pilot]));
  await ctx.close();
});

test("exports answer only members: another organisation's owner gets 404, a visitor is sent to sign in", async () => {
  const ctx = await newPerson(browser);
  const page = await ctx.newPage();
  await new AuthPages(page).signUp(personNamed("Olga Owner"), `Exports ${uniq()}`);
  const slug = new URL(page.url()).pathname.split("/")[2]!;
  const exports = [
    "use-cases/export.csv",
    "assessments/export.csv",
    "pilots/stage-history.csv",
    "pilots/run-metrics.csv",
    "incidents/export.csv",
  ];
  for (const path of exports) {
    const response = await page.request.get(`/o/${DEMO.orgSlug}/${path}`);
    expect(response.status(), path).toBe(404);
    expect(await response.text()).not.toContain("Northwind");
  }

  // Their own export neutralises a name a spreadsheet would run as a formula.
  const formula = `=HYPERLINK("http://evil.example","Open ${uniq()}")`;
  await new UseCasePages(page, slug).create(formula, "Zendesk");
  await page.goto(`/o/${slug}/use-cases`);
  const own = await download(page, "Download CSV");
  expect(own.rows.map((r) => r.name)).toEqual([`'${formula}`]);

  const visitor = await newPerson(browser);
  for (const path of exports) {
    const response = await visitor.request.get(`/o/${DEMO.orgSlug}/${path}`, { maxRedirects: 0 });
    expect(response.status(), path).toBeGreaterThanOrEqual(300);
    expect(response.status(), path).toBeLessThan(400);
    expect(response.headers().location ?? "", path).toContain("/sign-in");
  }
  await visitor.close();
  await ctx.close();
});

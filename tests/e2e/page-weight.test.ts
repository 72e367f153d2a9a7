import type { Browser } from "playwright-core";
import { afterAll, beforeAll, expect, inject, test } from "vitest";
import { kB, measurePage, type PageWeight } from "../../scripts/lib/page-weight";
import { baseUrl, launchBrowser, newPerson } from "./browser";
import { AuthPages } from "./pages/auth-pages";
import { DEMO } from "./pages/report-pages";
import { SettingsPages } from "./pages/settings-pages";

/** The budgets of every main page: HTML (payload included) and first-load JavaScript, gzip. */
const HTML_BUDGET = 150_000;
const JS_BUDGET = 200_000;
/** Incidents added to the demo's production pilot: with its year of daily run metrics, a heavy pilot. */
const ADDED_INCIDENTS = 500;

const org = `/o/${DEMO.orgSlug}`;
const uuid = "[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}";

let browser: Browser;
let cookie = "";
let token = "";
const routes: Record<string, string> = {};

/** One API request with the test's token, failing on any error status. */
async function api<T>(path: string, init: RequestInit = {}): Promise<T> {
  const res = await fetch(`${baseUrl}/api/v1${path}`, {
    ...init,
    headers: {
      authorization: `Bearer ${token}`,
      "content-type": "application/json",
      ...init.headers,
    },
  });
  if (!res.ok)
    throw new Error(`${init.method ?? "GET"} ${path}: ${res.status} ${await res.text()}`);
  return (await res.json()) as T;
}

/** The first link on a page that matches `pattern`. */
async function firstLink(page: string, pattern: RegExp): Promise<string> {
  const html = await (await fetch(`${baseUrl}${page}`, { headers: { cookie } })).text();
  const link = pattern.exec(html)?.[0];
  if (!link) throw new Error(`No link like ${pattern} on ${page}`);
  return link;
}

beforeAll(async () => {
  browser = await launchBrowser();
  const ctx = await newPerson(browser);
  const page = await ctx.newPage();
  await new AuthPages(page).signIn(DEMO.email, inject("demoPassword"));
  await page.waitForURL(new RegExp(`${org}$`));
  token = await new SettingsPages(page, DEMO.orgSlug).createToken("Page weight load", "Lead");
  cookie = (await ctx.cookies()).map((c) => `${c.name}=${c.value}`).join("; ");
  await ctx.close();

  // The production pilot made heavy: 500 more incidents (resolved, minor: its gate reads the
  // same) and a run metrics row for every day since it started (a year: the demo records most).
  const pilots = await api<{ data: { id: string; stage: string; startDate: string }[] }>("/pilots");
  const production = pilots.data.find((p) => p.stage === "production");
  if (!production) throw new Error("The demo has no pilot in production");
  const recorded = await api<{ data: { periodStart: string }[] }>(
    `/pilots/${production.id}/run-metrics`,
  );
  const have = new Set(recorded.data.map((m) => m.periodStart));
  const missing: {
    period: "day";
    periodStart: string;
    attempted: number;
    correct: number;
    overrides: number;
  }[] = [];
  for (let t = Date.parse(production.startDate); t < Date.now() - 86_400_000; t += 86_400_000) {
    const day = new Date(t).toISOString().slice(0, 10);
    if (!have.has(day))
      missing.push({ period: "day", periodStart: day, attempted: 800, correct: 790, overrides: 9 });
  }
  if (missing.length > 0)
    await api(`/pilots/${production.id}/run-metrics`, {
      method: "POST",
      body: JSON.stringify({ metrics: missing }),
    });
  const span = Date.now() - Date.parse(production.startDate);
  const incident = (i: number) => {
    const startedAt = new Date(
      Date.parse(production.startDate) + ((i + 0.5) / ADDED_INCIDENTS) * span,
    );
    return {
      title: `Stale queue mapping ${i + 1}`,
      description: "A ticket went to a queue renamed the day before; caught by the reviewer.",
      severity: "sev4",
      category: "stale_data",
      detectionSource: "human_reviewer",
      outcome: "prevented",
      startedAt: startedAt.toISOString(),
      resolvedAt: new Date(
        Math.min(startedAt.getTime() + 3_600_000, Date.now() - 60_000),
      ).toISOString(),
      resolutionNote: "Queue mapping refreshed.",
    };
  };
  for (let i = 0; i < ADDED_INCIDENTS; i += 5) {
    await Promise.all(
      [0, 1, 2, 3, 4].map((k) =>
        api(`/pilots/${production.id}/incidents`, {
          method: "POST",
          body: JSON.stringify(incident(i + k)),
        }),
      ),
    );
  }
  const after = await api<{ total: number }>(`/pilots/${production.id}/incidents?limit=1`);
  expect(after.total).toBeGreaterThanOrEqual(ADDED_INCIDENTS);

  routes["sign-in"] = "/sign-in";
  routes.dashboard = org;
  routes["pilot board"] = `${org}/pilots`;
  routes["pilot page (production, heavy)"] = `${org}/pilots/${production.id}`;
  routes["pilot report (production, heavy)"] = `${org}/pilots/${production.id}/report`;
  routes["org report"] = `${org}/report`;
  routes.lessons = `${org}/lessons`;
  routes.incidents = `${org}/incidents`;
  routes["incidents of the heavy pilot"] = `${org}/incidents?pilot=${production.id}`;
  routes["assessment results"] = await firstLink(
    `${org}/assessments`,
    new RegExp(`${org}/assessments/${uuid}/results`),
  );
  routes["assessment wizard"] = await firstLink(
    `${org}/assessments`,
    new RegExp(`${org}/assessments/${uuid}(?!/results)(?=")`),
  );
  routes["workshop facilitator view"] = await firstLink(
    `${org}/workshops`,
    new RegExp(`${org}/workshops/${uuid}(?=")`),
  );
  routes["workshop report"] = `${routes["workshop facilitator view"]}/report`;
}, 300_000);

afterAll(async () => {
  await browser?.close();
});

const measured: (PageWeight & { name: string })[] = [];
afterAll(() => {
  // The weights, for the record of a run (sizes, not times: the same on any machine).
  for (const m of measured)
    console.log(
      `${m.name}: HTML ${kB(m.htmlBytes)} kB, JS ${kB(m.jsGzipBytes)} kB gzip (${m.path})`,
    );
});

test.each([
  "sign-in",
  "dashboard",
  "pilot board",
  "pilot page (production, heavy)",
  "pilot report (production, heavy)",
  "incidents",
  "incidents of the heavy pilot",
  "assessment results",
  "assessment wizard",
  "workshop facilitator view",
  "workshop report",
  "org report",
  "lessons",
])("the %s stays within the page-weight budgets", async (name) => {
  const path = routes[name]!;
  const weight = await measurePage(baseUrl, path, name === "sign-in" ? undefined : cookie);
  measured.push({ name, ...weight });
  expect(weight.status, path).toBe(200);
  // A page with no scripts would pass any JS budget: the build's chunks must have been found.
  expect(weight.scripts.length, path).toBeGreaterThan(3);
  expect(weight.htmlBytes, `${path}: HTML ${kB(weight.htmlBytes)} kB`).toBeLessThanOrEqual(
    HTML_BUDGET,
  );
  expect(weight.jsGzipBytes, `${path}: JS ${kB(weight.jsGzipBytes)} kB`).toBeLessThanOrEqual(
    JS_BUDGET,
  );
});

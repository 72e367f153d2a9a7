import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, expect, test } from "vitest";
import { formatDate, formatIsoDate } from "@/lib/format";
import { launchBrowser, newPerson, uniq } from "./browser";
import { AssessmentWizard, UseCasePages } from "./pages/assessment-pages";
import { AuthPages } from "./pages/auth-pages";
import { legendContrasts } from "./pages/chart-contrast";
import { formTime, IncidentPages } from "./pages/incident-pages";
import { PilotPages } from "./pages/pilot-pages";

const DAY = 86_400_000;

let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
});

/** What the first test leaves behind: a pilot with run metrics and a resolved incident. */
let scenario: { page: Page; slug: string; pilotUrl: string } | undefined;

test("an incident logged on a pilot shows in the list and the charts, and resolving it sets time to resolve", async () => {
  const ctx = await newPerson(browser);
  const page = await ctx.newPage();
  const errors: string[] = [];
  page.on("pageerror", (e) => errors.push(e.message));
  await new AuthPages(page).signUp(
    { name: "Ines Owner", email: `ines.${uniq()}@example.com`, password: `pw-${uniq()}-${uniq()}` },
    `Incidents ${uniq()}`,
  );
  const slug = new URL(page.url()).pathname.split("/")[2]!;
  const useCases = new UseCasePages(page, slug);
  const name = `Route refund requests ${uniq()}`;
  await useCases.create(name, "Zendesk");
  await useCases.addAction({
    name: "Set ticket queue",
    system: "Zendesk",
    access: "Writes",
    reversibility: "Reversible",
    blastRadius: "One record",
    frequency: "Hourly",
  });
  await new AssessmentWizard(page).assessWithStrongAnswers();
  // The pilot started a week ago (recorded today): every time below but one is after that.
  const pilotStart = new Date(Date.now() - 7 * DAY);
  await page.goto(`/o/${slug}/pilots/new`);
  await page.getByLabel("Use case").selectOption({ label: name });
  await page.getByLabel("Start date").fill(formatIsoDate(pilotStart));
  await page.getByLabel("Rollback plan").fill("Turn the integration off; agents route by hand.");
  await page.getByRole("button", { name: "Start pilot" }).click();
  await page.waitForURL(/\/pilots\/[0-9a-f-]{36}$/);
  const pilotUrl = page.url();
  const pilots = new PilotPages(page, slug);
  await pilots.recordMetrics({ attempted: 500, correct: 480, overrides: 10 });

  // Log an incident from the pilot page; the pilot is chosen already.
  await page.getByRole("link", { name: "Log incident" }).click();
  await page.waitForURL(/\/incidents\/new\?pilot=/);
  const incidents = new IncidentPages(page, slug);
  expect(await incidents.form().getByLabel("Pilot").inputValue()).toBe(pilotUrl.split("/").pop());

  // "Nothing yet" stands alone: ticking it clears "Rolled back", and the other way round.
  const form = incidents.form();
  await form.getByLabel("Rolled back").check();
  await form.getByLabel("Nothing yet").check();
  expect(await form.getByLabel("Rolled back").isChecked()).toBe(false);
  await form.getByLabel("Rolled back").check();
  expect(await form.getByLabel("Nothing yet").isChecked()).toBe(false);

  // A start before the pilot's is refused on the start field, saying when the pilot started.
  const now = Date.now();
  const title = `Refund routed to the wrong queue ${uniq()}`;
  const entry = {
    title,
    severity: "Sev2 · major",
    category: "Incorrect output",
    detectedBy: "Human reviewer",
    outcome: "Contained or reverted",
    startedAt: formTime(new Date(now - 8 * DAY)),
    detectedAt: formTime(new Date(now - 8 * DAY + 3_600_000)),
    costEstimate: "1,200",
    actions: ["Rolled back"],
  };
  await incidents.fill(entry);
  await expect
    .poll(() => incidents.fieldError("startedAt").textContent())
    .toBe(
      `The pilot started on ${formatDate(formatIsoDate(pilotStart))}: an incident of this pilot cannot start before then.`,
    );
  expect(await incidents.fieldError("detectedAt").count()).toBe(0);

  // Detection before the start is refused on that field, and nothing typed is lost.
  await incidents.fill({
    ...entry,
    startedAt: formTime(new Date(now - 3 * 3_600_000)),
    detectedAt: formTime(new Date(now - 4 * 3_600_000)),
  });
  await expect
    .poll(() => incidents.fieldError("detectedAt").textContent())
    .toBe("Detected must not be earlier than started.");
  expect(await incidents.fieldError("startedAt").count()).toBe(0);
  expect(await incidents.form().getByLabel("Title").inputValue()).toBe(title);
  expect(await incidents.form().getByLabel("Rolled back").isChecked()).toBe(true);
  expect(await incidents.form().getByLabel("Severity").inputValue()).toBe("sev2");
  expect(await incidents.form().getByLabel("Pilot").inputValue()).toBe(pilotUrl.split("/").pop());

  const detectedAt = new Date(now - 2 * 3_600_000);
  await incidents.form().getByLabel("Detected (optional)").fill(formTime(detectedAt));
  await incidents.form().getByRole("button", { name: "Log incident" }).click();
  await page.waitForURL(/\/incidents\/[0-9a-f-]{36}$/);
  expect(await page.getByRole("heading", { level: 1 }).textContent()).toBe(title);
  expect(await incidents.timelineValue("Time to detect")).toBe("1 h");
  expect(await incidents.timelineValue("Time to resolve")).toBe("—");
  // The cost is in the organisation's currency (GBP until it chooses another).
  expect(
    await page.locator("dt", { hasText: "Cost estimate" }).locator("xpath=../dd").textContent(),
  ).toBe("£1,200");

  // It is in the organisation list and in this week's bar of the severity chart. The list
  // comes before the charts, and a link leads down to them.
  await incidents.openList("?groupBy=week");
  await page.getByRole("link", { name: title }).waitFor();
  expect(
    await page.evaluate(() => {
      const list = document.querySelector("[data-testid=incident-list]");
      const stats = document.querySelector("[data-testid=incident-stats]");
      return Boolean(
        list && stats && list.compareDocumentPosition(stats) & Node.DOCUMENT_POSITION_FOLLOWING,
      );
    }),
  ).toBe(true);
  expect(await page.getByRole("link", { name: "Metrics and charts" }).getAttribute("href")).toBe(
    "#incident-metrics",
  );
  expect(await incidents.stat("Total cost")).toBe("£1,200");
  expect(await incidents.stat("Incidents")).toBe("1 (1 open)");
  expect(await incidents.stat("Time to resolve (median · p90)")).toBe("— · —");
  // The chart draws once it has measured its container, after hydration.
  await expect
    .poll(() => page.getByTestId("chart-severity").locator(".recharts-bar-rectangle").count())
    .toBe(1);
  const weeks = await incidents.chartTable("Incidents per week, by severity");
  expect(weeks).toHaveLength(1);
  expect(weeks[0]!.slice(1)).toEqual(["0", "1", "0", "0", "1"]);
  expect(await incidents.stat("Caught before impact")).toBe("100%");

  // The CSV export follows the filters on the page.
  const exportCsv = async (query: string) => {
    await incidents.openList(query);
    const href = await page.getByRole("link", { name: "Download CSV" }).getAttribute("href");
    const response = await page.request.get(href!);
    expect(response.status()).toBe(200);
    expect(response.headers()["content-type"]).toContain("text/csv");
    return (await response.text()).trim().split(/\r?\n/);
  };
  const lines = await exportCsv("?severity=sev2");
  expect(lines[0]).toBe(
    "id,title,severity,category,detection_source,outcome,pilot,stage,started_at,detected_at,acknowledged_at,mitigated_at,resolved_at,cost_estimate,currency,actions",
  );
  expect(lines).toHaveLength(2);
  expect(lines[1]).toContain(`,${title},sev2,incorrect_output,human_reviewer,contained,${name},`);
  expect(lines[1]).toContain(`,${detectedAt.toISOString().slice(0, 16)}`);
  expect(lines[1]!.endsWith(",rollback")).toBe(true);
  await incidents.openList("?severity=sev4");
  expect(await page.getByRole("link", { name: "Download CSV" }).count()).toBe(0);
  await page.getByText("No incident matches these filters").waitFor();

  // The pilot page lists it too, and counts it against the gate.
  await page.goto(pilotUrl);
  expect(await page.getByTestId("pilot-incidents").textContent()).toContain(title);

  // Resolve it: time to resolve appears on the incident and in the metrics.
  await page.getByTestId("pilot-incidents").getByRole("link", { name: title }).click();
  await page.waitForURL(/\/incidents\/[0-9a-f-]{36}$/);
  // Resolving asks how: without a note it is refused on that field.
  await incidents.resolveForm().getByRole("button", { name: "Resolve now" }).click();
  await expect
    .poll(() => incidents.fieldError("resolve-note").textContent())
    .toBe("Say how it was resolved: what fixed it, and anything left to do.");
  const note = "Moved the refunds back to the right queue; the routing rule now checks the region.";
  await incidents.resolve(note);
  await expect.poll(() => incidents.timelineValue("Time to resolve")).toMatch(/^2 h( 1 min)?$/);
  expect(await incidents.timelineValue("Resolved")).not.toBe("—");
  expect(await page.getByTestId("timeline-resolution-note").textContent()).toBe(note);
  expect(await page.getByTestId("incident-resolution").textContent()).toContain(note);

  await incidents.openList("?status=resolved&groupBy=week");
  await page.getByRole("link", { name: title }).waitFor();
  expect(await incidents.stat("Incidents")).toBe("1 (0 open)");
  expect(await incidents.stat("Time to resolve (median · p90)")).toMatch(/^2 h( 1 min)? · 2 h/);
  const ttr = await incidents.chartTable("Time to resolve per week (hours)");
  expect(ttr).toHaveLength(1);
  const [, median, p90, resolved] = ttr[0]!;
  expect(median).toMatch(/^2 h( 1 min)?$/);
  expect(p90).toBe(median);
  expect(resolved).toBe("1");
  expect(errors).toEqual([]);
  scenario = { page, slug, pilotUrl };
}, 120_000);

test("chart legends keep WCAG AA contrast in the light and the dark theme", async () => {
  if (!scenario) throw new Error("needs the pilot and the resolved incident of the test above");
  const { page, slug, pilotUrl } = scenario;
  const incidents = new IncidentPages(page, slug);
  const charts: { open: () => Promise<unknown>; testId: string; items: number }[] = [
    ...[
      ["chart-severity", 4],
      ["chart-outcome", 4],
      ["chart-ttr", 2],
    ].map(([testId, items]) => ({
      open: () => incidents.openList("?status=resolved&groupBy=week"),
      testId: testId as string,
      items: items as number,
    })),
    { open: () => page.goto(pilotUrl), testId: "run-metrics-chart", items: 2 },
  ];
  for (const theme of ["light", "dark"] as const) {
    // next-themes follows the system preference until someone picks a theme.
    await page.emulateMedia({ colorScheme: theme });
    for (const chart of charts) {
      await chart.open();
      await page.waitForFunction(
        (dark) => document.documentElement.classList.contains("dark") === dark,
        theme === "dark",
      );
      const legend = page.getByTestId(chart.testId).locator(".recharts-legend-item");
      await expect.poll(() => legend.count()).toBe(chart.items);
      for (const item of await legendContrasts(page, chart.testId)) {
        const where = `${theme} ${chart.testId} “${item.label}”`;
        expect(item.text, `${where} text`).toBeGreaterThanOrEqual(4.5);
        expect(item.swatch, `${where} swatch`).toBeGreaterThanOrEqual(3);
      }
    }
  }
  await page.emulateMedia({ colorScheme: "light" });
}, 120_000);

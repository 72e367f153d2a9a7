import type { Browser } from "playwright-core";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { baseUrl, launchBrowser, newPerson, uniq } from "./browser";
import { AssessmentWizard, UseCasePages } from "./pages/assessment-pages";
import { AuthPages } from "./pages/auth-pages";
import { PilotPages } from "./pages/pilot-pages";

let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
});

describe("icons and the web app manifest", () => {
  test.each([
    ["/favicon.ico", "image/x-icon"],
    ["/icon.svg", "image/svg+xml"],
    ["/apple-icon.png", "image/png"],
    ["/manifest.webmanifest", "application/manifest+json"],
  ])("%s answers 200 as %s, signed out", async (path, type) => {
    const res = await fetch(`${baseUrl}${path}`, { redirect: "manual" });
    expect(res.status).toBe(200);
    expect(res.headers.get("content-type")).toContain(type);
  });

  test("the manifest names the app and its icons; every page's head links them", async () => {
    const manifest = await (await fetch(`${baseUrl}/manifest.webmanifest`)).json();
    expect(manifest).toMatchObject({ name: "Preflight", short_name: "Preflight" });
    expect(manifest.icons.map((i: { src: string }) => i.src)).toEqual([
      "/icon.svg",
      "/apple-icon.png",
    ]);
    const ctx = await newPerson(browser);
    const page = await ctx.newPage();
    await page.goto("/sign-in");
    const hrefs = (rel: string) =>
      page
        .locator(`head link[rel="${rel}"]`)
        .evaluateAll((links) => links.map((l) => new URL((l as HTMLLinkElement).href).pathname));
    expect(await hrefs("icon")).toEqual(expect.arrayContaining(["/favicon.ico", "/icon.svg"]));
    expect(await hrefs("apple-touch-icon")).toEqual(["/apple-icon.png"]);
    expect(await hrefs("manifest")).toEqual(["/manifest.webmanifest"]);
    await ctx.close();
  });
});

test("an owner sets the currency, enters an amount as people write it, watches the steps tick, and reads a promotion in the audit log", async () => {
  const ctx = await newPerson(browser);
  const page = await ctx.newPage();
  const errors: string[] = [];
  page.on("pageerror", (e) => errors.push(e.message));
  const owner = {
    name: "Nia Numbers",
    email: `nia.${uniq()}@example.com`,
    password: `pw-${uniq()}-${uniq()}`,
  };
  await new AuthPages(page).signUp(owner, `Euros ${uniq()}`);
  const slug = new URL(page.url()).pathname.split("/")[2]!;
  const steps = () =>
    page
      .getByTestId("getting-started-step")
      .evaluateAll((items) => items.map((i) => (i as HTMLElement).dataset.done === "true"));
  expect(await steps()).toEqual([false, false, false, false, false, false]);

  // The currency, on the organisation settings.
  await page.goto(`/o/${slug}/settings`);
  await page.getByLabel("Currency").selectOption("EUR");
  await page.getByRole("button", { name: "Save changes" }).click();
  expect(await page.getByTestId("form-success").textContent()).toBe("Saved.");
  // Saved again from the same page: the form carries the new version, so no conflict.
  const renamed = `Euros Ltd ${uniq()}`;
  await page.getByLabel("Organisation name").fill(renamed);
  await Promise.all([
    page.waitForResponse((r) => r.request().method() === "POST"),
    page.getByRole("button", { name: "Save changes" }).click(),
  ]);
  await page.getByRole("button", { name: "Save changes" }).waitFor();
  expect(await page.getByTestId("form-error").count()).toBe(0);
  await page.reload();
  expect(await page.getByLabel("Organisation name").inputValue()).toBe(renamed);
  expect(await page.getByLabel("Currency").inputValue()).toBe("EUR");

  // The annual value is in euros: pounds are refused with how to write it, "€180k" is fine.
  const name = `Refund triage ${uniq()}`;
  await page.goto(`/o/${slug}/use-cases/new`);
  await page.getByLabel("Name", { exact: true }).fill(name);
  await page.getByLabel("Annual value (EUR)").fill("£180k");
  await page.getByLabel("Systems touched").fill("Stripe");
  await page.getByRole("button", { name: "Create use case" }).click();
  expect(await page.getByTestId("annualValue-error").textContent()).toBe(
    "£ is not EUR. Write a whole amount in EUR, like 180000, 180,000 or 180k.",
  );
  await page.getByLabel("Annual value (EUR)").fill("€180k");
  await page.getByRole("button", { name: "Create use case" }).click();
  await page.waitForURL(/\/use-cases\/[0-9a-f-]{36}$/);
  const useCaseUrl = page.url();

  await page.goto(`/o/${slug}`);
  expect(await page.getByTestId("annual-value-total").textContent()).toBe("€180,000");
  expect(await steps()).toEqual([false, true, false, false, false, false]);

  // Assessed, then a pilot promoted over its gate by the owner.
  await page.goto(useCaseUrl);
  await new UseCasePages(page, slug).addAction({
    name: "Issue a refund",
    system: "Stripe",
    access: "Writes",
    reversibility: "Reversible",
    blastRadius: "One record",
    frequency: "Hourly",
  });
  await new AssessmentWizard(page).assessWithStrongAnswers();
  const pilots = new PilotPages(page, slug);
  await pilots.start(name, "Turn the integration off; agents refund by hand.");
  const error = await pilots.promote({
    override: true,
    justification: "The board accepted the risk for the holiday peak.",
  });
  expect(error).toBeNull();
  const stage = (await pilots.currentStage()).toLowerCase();

  await page.goto(`/o/${slug}`);
  expect(await steps()).toEqual([false, true, true, true, false, false]);

  // The audit log tells the promotion in one sentence, with the data behind a disclosure.
  await page.goto(`/o/${slug}/settings/audit?action=pilot.promoted_with_override`);
  const event = page.getByTestId("audit-event");
  expect(await event.count()).toBe(1);
  const sentence = (await event.locator("p").first().textContent()) ?? "";
  expect(sentence).toMatch(
    new RegExp(
      `^${owner.name} promoted ${name} to ${stage}, overriding \\d+ failing criteri(on|a): .*time in stage at least \\d+ days \\(measured 0 days\\).* Reason: “The board accepted the risk for the holiday peak\\.”$`,
    ),
  );
  expect(await event.getByRole("rowheader", { name: "Stage" }).count()).toBe(1);
  await event.getByText("Data as recorded").click();
  expect(await event.locator("pre").textContent()).toContain('"overridden"');
  expect(errors).toEqual([]);
  await ctx.close();
}, 120_000);

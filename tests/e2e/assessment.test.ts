import type { Browser } from "playwright-core";
import { afterAll, beforeAll, expect, test } from "vitest";
import { launchBrowser, newPerson, uniq } from "./browser";
import { AssessmentWizard, UseCasePages } from "./pages/assessment-pages";
import { AuthPages } from "./pages/auth-pages";

let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
});

test("a new user describes a use case, completes the assessment wizard and sees the verdict", async () => {
  const ctx = await newPerson(browser);
  const page = await ctx.newPage();
  const errors: string[] = [];
  page.on("pageerror", (e) => errors.push(e.message));
  const auth = new AuthPages(page);
  await auth.signUp(
    {
      name: "Ada Assessor",
      email: `ada.${uniq()}@example.com`,
      password: `pw-${uniq()}-${uniq()}`,
    },
    `Assess ${uniq()}`,
  );
  const slug = new URL(page.url()).pathname.split("/")[2]!;

  // A use case with two actions, one of them an irreversible refund.
  const useCases = new UseCasePages(page, slug);
  await useCases.create("Refund damaged deliveries", "Stripe, Zendesk");
  await useCases.addAction({
    name: "Look up the order",
    system: "Orders",
    access: "Reads",
    reversibility: "Reversible",
    blastRadius: "One customer",
    frequency: "Hourly",
  });
  await useCases.addAction({
    name: "Issue refund",
    system: "Stripe",
    access: "Writes",
    reversibility: "Irreversible",
    blastRadius: "Money",
    frequency: "Hourly",
  });
  expect(await page.getByTestId("approval-matrix").getByRole("row").count()).toBe(3);

  await page.getByRole("button", { name: "Start assessment" }).click();
  await page.waitForURL(/\/assessments\/[0-9a-f-]{36}$/);
  const wizard = new AssessmentWizard(page);

  // Step 1: a follow-up question waits for its question, appears on a weak answer, goes away
  // when a strong one makes it moot, and comes back with a weak one.
  const followUp = wizard.question("process_manual_fixes_inventory");
  await wizard.question("process_manual_fixes").waitFor();
  expect(await followUp.count()).toBe(0);
  await wizard.answer("process_manual_fixes", "Often, but we know what they are");
  await followUp.waitFor();
  await wizard.answer("process_manual_fixes", "Rarely; exceptions have a defined route");
  await followUp.waitFor({ state: "detached" });
  await wizard.answer("process_manual_fixes", "Often, but we know what they are");
  await followUp.waitFor();
  await wizard.answer("process_key_person", "Don't know");
  await wizard.answerRemaining();
  await wizard.next();

  // Step 2, half answered, then the page is reloaded: nothing is lost.
  await wizard.answer("data_freshness", "Live, or its age is checked before acting");
  const progressBefore = await wizard.progress();
  const stepBefore = await page.locator("h2").first().textContent();
  await page.reload();
  expect(
    await wizard
      .question("data_freshness")
      .getByRole("radio", { name: "Live, or its age is checked before acting" })
      .isChecked(),
  ).toBe(true);
  // The reload stays on step 2 with the same progress.
  expect(await page.locator("h2").first().textContent()).toBe(stepBefore);
  expect(await wizard.progress()).toBe(progressBefore);

  // A note typed and followed at once by Next is saved before the page moves on: after a
  // reload it is still there.
  const note = "Checked with Dana, see OPS-142";
  await wizard
    .question("data_freshness")
    .getByLabel(/Evidence/)
    .fill(note);
  await wizard.next();
  await page.goto(page.url().replace(/\?step=.*/, "?step=data"));
  expect(
    await wizard
      .question("data_freshness")
      .getByLabel(/Evidence/)
      .inputValue(),
  ).toBe(note);
  await page.goto(page.url().replace(/\?step=.*/, "?step=process"));
  expect(
    await wizard
      .question("process_key_person")
      .getByRole("radio", { name: "Don't know" })
      .isChecked(),
  ).toBe(true);
  await wizard.next();

  // The money action makes the approval questions apply; say there is no approval step.
  for (let step = 2; step <= 8; step++) {
    if (step === 3) await wizard.answer("perm_approval_gate", "No, the AI acts on its own");
    await wizard.answerRemaining();
    await wizard.next();
  }
  expect(await page.getByRole("heading", { name: "Review and submit" }).count()).toBe(1);
  expect(await page.getByText("Not answered yet").count()).toBe(0);
  // "Don't know" is a response but not an answer: the review counts it as the results do.
  const reviewCounts = await page.getByTestId("answer-counts").textContent();
  expect(reviewCounts).toMatch(/^(\d+) of (\d+) answered, 1 don't know$/);
  const [, answered, asked] = reviewCounts?.match(/^(\d+) of (\d+)/) ?? [];
  expect(Number(answered)).toBe(Number(asked) - 1);

  await page.getByRole("button", { name: "Submit assessment" }).click();
  await page.getByRole("button", { name: "Submit", exact: true }).click();
  await page.waitForURL(/\/results$/);

  // Strong answers elsewhere: the score alone would allow far more than the blocker does.
  const score = Number((await page.getByTestId("overall-score").textContent())?.split("/")[0]);
  expect(score).toBeGreaterThan(65);
  expect(await page.getByTestId("band").textContent()).toContain("Sandbox only");
  expect(await page.getByTestId("answer-counts").textContent()).toBe(reviewCounts);
  const blockers = (await page.getByTestId("blockers").textContent()) ?? "";
  expect(blockers).toContain("move money or change access in ways that are hard to undo");
  expect(blockers).toContain("“Issue refund”");
  // "Don't know" is a finding, not a fact: the key-person blocker is unverified and says what
  // to find out, and nothing states that the work depends on one person.
  const unverified = (await page.getByTestId("unverified-blockers").textContent()) ?? "";
  expect(unverified).toContain(
    "Unverified — find out whether someone other than the one or two experts could run this work",
  );
  expect(blockers).not.toContain("depends on one person");
  expect(await page.getByTestId("find-out").textContent()).toContain(
    "Find out whether someone other than the one or two experts",
  );
  expect(await page.getByTestId("inventory-drivers").textContent()).toContain("“Issue refund”");
  expect(await page.getByTestId("max-stage").textContent()).toContain("sandbox");
  // The radar is drawn once its chunk has loaded, after the page.
  await page.locator(".recharts-radar").first().waitFor();
  expect(await page.getByTestId("dimension-table").getByRole("row").count()).toBe(9);
  const recommendations = page.getByTestId("recommendations").getByRole("listitem");
  expect(await recommendations.count()).toBeGreaterThan(0);
  expect(await recommendations.first().textContent()).toMatch(/approval/);
  expect(await page.getByTestId("trace").textContent()).toMatch(
    /Sandbox only: the AI could move money/,
  );

  // The rules behind the verdict are one click away.
  await page.getByRole("link", { name: "How the score works" }).first().click();
  await page.getByRole("heading", { name: "How the score works" }).waitFor();
  expect(await page.getByTestId("scoring-unknowns").textContent()).toContain("unverified");
  expect(await page.getByTestId("scoring-stages").textContent()).toContain(
    "Furthest stage without an override",
  );
  expect(errors).toEqual([]);
  await ctx.close();
});

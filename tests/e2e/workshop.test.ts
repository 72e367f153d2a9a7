import type { Browser } from "playwright-core";
import { afterAll, beforeAll, expect, inject, test } from "vitest";
import { baseUrl, launchBrowser, newPerson } from "./browser";
import { AuthPages } from "./pages/auth-pages";
import { A4_PRINTABLE_WIDTH, DEMO, pdfPageCount, ReportPage } from "./pages/report-pages";
import { WorkshopPages } from "./pages/workshop-pages";

let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
});

test("a facilitator opens a workshop, two people join by code and answer differently, the disagreement appears without reloading, and the room's answer becomes an assessment", async () => {
  const facilitatorContext = await newPerson(browser);
  const facilitator = await facilitatorContext.newPage();
  await new AuthPages(facilitator).signIn("lead@example.com", inject("demoPassword"));
  await facilitator.waitForURL(/\/o\/demo/);
  // A use case of its own: converting refuses while another assessment of it is in progress.
  const useCase = `Refund triage ${Date.now()}`;
  await facilitator.goto("/o/demo/use-cases/new");
  await facilitator.getByLabel("Name").fill(useCase);
  await facilitator.getByRole("button", { name: "Create use case" }).click();
  await facilitator.waitForURL(/\/use-cases\/[0-9a-f-]{36}$/);
  const room = new WorkshopPages(facilitator);
  const { path, code } = await room.createAndOpen(`Refunds walk-through ${Date.now()}`, 1, useCase);
  expect(code).toMatch(/^[2-9A-HJKMNP-Z]{6}$/);

  // A guest on a phone-sized screen, without an account.
  const phoneContext = await browser.newContext({
    baseURL: baseUrl,
    viewport: { width: 360, height: 740 },
    isMobile: true,
    hasTouch: true,
    extraHTTPHeaders: { "x-forwarded-for": "198.51.100.251" },
  });
  const phone = await phoneContext.newPage();
  const operator = new WorkshopPages(phone);
  await operator.joinAsGuest(code, "Olu", "Operator");
  const questionId = (
    (await operator.questions().first().getAttribute("data-testid")) ?? ""
  ).replace("question-", "");
  await operator.answer(questionId, "No, it lives in people's heads");
  await operator.comment(questionId, "We fix the exceptions by hand");
  expect(
    await phone.evaluate(() => document.documentElement.scrollWidth - window.innerWidth),
  ).toBeLessThanOrEqual(0);

  // A member joining with their account.
  const memberContext = await newPerson(browser);
  const member = await memberContext.newPage();
  await new AuthPages(member).signIn("contributor@example.com", inject("demoPassword"));
  await member.waitForURL(/\/o\/demo/);
  await member.goto(`/join/${code}`);
  await member.getByLabel("Your role").selectOption("Executive");
  await member.getByRole("button", { name: "Join" }).click();
  await member.waitForURL(/\/answers/);
  await new WorkshopPages(member).answer(questionId, /reviewed recently/);

  // The facilitator's page, opened before the answers, shows them within a few polls.
  const card = room.liveQuestion(questionId);
  await expect
    .poll(() => card.getByTestId("disagreement").textContent(), { timeout: 8_000 })
    .toMatch(/1 \(high\)/);
  await card.getByText("We fix the exceptions by hand").waitFor();
  expect(await room.liveSummary().textContent()).toMatch(/2 joined · 2 answers/);

  // The room's answer is drawn when the facilitator opens it, starting from the most common
  // one (a tie goes to the more cautious).
  expect(await card.getByTestId("consensus-form").count()).toBe(0);
  await card.getByRole("button", { name: "Set the room's answer" }).click();
  const consensus = card.getByTestId("consensus-form");
  await expect
    .poll(() => consensus.locator("select option:checked").textContent())
    .toBe("No, it lives in people's heads");
  await consensus.getByLabel(/^Note/).fill("Operators keep the exceptions in their heads");
  await consensus.getByRole("button", { name: "Record" }).click();
  await consensus.getByText("Recorded.").waitFor();

  // Closing ends the participants' sessions: the guest's next answer is refused.
  await facilitator.goto(path);
  await facilitator.getByRole("button", { name: "Close" }).click();
  await facilitator.getByText("The workshop is closed").waitFor();
  await phone.reload();
  await phone.waitForURL(new RegExp(`/join/${code}$`));
  await phone.getByText("This workshop has ended").waitFor();

  // The closed workshop becomes an assessment of its use case, starting from the room's answer.
  await facilitator.getByRole("button", { name: "Convert into an assessment" }).click();
  await facilitator.waitForURL(/\/assessments\/[0-9a-f-]{36}$/);
  await expect
    .poll(() =>
      facilitator
        .getByTestId(`question-${questionId}`)
        .getByRole("radio", { name: "No, it lives in people's heads" })
        .isChecked(),
    )
    .toBe(true);
  // Its results say where the room disagreed, with the facilitator's note.
  await facilitator.goto(`${new URL(facilitator.url()).pathname}/results`);
  const disagreements = facilitator.getByTestId("room-disagreements");
  await disagreements.getByText("Operators keep the exceptions in their heads").waitFor();
  expect(await disagreements.textContent()).toMatch(/Operator:\s*No, it lives in people's heads/);
  await facilitator.goto(path);
  await facilitator.getByTestId("workshop-assessment").waitFor();

  // The workshop page links to its printable report: who took part, where the room was split
  // and what it said, and the room's answers, on a sheet or two of A4 at full width.
  await facilitator.getByRole("link", { name: "Report", exact: true }).click();
  await facilitator.waitForURL(/\/workshops\/[0-9a-f-]{36}\/report$/);
  const report = new ReportPage(facilitator);
  await report.report().waitFor();
  expect(await facilitator.getByRole("button", { name: "Print or save as PDF" }).isVisible()).toBe(
    true,
  );
  const participation = facilitator.getByTestId("report-participation");
  expect(await participation.getByRole("row", { name: /Operator/ }).textContent()).toMatch(
    /Operator\s*1/,
  );
  const split = facilitator.getByTestId("report-disagreements");
  await split.getByText("We fix the exceptions by hand").waitFor();
  expect(await split.textContent()).toContain("Operators keep the exceptions in their heads");
  expect(await split.textContent()).toMatch(/Operator:\s*“No, it lives in people's heads” 1/);
  await facilitator.setViewportSize({ width: A4_PRINTABLE_WIDTH, height: 1100 });
  await facilitator.emulateMedia({ media: "print" });
  expect((await report.report().boundingBox())?.width ?? 0).toBeGreaterThanOrEqual(
    0.9 * A4_PRINTABLE_WIDTH,
  );
  const header = await report.headerText();
  expect(header).toContain(DEMO.orgName);
  expect(header).toMatch(/Workshop: Refunds walk-through \d+ · \d{1,2} \w{3} \d{4}/);
  expect(await report.visibleControls()).toEqual([]);
  const pages = pdfPageCount(await facilitator.pdf({ format: "A4", printBackground: true }));
  expect(pages).toBeGreaterThanOrEqual(1);
  expect(pages).toBeLessThanOrEqual(4);
  await Promise.all([phoneContext.close(), memberContext.close(), facilitatorContext.close()]);
}, 90_000);

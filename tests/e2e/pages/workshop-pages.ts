import type { Locator, Page } from "playwright-core";

/** The facilitator's workshop pages and a participant's join and answer pages. */
export class WorkshopPages {
  constructor(
    private readonly page: Page,
    private readonly orgSlug = "demo",
  ) {}

  /**
   * Sets a workshop up on the use case named `useCase` (the first listed by default), covering
   * the first `dimensions` dimensions, and opens it; returns its page's path and its join code.
   */
  async createAndOpen(
    title: string,
    dimensions = 1,
    useCase?: string,
  ): Promise<{ path: string; code: string }> {
    await this.page.goto(`/o/${this.orgSlug}/workshops/new`);
    await this.page
      .getByLabel("Use case")
      .selectOption(useCase ? { label: useCase } : { index: 1 });
    await this.page.getByLabel("Title").fill(title);
    const boxes = this.page.locator('input[name="dimensions"]');
    const count = await boxes.count();
    for (let i = 0; i < count; i++) await boxes.nth(i).setChecked(i < dimensions);
    await this.page.getByRole("button", { name: "Create workshop" }).click();
    await this.page.waitForURL(/\/workshops\/[0-9a-f-]{36}$/);
    const path = new URL(this.page.url()).pathname;
    await this.page.getByRole("button", { name: "Open", exact: true }).click();
    await this.page.getByTestId("join-code").waitFor();
    const code = ((await this.page.getByTestId("join-code").textContent()) ?? "").replace(
      /\s/g,
      "",
    );
    return { path, code };
  }

  /** The live view's one-line summary ("2 joined · 3 answers…"). */
  liveSummary(): Locator {
    return this.page.getByTestId("live-summary");
  }

  /** A question's card in the live view. */
  liveQuestion(questionId: string): Locator {
    return this.page.locator(`[data-question="${questionId}"]`);
  }

  /** Joins by typing the code at /join, as a guest with a name and role tag. */
  async joinAsGuest(code: string, name: string, roleTag: string): Promise<void> {
    await this.page.goto("/join");
    await this.page.getByLabel("Workshop code").fill(`${code.slice(0, 3)} ${code.slice(3)}`);
    await this.page.getByRole("button", { name: "Continue" }).click();
    await this.page.waitForURL(new RegExp(`/join/${code}$`));
    await this.page.getByLabel("Your name").fill(name);
    await this.page.getByLabel("Your role").selectOption(roleTag);
    await this.page.getByRole("button", { name: "Join" }).click();
    await this.page.waitForURL(/\/answers/);
  }

  /** The participant's question cards, in order. */
  questions(): Locator {
    return this.page.locator('fieldset[data-testid^="question-"]');
  }

  /** Chooses the answer labelled `label` in a question, and waits for "Saved". */
  async answer(questionId: string, label: string | RegExp): Promise<void> {
    const card = this.page.getByTestId(`question-${questionId}`);
    await card.getByRole("radio", { name: label }).check();
    await this.page.getByTestId(`status-${questionId}`).getByText("Saved").waitFor();
  }

  /** Types a comment under a question, leaves the field, and waits for "Saved". */
  async comment(questionId: string, text: string): Promise<void> {
    const card = this.page.getByTestId(`question-${questionId}`);
    const field = card.getByLabel(/^Comment/);
    await field.fill(text);
    await field.blur();
    await this.page.getByTestId(`status-${questionId}`).getByText("Saved").waitFor();
  }
}

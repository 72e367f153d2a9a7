import type { Page } from "playwright-core";

export type ActionSpec = {
  name: string;
  system: string;
  access: string;
  reversibility: string;
  blastRadius: string;
  frequency: string;
};

/** Use case pages: create a use case and fill its action inventory. */
export class UseCasePages {
  constructor(
    private readonly page: Page,
    private readonly orgSlug: string,
  ) {}

  async create(name: string, systems: string): Promise<string> {
    await this.page.goto(`/o/${this.orgSlug}/use-cases/new`);
    await this.page.getByLabel("Name").fill(name);
    await this.page.getByLabel("Systems touched").fill(systems);
    await this.page.getByRole("button", { name: "Create use case" }).click();
    await this.page.waitForURL(/\/use-cases\/[0-9a-f-]{36}$/);
    return this.page.url();
  }

  async addAction(action: ActionSpec): Promise<void> {
    const form = this.page.getByRole("form", { name: "Add an action" });
    await form.getByLabel("Action", { exact: true }).fill(action.name);
    await form.getByLabel("System").fill(action.system);
    await form.getByLabel("Reads or writes").selectOption({ label: action.access });
    await form.getByLabel("Reversibility").selectOption({ label: action.reversibility });
    await form.getByLabel("Blast radius").selectOption({ label: action.blastRadius });
    await form.getByLabel("Frequency").selectOption({ label: action.frequency });
    await form.getByRole("button", { name: "Add action" }).click();
    await this.page
      .getByRole("table", { name: "Actions the AI would take" })
      .getByRole("rowheader", { name: action.name, exact: true })
      .waitFor();
  }
}

/** The assessment wizard, one step (dimension) at a time. */
export class AssessmentWizard {
  constructor(private readonly page: Page) {}

  question(id: string) {
    return this.page.getByTestId(`question-${id}`);
  }

  /** Chooses an answer by its label and waits until the server has saved it. */
  async answer(questionId: string, label: string): Promise<void> {
    const q = this.question(questionId);
    await q.getByRole("radio", { name: label, exact: true }).check();
    await this.page.getByTestId(`status-${questionId}`).getByText("Saved").waitFor();
  }

  /**
   * Answers every visible question of the current step that has no answer yet, with its best
   * option. Questions are looked up afresh after each answer, since follow-ups come and go.
   */
  async answerRemaining(): Promise<number> {
    let answered = 0;
    const unanswered = this.page
      .locator("fieldset[data-testid^='question-']")
      .filter({ hasNot: this.page.locator("input[type=radio]:checked") });
    while ((await unanswered.count()) > 0) {
      const fieldset = unanswered.first();
      const id = ((await fieldset.getAttribute("data-testid")) ?? "").replace("question-", "");
      // Options run from weakest to strongest, with "Don't know" last.
      await fieldset.locator("input[type=radio]").nth(-2).check();
      await this.page.getByTestId(`status-${id}`).getByText("Saved").waitFor();
      answered++;
    }
    return answered;
  }

  async next(): Promise<void> {
    const heading = await this.page.locator("h2").first().textContent();
    await this.page.getByRole("link", { name: /^(Next|Review and submit)$/ }).click();
    await this.page.waitForFunction(
      (previous) => document.querySelector("h2")?.textContent !== previous,
      heading,
    );
  }

  /**
   * From a use case page: starts an assessment, answers every step with strong answers and
   * submits it, ending on the results page.
   */
  async assessWithStrongAnswers(): Promise<void> {
    await this.page.getByRole("button", { name: "Start assessment" }).click();
    await this.page.waitForURL(/\/assessments\/[0-9a-f-]{36}$/);
    for (let step = 1; step <= 8; step++) {
      await this.answerRemaining();
      await this.next();
    }
    await this.page.getByRole("button", { name: "Submit assessment" }).click();
    await this.page.getByRole("button", { name: "Submit", exact: true }).click();
    await this.page.waitForURL(/\/results$/);
  }

  async progress(): Promise<string> {
    return (
      (await this.page.getByTestId("progress-text").textContent())?.replace(/\s+/g, " ").trim() ??
      ""
    );
  }
}

import type { Locator, Page } from "playwright-core";

/** The pilot pages: start a pilot, record run metrics, move it between stages, read its timeline. */
export class PilotPages {
  constructor(
    private readonly page: Page,
    private readonly orgSlug: string,
  ) {}

  /** Starts a pilot of the use case at its recommended stage; returns the pilot page's URL. */
  async start(useCaseName: string, rollbackPlan: string): Promise<string> {
    await this.page.goto(`/o/${this.orgSlug}/pilots/new`);
    await this.page.getByLabel("Use case").selectOption({ label: useCaseName });
    await this.page.getByLabel("Rollback plan").fill(rollbackPlan);
    await this.page.getByRole("button", { name: "Start pilot" }).click();
    await this.page.waitForURL(/\/pilots\/[0-9a-f-]{36}$/);
    return this.page.url();
  }

  async recordMetrics(m: { attempted: number; correct: number; overrides: number }): Promise<void> {
    const form = this.page.getByRole("form", { name: "Record run metrics" });
    await form.getByLabel("Actions attempted").fill(String(m.attempted));
    await form.getByLabel("Actions correct").fill(String(m.correct));
    await form.getByLabel("Human overrides").fill(String(m.overrides));
    await form.getByRole("button", { name: "Record" }).click();
    await form.getByTestId("form-success").waitFor();
  }

  /** The run metrics table, under the chart's "Table of the same numbers" (opened if closed). */
  async runMetricsTable(): Promise<Locator> {
    const disclosure = this.page
      .getByRole("region", { name: "Run metrics", exact: true })
      .locator("details", { hasText: "Table of the same numbers" });
    if ((await disclosure.getAttribute("open")) === null) {
      await disclosure.locator("summary").click();
    }
    const table = this.page.getByTestId("run-metrics-table");
    await table.waitFor();
    return table;
  }

  /** Records one day that the app refuses; returns the error shown on the date field. */
  async recordMetricsRefused(m: {
    date: string;
    attempted: number;
    correct: number;
    overrides: number;
  }): Promise<string> {
    const form = this.page.getByRole("form", { name: "Record run metrics" });
    await form.getByLabel("Date").fill(m.date);
    await form.getByLabel("Actions attempted").fill(String(m.attempted));
    await form.getByLabel("Actions correct").fill(String(m.correct));
    await form.getByLabel("Human overrides").fill(String(m.overrides));
    await form.getByRole("button", { name: "Record" }).click();
    const error = form.getByTestId("rm-periodStart-error");
    await error.waitFor();
    return (await error.textContent()) ?? "";
  }

  /** Imports a CSV file from the disclosure under the form; returns the problems listed. */
  async importCsvRefused(csv: string): Promise<{ error: string; problems: string[] }> {
    const disclosure = this.page.getByTestId("csv-import");
    if ((await disclosure.getAttribute("open")) === null) {
      await disclosure.locator("summary").click();
    }
    const form = this.page.getByRole("form", { name: "Import run metrics from CSV" });
    await form.getByLabel("CSV file").setInputFiles({
      name: "metrics.csv",
      mimeType: "text/csv",
      buffer: Buffer.from(csv),
    });
    await form.getByRole("button", { name: "Import" }).click();
    await form.getByTestId("csv-problems").waitFor();
    return {
      error: (await form.getByTestId("form-error").textContent()) ?? "",
      problems: await form.getByTestId("csv-problems").locator("li").allTextContents(),
    };
  }

  /** The stage the pilot is in, as the stage list marks it. */
  async currentStage(): Promise<string> {
    return (
      (await this.page.locator("nav[aria-label=Stages] [aria-current=step]").textContent()) ?? ""
    )
      .replace("(current)", "")
      .trim();
  }

  criterion(kind: string): Locator {
    return this.page.getByTestId(`criterion-${kind}`);
  }

  /** Signs off one criterion of the gate with a note; waits until the gate lists it. */
  async signOff(kind: string, note: string): Promise<void> {
    const row = this.criterion(kind);
    await row.locator("summary", { hasText: "Sign off" }).click();
    await row.getByRole("textbox").fill(note);
    await row.getByRole("button", { name: "Confirm sign-off" }).click();
    await this.page.getByTestId("signoff").filter({ hasText: note }).waitFor();
  }

  /** The sign-offs the gate card lists, as text. */
  async signoffs(): Promise<string[]> {
    return (await this.page.getByTestId("signoff").allInnerTexts()).map((t) =>
      t.replace(/\s+/g, " ").trim(),
    );
  }

  private form(name: RegExp | string): Locator {
    return this.page.getByRole("form", { name });
  }

  /** Asks to promote; returns the error shown, or null when it went through. */
  async promote(
    options: { justification?: string; override?: boolean } = {},
  ): Promise<string | null> {
    const form = this.form(/^Promote to /);
    const before = await this.currentStage();
    if (options.justification)
      await form.getByRole("textbox", { name: "Justification" }).fill(options.justification);
    if (options.override) await form.getByLabel(/Override failing criteria/).check();
    await form.getByRole("button", { name: /^Promote to / }).click();
    const outcome = await Promise.race([
      form
        .getByTestId("form-error")
        .waitFor()
        .then(() => "error" as const),
      this.page
        .waitForFunction(
          (stage) =>
            document
              .querySelector("nav[aria-label=Stages] [aria-current=step]")
              ?.textContent?.replace("(current)", "")
              .trim() !== stage,
          before,
        )
        .then(() => "moved" as const),
    ]);
    return outcome === "error"
      ? ((await form.getByTestId("form-error").textContent()) ?? "")
      : null;
  }

  /** Opens the disclosure that holds roll back, pause and retire; returns the named form. */
  async otherMove(name: "Roll back" | "Pause" | "Retire"): Promise<Locator> {
    const disclosure = this.page.getByTestId("other-moves");
    if ((await disclosure.getAttribute("open")) === null) {
      await disclosure.locator("summary").click();
    }
    return this.form(name);
  }

  async rollBack(toLabel: string, reason: string): Promise<void> {
    const form = await this.otherMove("Roll back");
    await form.getByLabel("To stage").selectOption({ label: toLabel });
    await form.getByLabel("Why roll back").fill(reason);
    await form.getByRole("button", { name: "Roll back" }).click();
    await this.page.waitForFunction(
      (stage) =>
        document
          .querySelector("nav[aria-label=Stages] [aria-current=step]")
          ?.textContent?.replace("(current)", "")
          .trim() === stage,
      toLabel,
    );
  }

  async timeline(): Promise<string[]> {
    return (await this.page.getByTestId("timeline-entry").allTextContents()).map((t) =>
      t.replace(/\s+/g, " ").trim(),
    );
  }
}

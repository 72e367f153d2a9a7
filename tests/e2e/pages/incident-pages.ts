import type { Locator, Page } from "playwright-core";

export type IncidentEntry = {
  title: string;
  severity: string;
  category: string;
  detectedBy: string;
  outcome: string;
  /** "YYYY-MM-DDTHH:mm" in UTC, as the form takes it. */
  startedAt: string;
  detectedAt?: string;
  actions?: string[];
  /** As typed into the cost field, e.g. "1,200". */
  costEstimate?: string;
};

/** A time as the incident form's datetime inputs take it (UTC). */
export const formTime = (d: Date) => d.toISOString().slice(0, 16);

/** The incident pages: log one, read its detail, resolve it, read the list and its metrics. */
export class IncidentPages {
  constructor(
    private readonly page: Page,
    private readonly orgSlug: string,
  ) {}

  form(): Locator {
    return this.page.getByRole("form", { name: "Log incident" });
  }

  /** Fills the log form (already open) and submits it. */
  async fill(entry: IncidentEntry): Promise<void> {
    const form = this.form();
    await form.getByLabel("Title").fill(entry.title);
    await form.getByLabel("Severity").selectOption({ label: entry.severity });
    await form.getByLabel("Category").selectOption({ label: entry.category });
    await form.getByLabel("Detected by").selectOption({ label: entry.detectedBy });
    await form.getByLabel("Outcome").selectOption({ label: entry.outcome });
    await form.getByLabel("Started", { exact: true }).fill(entry.startedAt);
    await form.getByLabel("Detected (optional)").fill(entry.detectedAt ?? "");
    await form.getByLabel(/^Cost estimate/).fill(entry.costEstimate ?? "");
    for (const action of entry.actions ?? []) await form.getByLabel(action).check();
    await form.getByRole("button", { name: "Log incident" }).click();
  }

  /** A field's error message in the log form. */
  fieldError(field: string): Locator {
    return this.page.locator(`#${field}-error`);
  }

  /** A line of the detail page's timeline ("Resolved", "Time to resolve"…). */
  async timelineValue(label: string): Promise<string> {
    const row = this.page
      .locator("[data-testid=incident-times] > div, [data-testid=incident-durations] > div")
      .filter({ has: this.page.getByText(label, { exact: true }) });
    return ((await row.locator("dd").textContent()) ?? "").trim();
  }

  /** The resolve form of an open incident's page. */
  resolveForm(): Locator {
    return this.page.getByRole("form", { name: "Resolve incident" });
  }

  /** Resolves the incident now with a note on how. */
  async resolve(note: string): Promise<void> {
    await this.resolveForm().getByLabel("Resolution note").fill(note);
    await this.resolveForm().getByRole("button", { name: "Resolve now" }).click();
    await this.page.getByRole("button", { name: "Reopen" }).waitFor();
  }

  async openList(query = ""): Promise<void> {
    await this.page.goto(`/o/${this.orgSlug}/incidents${query}`);
  }

  /** A headline number of the metrics panel, by its label. */
  async stat(label: string): Promise<string> {
    const stat = this.page.getByTestId("incident-stats").locator("div", {
      has: this.page.locator("dt", { hasText: label }),
    });
    return ((await stat.locator("dd").first().textContent()) ?? "").trim();
  }

  /** The rows of a chart's table alternative, as text cells. */
  async chartTable(chartTitle: string): Promise<string[][]> {
    const details = this.page.getByRole("region", { name: chartTitle }).locator("details");
    await details.locator("summary").click();
    // The table is drawn when the disclosure opens.
    await details.locator("table").waitFor();
    return details
      .locator("tbody tr")
      .evaluateAll((rows) =>
        rows.map((r) => [...r.querySelectorAll("td")].map((c) => c.textContent?.trim() ?? "")),
      );
  }
}

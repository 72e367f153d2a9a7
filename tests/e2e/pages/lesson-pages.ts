import type { Locator, Page } from "playwright-core";

/** The lessons view and the loop section of a pilot page. */
export class LessonPages {
  constructor(
    private readonly page: Page,
    private readonly orgSlug: string,
  ) {}

  async open(): Promise<void> {
    await this.page.goto(`/o/${this.orgSlug}/lessons`);
  }

  /** The lesson rows (one per incident) under every dimension. */
  rows(): Locator {
    return this.page.getByTestId("lesson-row");
  }

  /** The lesson row of the incident with this title. */
  row(title: string): Locator {
    return this.rows().filter({ has: this.page.getByRole("link", { name: title }) });
  }

  /** The loop section of the pilot page that is open. */
  loopSection(): Locator {
    return this.page.getByTestId("loop-section");
  }

  /** Names of the measures in the loop section's table. */
  async loopMeasures(): Promise<string[]> {
    return this.loopSection()
      .getByTestId("loop-measures")
      .locator('th[scope="row"]')
      .evaluateAll((cells) => cells.map((c) => c.childNodes[0]?.textContent?.trim() ?? ""));
  }
}

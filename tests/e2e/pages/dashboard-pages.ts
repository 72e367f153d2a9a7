import type { Page } from "playwright-core";

/** The dashboard's portfolio, read and used as an executive would. */
export class DashboardPage {
  constructor(
    private readonly page: Page,
    private readonly orgSlug: string,
  ) {}

  async open(): Promise<void> {
    await this.page.goto(`/o/${this.orgSlug}`);
    await this.dots().first().waitFor();
  }

  /** The readiness chart's dots: one link per assessed use case. */
  dots() {
    return this.page.getByTestId("readiness-dot");
  }

  dot(name: string) {
    return this.page.locator(`[data-testid="readiness-dot"][data-name="${name}"]`);
  }

  /** What the hover or focus tooltip says, once it shows. */
  async tooltip(): Promise<string> {
    const tip = this.page.getByTestId("readiness-tooltip");
    await tip.waitFor();
    // biome-ignore lint/performance/useDomNodeTextContent: the tooltip's lines as read.
    return (await tip.innerText()).replace(/\s+/g, " ");
  }

  /** Tabs through the page until a dot of the chart has the focus; returns its use case. */
  async tabToFirstDot(maxTabs = 60): Promise<string> {
    await this.page.getByRole("button", { name: "Apply" }).focus();
    for (let i = 0; i < maxTabs; i++) {
      await this.page.keyboard.press("Tab");
      const name = await this.page.evaluate(() =>
        document.activeElement?.getAttribute("data-testid") === "readiness-dot"
          ? document.activeElement.getAttribute("data-name")
          : null,
      );
      if (name) return name;
    }
    throw new Error("no dot of the readiness chart took the keyboard focus");
  }

  attentionLinks() {
    return this.page.getByTestId("attention-link");
  }
}

import type { Page } from "playwright-core";

/** The demo organisation the e2e server is seeded with (scripts/seed.ts); its password is injected. */
export const DEMO = {
  orgSlug: "demo",
  orgName: "Northwind Logistics (demo)",
  email: "demo@example.com",
} as const;

/** A4 less the print stylesheet's 10 mm margins, in CSS pixels (96 per inch). */
export const A4_PRINTABLE_WIDTH = Math.round(((210 - 2 * 10) / 25.4) * 96);

/** Pages in a PDF: page objects, not the page tree nodes (/Type /Pages). */
export function pdfPageCount(pdf: Buffer): number {
  return (pdf.toString("latin1").match(/\/Type\s*\/Page(?![a-zA-Z])/g) ?? []).length;
}

/** An assessment's results page, read as a report on screen and in print. */
export class ReportPage {
  constructor(private readonly page: Page) {}

  report() {
    return this.page.getByTestId("report");
  }

  /** Links to the results of every submitted assessment on the assessments list. */
  async submittedResultLinks(orgSlug: string): Promise<string[]> {
    await this.page.goto(`/o/${orgSlug}/assessments`);
    const hrefs = await this.page
      .locator('a[href$="/results"]')
      .evaluateAll((links) => links.map((a) => a.getAttribute("href") ?? ""));
    return [...new Set(hrefs)];
  }

  async open(href: string): Promise<void> {
    await this.page.goto(href);
    await this.report().waitFor();
    await this.page.locator(".recharts-surface").first().waitFor();
  }

  /** How much the report holds: recommendations, blockers and assumptions. */
  async size(): Promise<number> {
    const items = (id: string) => this.page.getByTestId(id).locator(":scope > li").count();
    return (
      (await items("recommendations")) +
      (await items("blockers")) +
      (await items("unverified-blockers")) +
      (await items("assumptions"))
    );
  }

  /** Lays the page out as the printer does: print media at the width of an A4 sheet's text. */
  async emulatePrint(): Promise<void> {
    await this.page.setViewportSize({ width: A4_PRINTABLE_WIDTH, height: 1100 });
    await this.page.emulateMedia({ media: "print" });
    // The first chart redraws for its printed box (its own drawing, not a legend's swatch).
    await this.page.waitForFunction(() => {
      const svg = document.querySelector(".recharts-wrapper > .recharts-surface");
      const box = svg?.parentElement?.parentElement?.getBoundingClientRect();
      return Boolean(box && Math.abs(Number(svg?.getAttribute("width")) - box.width) < 2);
    });
  }

  /** Chart labels that stick out of their chart, with how far (px); none when all fit. */
  async clippedRadarLabels(): Promise<string[]> {
    return this.page.evaluate(() =>
      [...document.querySelectorAll("[data-testid=radar-label]")].flatMap((label) => {
        const svg = (label as SVGGraphicsElement).ownerSVGElement!.getBoundingClientRect();
        const box = label.getBoundingClientRect();
        const out = Math.max(
          svg.left - box.left,
          box.right - svg.right,
          svg.top - box.top,
          box.bottom - svg.bottom,
        );
        return out > 0.5 ? [`${label.textContent} by ${out.toFixed(1)}`] : [];
      }),
    );
  }

  /**
   * Charts as printed: for each, its test id, its drawn width against its box's and how many
   * bars, lines or areas it draws; a chart that collapsed or came out empty shows here.
   */
  async printedCharts(): Promise<{ id: string; width: number; box: number; marks: number }[]> {
    return this.page.evaluate(() =>
      [...document.querySelectorAll(".recharts-wrapper > .recharts-surface")].map((svg) => {
        const frame = svg.closest("[data-testid]") ?? svg.parentElement!;
        return {
          id: frame.getAttribute("data-testid") ?? "",
          width: Math.round(svg.getBoundingClientRect().width),
          box: Math.round(frame.getBoundingClientRect().width),
          marks: svg.querySelectorAll(
            ".recharts-line-curve, .recharts-bar-rectangle, .recharts-area",
          ).length,
        };
      }),
    );
  }

  /** The text the report's header prints, spaces collapsed. */
  async headerText(): Promise<string> {
    // biome-ignore lint/performance/useDomNodeTextContent: only the text that prints counts here.
    return (await this.page.getByTestId("report-header").innerText()).replace(/\s+/g, " ");
  }

  /** Visible navigation, buttons and forms: none belong in a printed report. */
  async visibleControls(): Promise<string[]> {
    return this.page.evaluate(() =>
      [...document.querySelectorAll("nav, aside, button, form, input, select, textarea")]
        .filter((el) => {
          const box = el.getBoundingClientRect();
          return box.width > 0 && box.height > 0 && getComputedStyle(el).visibility !== "hidden";
        })
        .map((el) => `${el.tagName.toLowerCase()} “${(el.textContent ?? "").trim().slice(0, 40)}”`),
    );
  }
}

import type { Page } from "playwright-core";

export type LegendContrast = {
  label: string;
  /** Contrast ratio of the legend text against the chart's background. */
  text: number;
  /** Contrast ratio of the legend swatch (its fill, or its stroke for a line) against it. */
  swatch: number;
};

/**
 * Reads, in the browser, the computed colours of each legend item of a chart (by test id) and
 * of the first opaque background behind the chart, and returns their WCAG contrast ratios.
 */
export function legendContrasts(page: Page, testId: string): Promise<LegendContrast[]> {
  return page.getByTestId(testId).evaluate((chart) => {
    /** sRGB channels (0–255) and alpha of a computed colour. */
    const parse = (value: string): { rgb: number[]; alpha: number } | null => {
      const rgb = /^rgba?\(([^)]+)\)$/.exec(value);
      if (rgb) {
        const parts = rgb[1]!
          .split(/[\s,/]+/)
          .filter(Boolean)
          .map(Number);
        return { rgb: parts.slice(0, 3), alpha: parts[3] ?? 1 };
      }
      const srgb = /^color\(srgb ([^)]+)\)$/.exec(value);
      if (srgb) {
        const parts = srgb[1]!
          .split(/[\s/]+/)
          .filter(Boolean)
          .map(Number);
        return { rgb: parts.slice(0, 3).map((c) => c * 255), alpha: parts[3] ?? 1 };
      }
      return null;
    };
    const luminance = ([r, g, b]: number[]) => {
      const linear = (c: number) => {
        const s = c / 255;
        return s <= 0.04045 ? s / 12.92 : ((s + 0.055) / 1.055) ** 2.4;
      };
      return 0.2126 * linear(r!) + 0.7152 * linear(g!) + 0.0722 * linear(b!);
    };
    const ratio = (a: number[], b: number[]) => {
      const [hi, lo] = [luminance(a), luminance(b)].sort((x, y) => y - x);
      return (hi! + 0.05) / (lo! + 0.05);
    };
    const colour = (value: string, what: string) => {
      const parsed = parse(value);
      if (!parsed) throw new Error(`Cannot read the colour of ${what}: ${value}`);
      return parsed.rgb;
    };
    let background: number[] | null = null;
    for (let el: Element | null = chart; el && !background; el = el.parentElement) {
      const parsed = parse(getComputedStyle(el).backgroundColor);
      if (parsed && parsed.alpha === 1) background = parsed.rgb;
    }
    if (!background) throw new Error("No opaque background behind the chart");
    return [...chart.querySelectorAll(".recharts-legend-item")].map((item) => {
      const text = item.querySelector(".recharts-legend-item-text");
      const swatch = item.querySelector(".recharts-surface path, .recharts-surface line");
      if (!text || !swatch) throw new Error("A legend item without text or swatch");
      const style = getComputedStyle(swatch);
      const paint = style.fill !== "none" && style.fill ? style.fill : style.stroke;
      return {
        label: text.textContent?.trim() ?? "",
        text: ratio(colour(getComputedStyle(text).color, "legend text"), background),
        swatch: ratio(colour(paint, "legend swatch"), background),
      };
    });
  });
}

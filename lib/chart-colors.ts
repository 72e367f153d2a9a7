/**
 * The colours of chart series, by meaning. Each is a CSS variable of app/globals.css with a
 * light and a dark value (both WCAG AA on the card behind the chart), so charts follow the
 * theme without JavaScript.
 */
export const CHART_COLORS = {
  severity: {
    sev1: "var(--chart-sev1)",
    sev2: "var(--chart-sev2)",
    sev3: "var(--chart-sev3)",
    sev4: "var(--chart-sev4)",
  },
  outcome: {
    prevented: "var(--chart-prevented)",
    contained: "var(--chart-contained)",
    customer_impact: "var(--chart-customer-impact)",
    financial_impact: "var(--chart-financial-impact)",
  },
  /**
   * What followed a dimension's reading at a pilot's start: a warning (weak or not known), a
   * middling reading, or answers that said it was in hand.
   */
  reading: {
    warned: "var(--chart-sev2)",
    mixed: "var(--chart-sev4)",
    well: "var(--chart-primary)",
  },
  /** A use case by where its pilot stands: not started, or its live pilot's stage. */
  stage: {
    not_started: "var(--chart-stage-not-started)",
    proposed: "var(--chart-stage-proposed)",
    sandbox: "var(--chart-stage-sandbox)",
    shadow: "var(--chart-stage-shadow)",
    supervised: "var(--chart-stage-supervised)",
    limited_production: "var(--chart-stage-limited)",
    production: "var(--chart-stage-production)",
  },
  /** The main series of a chart (a median, accuracy, a single bar). */
  primary: "var(--chart-primary)",
  /** The series compared with it (a 90th percentile, the override rate). */
  secondary: "var(--chart-secondary)",
  /** A third kind of mark: rates by stage, stage changes. */
  tertiary: "var(--chart-tertiary)",
} as const;

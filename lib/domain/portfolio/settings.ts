import { z } from "zod";
import { STAGE_LABELS, STAGES, type Stage } from "../stages";

/** How the portfolio judges time: when a pilot counts as stalled, when an assessment is stale. */
export type PortfolioSettings = {
  /** A pilot longer than this many days in one stage (before production) is stalled. */
  stallDays: number;
  /** An assessment older than this many days should be redone. */
  reviewIntervalDays: number;
};

export const DEFAULT_PORTFOLIO_SETTINGS: PortfolioSettings = {
  stallDays: 60,
  reviewIntervalDays: 180,
};

/** The settings as stored in the organisation's settings JSON (`settings.portfolio`). */
export const portfolioSettingsSchema = z
  .object({
    stallDays: z
      .number("Enter a number of days.")
      .int("Enter a whole number of days.")
      .min(7, "Use at least 7 days: shorter would flag every pilot.")
      .max(365, "Use at most 365 days."),
    reviewIntervalDays: z
      .number("Enter a number of days.")
      .int("Enter a whole number of days.")
      .min(30, "Use at least 30 days.")
      .max(730, "Use at most 730 days (two years)."),
  })
  .strict();

/**
 * The settings in force: each stored value that still parses, the default for the others
 * (an organisation that never saved them, or a value from an older version).
 */
export function effectivePortfolioSettings(stored: unknown): PortfolioSettings {
  const raw = (stored && typeof stored === "object" ? stored : {}) as Record<string, unknown>;
  const shape = portfolioSettingsSchema.shape;
  const stall = shape.stallDays.safeParse(raw.stallDays);
  const review = shape.reviewIntervalDays.safeParse(raw.reviewIntervalDays);
  return {
    stallDays: stall.success ? stall.data : DEFAULT_PORTFOLIO_SETTINGS.stallDays,
    reviewIntervalDays: review.success
      ? review.data
      : DEFAULT_PORTFOLIO_SETTINGS.reviewIntervalDays,
  };
}

/** The dashboard's periods: what "in the period" means for promotions, incidents and trends. */
export const PORTFOLIO_PERIODS = ["30d", "90d", "12m", "all"] as const;
export type PortfolioPeriod = (typeof PORTFOLIO_PERIODS)[number];
export const PORTFOLIO_PERIOD_LABELS: Record<PortfolioPeriod, string> = {
  "30d": "Last 30 days",
  "90d": "Last 90 days",
  "12m": "Last 12 months",
  all: "All time",
};
export const DEFAULT_PORTFOLIO_PERIOD: PortfolioPeriod = "90d";

/** A use case without a live pilot, as the stage filter and the chart's colours name it. */
export const NOT_STARTED = "not_started" as const;
export type PortfolioStage = Stage | typeof NOT_STARTED;
export const PORTFOLIO_STAGES = [NOT_STARTED, ...STAGES] as const;
export const PORTFOLIO_STAGE_LABELS: Record<PortfolioStage, string> = {
  not_started: "Not started",
  ...STAGE_LABELS,
};

const optionalEnum = <T extends readonly [string, ...string[]]>(values: T) =>
  z
    .string()
    .optional()
    .transform((v) => (values.includes(v ?? "") ? (v as T[number]) : undefined));

/** The dashboard's filters from the query string; unknown values are ignored, not refused. */
export const portfolioFilterSchema = z.object({
  owner: z
    .string()
    .optional()
    .transform((v) => (v && z.uuid().safeParse(v).success ? v : undefined)),
  stage: optionalEnum(PORTFOLIO_STAGES),
  period: optionalEnum(PORTFOLIO_PERIODS).transform((v) => v ?? DEFAULT_PORTFOLIO_PERIOD),
});

export type PortfolioFilters = {
  owner?: string;
  stage?: PortfolioStage;
  period: PortfolioPeriod;
};

const DAY_MS = 86_400_000;

/** Where the period starts (null for all time), counted back from `now`. */
export function periodStartFor(period: PortfolioPeriod, now: Date): Date | null {
  switch (period) {
    case "30d":
      return new Date(now.getTime() - 30 * DAY_MS);
    case "90d":
      return new Date(now.getTime() - 90 * DAY_MS);
    case "12m":
      return new Date(Date.UTC(now.getUTCFullYear() - 1, now.getUTCMonth(), now.getUTCDate()));
    case "all":
      return null;
  }
}

/**
 * The dashboard's filters as the loop reads them: pilots of the owner, in the stage, since the
 * period's start. Null when the filter asks for use cases without a pilot: the loop has none.
 */
export function loopScopeOf(
  filters: PortfolioFilters,
  now: Date,
): { ownerId?: string; stage?: Stage; since?: Date } | null {
  if (filters.stage === NOT_STARTED) return null;
  return {
    ownerId: filters.owner,
    stage: filters.stage,
    since: periodStartFor(filters.period, now) ?? undefined,
  };
}

/** Trends read by week over short periods and by month over long ones. */
export function trendUnitFor(period: PortfolioPeriod): "week" | "month" {
  return period === "30d" || period === "90d" ? "week" : "month";
}

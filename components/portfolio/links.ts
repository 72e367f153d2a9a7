import { NOT_STARTED, type PortfolioFilters, periodStartFor } from "@/lib/domain/portfolio";
import { formatIsoDate } from "@/lib/format";

/** A path with the given query parameters, leaving out the empty ones. */
export function withQuery(path: string, params: Record<string, string | undefined>): string {
  const query = new URLSearchParams(
    Object.entries(params).filter((entry): entry is [string, string] => Boolean(entry[1])),
  ).toString();
  return query ? `${path}?${query}` : path;
}

/** The dashboard's filters as query parameters (the period only when not the default). */
export function portfolioQuery(filters: PortfolioFilters): Record<string, string | undefined> {
  return {
    owner: filters.owner,
    stage: filters.stage,
    period: filters.period === "90d" ? undefined : filters.period,
  };
}

/**
 * The incident list behind the dashboard's figures: incidents of the pilots of the owner and
 * stage filtered on (a use case not started has none), started in the period when `now` is
 * given, or whenever they started when it is not.
 */
export function incidentsQuery(
  filters: PortfolioFilters,
  now?: Date,
): Record<string, string | undefined> {
  return {
    owner: filters.owner,
    stage: filters.stage === NOT_STARTED ? undefined : filters.stage,
    from: now ? formatIsoDate(periodStartFor(filters.period, now)) : undefined,
  };
}

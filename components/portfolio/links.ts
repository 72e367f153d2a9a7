import type { PortfolioFilters } from "@/lib/domain/portfolio";

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

import Link from "next/link";
import type { PortfolioFilters, PortfolioTotals } from "@/lib/domain/portfolio";
import { formatMoney, formatNumber } from "@/lib/format";
import { incidentsQuery, withQuery } from "./links";

/** The headline numbers, each a link to the list behind it. */
export function PortfolioTotalsRow({
  totals,
  filters,
  base,
  currency,
}: {
  totals: PortfolioTotals;
  filters: PortfolioFilters;
  base: string;
  currency: string;
}) {
  const owner = filters.owner;
  const items: { label: string; value: string; hint: string; href: string; testId?: string }[] = [
    {
      label: "Use cases",
      value: formatNumber(totals.useCases, 0),
      hint: `${formatNumber(totals.assessed, 0)} assessed`,
      href: withQuery(`${base}/use-cases`, { owner }),
    },
    {
      label: `Annual value (${currency})`,
      value: formatMoney(totals.annualValue, currency),
      hint: `${formatMoney(totals.valueInPilots, currency)} in live pilots`,
      href: withQuery(`${base}/use-cases`, { owner, sort: "annualValue", dir: "desc" }),
      testId: "annual-value-total",
    },
    {
      label: "Live pilots",
      value: formatNumber(totals.livePilots, 0),
      hint: `${formatNumber(totals.inProduction, 0)} in production`,
      href: withQuery(`${base}/pilots`, {
        owner,
        stage: filters.stage === "not_started" ? undefined : filters.stage,
      }),
    },
    {
      label: "Open Sev1/Sev2 incidents",
      value: formatNumber(totals.openSevere, 0),
      hint: "not resolved yet, whenever they started",
      href: withQuery(`${base}/incidents`, { ...incidentsQuery(filters), status: "open" }),
    },
  ];
  return (
    <dl className="grid grid-cols-2 gap-3 lg:grid-cols-4" data-testid="portfolio-totals">
      {items.map((item) => (
        <div key={item.label} className="min-w-0 rounded-lg border bg-card p-4">
          <dt className="text-xs text-muted-foreground">{item.label}</dt>
          <dd className="mt-1 text-lg font-semibold tabular-nums [overflow-wrap:anywhere] sm:text-2xl">
            <Link href={item.href} className="hover:underline" data-testid={item.testId}>
              {item.value}
            </Link>
          </dd>
          <dd className="mt-1 text-xs text-muted-foreground">{item.hint}</dd>
        </div>
      ))}
    </dl>
  );
}

import { FilterBar, selectFilter } from "@/components/ui/filter-bar";
import { optionsOf } from "@/components/ui/input";
import {
  DEFAULT_PORTFOLIO_PERIOD,
  PORTFOLIO_PERIOD_LABELS,
  PORTFOLIO_PERIODS,
  PORTFOLIO_STAGE_LABELS,
  PORTFOLIO_STAGES,
  type PortfolioFilters,
} from "@/lib/domain/portfolio";

/**
 * The dashboard's filters: owner, stage (or not started) and period. The default period is the
 * period select's empty choice, so only another period counts as filtering.
 */
export function PortfolioFilterBar({
  filters,
  owners,
  clearHref,
}: {
  filters: PortfolioFilters;
  owners: { value: string; label: string }[];
  clearHref: string;
}) {
  const otherPeriods = PORTFOLIO_PERIODS.filter((p) => p !== DEFAULT_PORTFOLIO_PERIOD);
  const fields = [
    selectFilter("owner", "Owner", "Anyone", owners),
    selectFilter(
      "stage",
      "Stage",
      "Any stage",
      optionsOf(PORTFOLIO_STAGES, PORTFOLIO_STAGE_LABELS),
    ),
    selectFilter(
      "period",
      "Period",
      PORTFOLIO_PERIOD_LABELS[DEFAULT_PORTFOLIO_PERIOD],
      otherPeriods.map((p) => ({ value: p, label: PORTFOLIO_PERIOD_LABELS[p] })),
    ),
  ];
  const values = {
    owner: filters.owner,
    stage: filters.stage,
    period: filters.period === DEFAULT_PORTFOLIO_PERIOD ? undefined : filters.period,
  };
  return (
    <FilterBar label="Filter the portfolio" clearHref={clearHref} fields={fields} values={values} />
  );
}

import { FilterBar, FilterSelect } from "@/components/ui/filter-bar";
import { Label, optionsOf, Select } from "@/components/ui/input";
import {
  DEFAULT_PORTFOLIO_PERIOD,
  PORTFOLIO_PERIOD_LABELS,
  PORTFOLIO_PERIODS,
  PORTFOLIO_STAGE_LABELS,
  PORTFOLIO_STAGES,
  type PortfolioFilters,
} from "@/lib/domain/portfolio";

/** The dashboard's filters: owner, stage (or not started) and period. */
export function PortfolioFilterBar({
  filters,
  owners,
  clearHref,
}: {
  filters: PortfolioFilters;
  owners: { value: string; label: string }[];
  clearHref: string;
}) {
  return (
    <FilterBar
      label="Filter the portfolio"
      clearHref={clearHref}
      active={Boolean(
        filters.owner || filters.stage || filters.period !== DEFAULT_PORTFOLIO_PERIOD,
      )}
    >
      <FilterSelect
        name="owner"
        label="Owner"
        anyLabel="Anyone"
        options={owners}
        defaultValue={filters.owner}
      />
      <FilterSelect
        name="stage"
        label="Stage"
        anyLabel="Any stage"
        options={optionsOf(PORTFOLIO_STAGES, PORTFOLIO_STAGE_LABELS)}
        defaultValue={filters.stage}
      />
      <div className="grid gap-1.5 sm:flex-[1_1_10rem]">
        <Label htmlFor="f-period">Period</Label>
        <Select
          id="f-period"
          name="period"
          defaultValue={filters.period}
          options={optionsOf(PORTFOLIO_PERIODS, PORTFOLIO_PERIOD_LABELS)}
        />
      </div>
    </FilterBar>
  );
}

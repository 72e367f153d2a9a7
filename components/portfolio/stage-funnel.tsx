import Link from "next/link";
import { type Column, DataTable } from "@/components/ui/data-table";
import type { FunnelStage, PortfolioFilters } from "@/lib/domain/portfolio";
import { STAGE_LABELS } from "@/lib/domain/stages";
import { formatMoney, formatNumber } from "@/lib/format";
import { withQuery } from "./links";

/**
 * The stage funnel: live pilots per stage (a bar beside each count), the median days they
 * have spent in it, the annual value at stake, and promotions and rollbacks in the period.
 */
export function StageFunnel({
  funnel,
  filters,
  base,
  currency,
}: {
  funnel: FunnelStage[];
  filters: PortfolioFilters;
  base: string;
  currency: string;
}) {
  const most = Math.max(1, ...funnel.map((f) => f.pilots));
  const board = (f: FunnelStage) =>
    withQuery(`${base}/pilots`, { stage: f.stage, owner: filters.owner });
  const columns: Column<FunnelStage>[] = [
    { key: "stage", header: "Stage", rowHeader: true, cell: (f) => STAGE_LABELS[f.stage] },
    {
      key: "pilots",
      header: "Pilots",
      cell: (f) => (
        <span className="flex items-center gap-2">
          <Link
            href={board(f)}
            className="w-6 text-right tabular-nums hover:underline"
            data-testid={`funnel-${f.stage}`}
          >
            {f.pilots}
          </Link>
          <span
            className="h-2.5 rounded-sm bg-primary/70 print:bg-primary"
            style={{ width: `${(f.pilots / most) * 6}rem` }}
            aria-hidden="true"
          />
        </span>
      ),
    },
    {
      key: "days",
      header: "Median days in stage",
      align: "right",
      cell: (f) => formatNumber(f.medianDaysInStage, 0),
    },
    {
      key: "value",
      header: `Value at stake (${currency} a year)`,
      align: "right",
      cell: (f) => (
        <Link href={board(f)} className="hover:underline">
          {formatMoney(f.valueAtStake, currency)}
        </Link>
      ),
    },
    { key: "promotions", header: "Promoted in", align: "right", cell: (f) => f.promotions },
    { key: "rollbacks", header: "Rolled back from", align: "right", cell: (f) => f.rollbacks },
  ];
  return (
    <>
      <DataTable
        caption="Live pilots per stage"
        columns={columns}
        rows={funnel}
        rowKey={(f) => f.stage}
        stackOnPhones
        testId="stage-funnel"
      />
      <p className="mt-2 text-xs text-muted-foreground">
        Live pilots (active or paused) by their current stage; value at stake is the sum of their
        use cases' annual values. Promotions into and rollbacks out of each stage count moves in the
        period.
      </p>
    </>
  );
}

import Link from "next/link";
import { NumbersTable } from "@/components/ui/numbers-table";
import { TableAlternative } from "@/components/ui/table-alternative";
import { CHART_COLORS } from "@/lib/chart-colors";
import {
  PORTFOLIO_STAGE_LABELS,
  PORTFOLIO_STAGES,
  type ReadinessPoint,
} from "@/lib/domain/portfolio";
import { BAND_LABELS } from "@/lib/domain/scoring/bands";
import { formatMoney, formatPercent, formatScore } from "@/lib/format";
import { ReadinessChart, type ReadinessDot } from "./readiness-chart";

/** The stage colours with their names: the dot's colour never speaks alone. */
function StageLegend({ stages }: { stages: readonly (typeof PORTFOLIO_STAGES)[number][] }) {
  return (
    <ul className="flex flex-wrap gap-x-4 gap-y-1 text-xs" aria-label="Colour of each stage">
      {stages.map((s) => (
        <li key={s} className="flex items-center gap-1.5">
          <svg viewBox="0 0 12 12" className="size-3" aria-hidden="true">
            <circle
              cx="6"
              cy="6"
              r="5"
              fill={s === "not_started" ? "transparent" : CHART_COLORS.stage[s]}
              stroke={CHART_COLORS.stage[s]}
              strokeWidth="2"
            />
          </svg>
          {PORTFOLIO_STAGE_LABELS[s]}
        </li>
      ))}
    </ul>
  );
}

/** The `limit` use cases of largest annual value, then business value, in their own order. */
function ofLargestValue(points: ReadinessPoint[], limit: number | undefined): ReadinessPoint[] {
  if (limit === undefined || points.length <= limit) return points;
  const kept = new Set(
    [...points]
      .sort(
        (a, b) => (b.annualValue ?? 0) - (a.annualValue ?? 0) || b.businessValue - a.businessValue,
      )
      .slice(0, limit)
      .map((p) => p.useCaseId),
  );
  return points.filter((p) => kept.has(p.useCaseId));
}

/**
 * Readiness × value: the chart (one dot per assessed use case), the use cases not assessed
 * yet beside it, and the same numbers as a table.
 */
export function ReadinessSection({
  points: all,
  base,
  currency,
  limit,
  allHref,
}: {
  points: ReadinessPoint[];
  base: string;
  currency: string;
  /** At most this many use cases, those of largest value (a large portfolio has thousands). */
  limit?: number;
  /** Where every use case is shown, when `limit` left some out. */
  allHref?: string;
}) {
  const points = ofLargestValue(all, limit);
  const assessed = points.filter((p) => p.assessment);
  const unassessed = points.filter((p) => !p.assessment);
  const largest = Math.max(0, ...points.map((p) => p.annualValue ?? 0));
  const caseHref = (p: ReadinessPoint) => `${base}/use-cases/${p.useCaseId}`;
  const dots: ReadinessDot[] = assessed.map((p) => {
    const a = p.assessment!;
    return {
      id: p.useCaseId,
      name: p.name,
      score: a.score,
      businessValue: p.businessValue,
      stage: p.stage,
      weight: largest > 0 && p.annualValue ? p.annualValue / largest : 0,
      href: caseHref(p),
      details: [
        `Readiness ${formatScore(a.score)} / 100`,
        `Band: ${a.band ? BAND_LABELS[a.band] : "—"}`,
        `Confidence ${formatPercent(a.confidence, 0)}`,
        `Business value ${p.businessValue} / 5`,
        `Annual value ${formatMoney(p.annualValue, currency)}`,
        `Stage: ${PORTFOLIO_STAGE_LABELS[p.stage]}`,
      ],
    };
  });
  // The table under the chart is fed its cells as words: a client table draws them, so the
  // payload carries each value once rather than a tree of elements per cell.
  const tableRows = points.map((p) => [
    { text: p.name, href: caseHref(p) },
    formatScore(p.assessment?.score),
    p.assessment?.band ? BAND_LABELS[p.assessment.band] : "—",
    formatPercent(p.assessment?.confidence, 0),
    p.businessValue,
    formatMoney(p.annualValue, currency),
    PORTFOLIO_STAGE_LABELS[p.stage],
  ]);
  const stagesShown = PORTFOLIO_STAGES.filter((s) => assessed.some((p) => p.stage === s));
  return (
    <div className="grid gap-4 @2xl:grid-cols-[1fr_13rem] print:grid-cols-[1fr_12rem]">
      <div className="min-w-0">
        {dots.length ? (
          <>
            <ReadinessChart
              dots={dots}
              label="Readiness against business value: each dot is a use case and opens it"
            />
            <div className="mt-2 grid gap-1">
              {points.length < all.length ? (
                <p className="text-xs text-muted-foreground" data-testid="readiness-limited">
                  The {points.length} use cases of largest value out of {all.length}
                  {allHref ? (
                    <>
                      {"; "}
                      <Link href={allHref} className="text-primary underline">
                        the portfolio report shows every one
                      </Link>
                    </>
                  ) : null}
                  .
                </p>
              ) : null}
              <StageLegend stages={stagesShown} />
              <p className="text-xs text-muted-foreground">
                Dot size: annual value (largest {formatMoney(largest, currency)}). Hover or focus a
                dot for its band and confidence; click it or press Enter to open the use case.
              </p>
            </div>
          </>
        ) : (
          <p className="py-10 text-center text-sm text-muted-foreground">
            No use case in this view has a submitted assessment yet. Assess one to place it on the
            chart.
          </p>
        )}
        <TableAlternative className="mt-3">
          <NumbersTable
            caption="Use cases by readiness and value"
            head={[
              "Use case",
              "Readiness",
              "Band",
              "Confidence",
              "Value (1–5)",
              `Annual value (${currency})`,
              "Stage",
            ]}
            wordColumns={[2, 6]}
            rows={tableRows}
            stackOnPhones
          />
        </TableAlternative>
      </div>
      <div data-testid="unassessed">
        <h3 className="text-sm font-semibold">Not assessed yet ({unassessed.length})</h3>
        {unassessed.length ? (
          <ul className="mt-2 grid gap-1 text-sm">
            {unassessed.map((p) => (
              <li key={p.useCaseId}>
                <Link href={caseHref(p)} className="hover:underline">
                  {p.name}
                </Link>
                <span className="text-xs text-muted-foreground">
                  {" "}
                  · value {p.businessValue}/5
                  {p.annualValue ? ` · ${formatMoney(p.annualValue, currency)}` : ""}
                </span>
              </li>
            ))}
          </ul>
        ) : (
          <p className="mt-2 text-sm text-muted-foreground">Every use case in view is assessed.</p>
        )}
      </div>
    </div>
  );
}

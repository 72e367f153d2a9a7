import Link from "next/link";
import type * as React from "react";
import { BandBadge } from "@/components/band-badge";
import {
  DimensionOutcomeChart,
  type DimensionOutcomePoint,
  ReadinessOutcomeChart,
} from "@/components/charts/loop-charts";
import { Card } from "@/components/ui/card";
import { type Column, DataTable } from "@/components/ui/data-table";
import { NumbersTable } from "@/components/ui/numbers-table";
import { TableAlternative } from "@/components/ui/table-alternative";
import { CATEGORY_LABELS } from "@/lib/domain/incidents";
import {
  DIMENSION_READING_LABELS,
  dimensionShortTitle,
  LOOP_DEFINITIONS,
  type LoopDimensionRow,
  type LoopDimensionSummary,
  type LoopDto,
  type LoopPilotRow,
  predictsTrouble,
} from "@/lib/domain/loop";
import { BAND_LABELS } from "@/lib/domain/scoring/bands";
import {
  formatDate,
  formatMoney,
  formatNumber,
  formatPercent,
  formatRate,
  formatScore,
} from "@/lib/format";

export type LoopSectionProps = {
  /** `getPilotLoop` (one pilot) or `getPortfolioLoop` (the dashboard, with its filters). */
  loop: LoopDto;
  /** The organisation's currency, which incident costs are in. */
  currency: string;
  orgSlug: string;
  /** Extra classes of its card (the printed report starts it on a new page). */
  className?: string;
  /**
   * At most this many pilots in the chart and table, those with the most incidents (a large
   * portfolio has thousands); the figures above them count every pilot.
   */
  pilotLimit?: number;
};

const READING_KEYS = {
  warned: "After weak or not-known answers",
  mixed: "After middling answers",
  well: "After answers that said it was in hand",
} as const;

type Measure = { label: string; value: React.ReactNode; definition: string };

function MeasuresTable({ rows }: { rows: Measure[] }) {
  const columns: Column<Measure>[] = [
    {
      key: "measure",
      header: "Measure",
      // On phones the definition sits under the measure's name, left-aligned and readable.
      cell: (r) => (
        <>
          {r.label}
          <span className="measure-definition">{r.definition}</span>
        </>
      ),
      rowHeader: true,
    },
    { key: "value", header: "Value", cell: (r) => r.value, className: "tabular-nums" },
    {
      key: "definition",
      header: "Definition",
      cell: (r) => <span className="text-muted-foreground">{r.definition}</span>,
      hideBelow: "sm",
    },
  ];
  return (
    <DataTable
      caption="What the assessment predicted against what happened, with the definition of each measure"
      columns={columns}
      rows={rows}
      rowKey={(r) => r.label}
      // Two columns on a phone (the definitions show under each measure): it fits as a table.
      testId="loop-measures"
    />
  );
}

function ChartBlock({
  id,
  title,
  empty,
  chart,
  table,
}: {
  id: string;
  title: string;
  /** What to say instead of the chart when there is nothing to draw. */
  empty: string | null;
  chart: React.ReactNode;
  table: React.ReactNode;
}) {
  return (
    <section aria-labelledby={id} className="grid min-w-0 gap-2">
      <h3 id={id} className="text-sm font-semibold">
        {title}
      </h3>
      {empty ? (
        <p className="rounded-md border border-dashed py-8 text-center text-sm text-muted-foreground">
          {empty}
        </p>
      ) : (
        <>
          {chart}
          <TableAlternative>{table}</TableAlternative>
        </>
      )}
    </section>
  );
}

const sumOf = (rows: readonly LoopDimensionSummary[], key: "afterWeakOrUnknown" | "afterWell") =>
  rows.reduce((s, d) => s + d[key], 0);

function registerValue(loop: LoopDto) {
  const r = loop.register;
  return `${formatPercent(r.shareOnRegister)} (${formatNumber(r.onRegister, 0)} on it, ${formatNumber(r.writtenAfter, 0)} written after, ${formatNumber(r.notLinked, 0)} not linked)`;
}

function pilotMeasures(
  pilot: LoopPilotRow,
  loop: LoopDto,
  currency: string,
  orgSlug: string,
): Measure[] {
  const a = pilot.assessment;
  const warned = pilot.dimensions.filter((d) => predictsTrouble(d.reading));
  const well = pilot.dimensions.filter((d) => d.reading === "well");
  const count = (rows: LoopDimensionRow[]) => rows.reduce((s, d) => s + d.incidents, 0);
  return [
    {
      label: "Readiness at start",
      value: a ? (
        <span className="inline-flex flex-wrap items-center gap-2">
          <span>{formatScore(a.overall)} / 100</span>
          <BandBadge band={a.band} />
          <Link
            className="text-primary underline"
            href={`/o/${orgSlug}/assessments/${a.id}/results`}
          >
            assessment of {formatDate(a.submittedAt)}
          </Link>
        </span>
      ) : (
        "No submitted assessment before the pilot's start"
      ),
      definition: LOOP_DEFINITIONS.readinessAtStart,
    },
    { label: "Counted since", value: formatDate(pilot.since), definition: LOOP_DEFINITIONS.window },
    {
      label: "Incidents per 1,000 actions",
      value: `${formatRate(pilot.incidentRate)} (${formatNumber(pilot.incidents, 0)} incidents, ${formatNumber(pilot.actions, 0)} actions)`,
      definition: LOOP_DEFINITIONS.incidentRate,
    },
    {
      label: "Incident cost",
      value: formatMoney(pilot.incidentCost, currency),
      definition: LOOP_DEFINITIONS.incidentCost,
    },
    {
      label: "Rollbacks",
      value: formatNumber(pilot.rollbacks, 0),
      definition: LOOP_DEFINITIONS.rollbacks,
    },
    {
      label: "Warned: weak or not known at start",
      value: warned.length
        ? `${warned.map((d) => dimensionShortTitle(d.id, d.title)).join(", ")}: ${formatNumber(count(warned), 0)} matching incidents`
        : "No dimension",
      definition: `${LOOP_DEFINITIONS.weakOrUnknown} ${LOOP_DEFINITIONS.matching}`,
    },
    {
      label: "Lessons: answered well at start",
      value: (
        <span>
          {formatNumber(count(well), 0)} matching incidents
          {count(well) > 0 ? (
            <>
              {" · "}
              <Link className="text-primary underline" href={`/o/${orgSlug}/lessons`}>
                see the lessons
              </Link>
            </>
          ) : null}
        </span>
      ),
      definition: `${LOOP_DEFINITIONS.answeredWell} ${LOOP_DEFINITIONS.lesson}`,
    },
    {
      label: "Broke an assumption on the register",
      value: registerValue(loop),
      definition: LOOP_DEFINITIONS.register,
    },
  ];
}

function portfolioMeasures(loop: LoopDto, currency: string, orgSlug: string): Measure[] {
  const t = loop.totals;
  const assessed = loop.pilots.filter((p) => p.assessment).length;
  return [
    {
      label: "Pilots compared",
      value: `${formatNumber(loop.pilots.length, 0)} (${formatNumber(assessed, 0)} with an assessment at start)`,
      definition: LOOP_DEFINITIONS.readinessAtStart,
    },
    {
      label: "Incidents per 1,000 actions",
      value: `${formatRate(t.incidentRate)} (${formatNumber(t.incidents, 0)} incidents, ${formatNumber(t.actions, 0)} actions)`,
      definition: `${LOOP_DEFINITIONS.incidentRate} ${LOOP_DEFINITIONS.window}`,
    },
    {
      label: "Incident cost",
      value: formatMoney(t.incidentCost, currency),
      definition: LOOP_DEFINITIONS.incidentCost,
    },
    {
      label: "Rollbacks",
      value: formatNumber(t.rollbacks, 0),
      definition: LOOP_DEFINITIONS.rollbacks,
    },
    {
      label: "Incidents after a warning",
      value: formatNumber(sumOf(loop.dimensions, "afterWeakOrUnknown"), 0),
      definition: `${LOOP_DEFINITIONS.weakOrUnknown} ${LOOP_DEFINITIONS.matching}`,
    },
    {
      label: "Lessons: incidents after answers that said it was in hand",
      value: (
        <Link className="text-primary underline" href={`/o/${orgSlug}/lessons`}>
          {formatNumber(sumOf(loop.dimensions, "afterWell"), 0)}
        </Link>
      ),
      definition: `${LOOP_DEFINITIONS.answeredWell} ${LOOP_DEFINITIONS.lesson}`,
    },
    {
      label: "Broke an assumption on the register",
      value: registerValue(loop),
      definition: LOOP_DEFINITIONS.register,
    },
  ];
}

/** Per dimension: incidents that followed each reading (for one pilot, only its own reading). */
function dimensionPoints(loop: LoopDto): (DimensionOutcomePoint & { title: string })[] {
  return loop.dimensions
    .filter((d) => d.categories.length > 0)
    .map((d) => ({
      dimension: dimensionShortTitle(d.id, d.title),
      title: d.title,
      warned: d.afterWeakOrUnknown,
      mixed: d.afterMixed,
      well: d.afterWell,
    }));
}

// The tables under the charts are fed their cells as words: a client table draws them, so the
// payload carries each value once rather than a tree of elements per cell.

/** For one pilot: each dimension's reading at its start and the matching incidents since. */
function PilotDimensionTable({ rows }: { rows: LoopDimensionRow[] }) {
  return (
    <NumbersTable
      caption="Each dimension's reading at the start and the incidents in its categories since"
      head={["Dimension", "At start", "Matching incidents since"]}
      textColumns={2}
      rows={rows.map((d) => [
        d.title,
        `${DIMENSION_READING_LABELS[d.reading]} (known answers ${formatScore(d.knownScore)}, ${formatPercent(d.unknownShare, 0)} not known)`,
        formatNumber(d.incidents, 0),
      ])}
      stackOnPhones
      testId="loop-dimensions"
    />
  );
}

/** Across pilots: how each dimension read at their starts and the incidents after each reading. */
function PortfolioDimensionTable({ rows }: { rows: LoopDimensionSummary[] }) {
  return (
    <NumbersTable
      caption="Each dimension across pilots: how it read at their start and the incidents in its categories since"
      head={[
        "Dimension",
        "Incident categories",
        "Pilots weak or not known · incidents after",
        "Incidents after middling",
        "Pilots answered well · incidents after",
      ]}
      textColumns={2}
      rows={rows.map((d) => [
        d.title,
        d.categories.map((c) => CATEGORY_LABELS[c]).join(", ") || "None",
        `${d.pilotsWeakOrUnknown} · ${d.afterWeakOrUnknown}`,
        d.afterMixed,
        `${d.pilotsWell} · ${d.afterWell}`,
      ])}
      stackOnPhones
      testId="loop-dimensions"
    />
  );
}

function PilotsTable({
  pilots,
  currency,
  orgSlug,
}: {
  pilots: LoopPilotRow[];
  currency: string;
  orgSlug: string;
}) {
  return (
    <NumbersTable
      caption="Each pilot's readiness at start against what happened since"
      head={[
        "Pilot",
        "Readiness at start",
        "Incidents / 1,000 actions",
        "Incidents",
        "Cost",
        "Rollbacks",
      ]}
      textColumns={2}
      rows={pilots.map((p) => [
        { text: p.useCaseName, href: `/o/${orgSlug}/pilots/${p.pilotId}` },
        p.assessment
          ? `${formatScore(p.assessment.overall)}${p.assessment.band ? ` · ${BAND_LABELS[p.assessment.band]}` : ""}`
          : "Not assessed",
        formatRate(p.incidentRate),
        p.incidents,
        formatMoney(p.incidentCost, currency),
        p.rollbacks,
      ])}
      stackOnPhones
      testId="loop-pilots"
    />
  );
}

/**
 * The loop closes: what the assessment predicted (readiness at start, dimensions that read
 * weak or not known) against what happened since (incidents per 1,000 actions, cost,
 * rollbacks, incidents in the categories each dimension predicts, the register's share), with
 * the definition of every measure. For one pilot or a whole portfolio.
 */
export function LoopSection({ loop, currency, orgSlug, className, pilotLimit }: LoopSectionProps) {
  const pilot = loop.scope === "pilot" ? loop.pilots[0] : undefined;
  const points = dimensionPoints(loop);
  const listed =
    pilotLimit !== undefined && loop.pilots.length > pilotLimit
      ? [...loop.pilots]
          .sort((a, b) => b.incidents - a.incidents || b.incidentCost - a.incidentCost)
          .slice(0, pilotLimit)
      : loop.pilots;
  const plotted = listed.flatMap((p) =>
    p.assessment?.overall != null && p.incidentRate !== null
      ? [
          {
            name: p.useCaseName,
            readiness: Math.round(p.assessment.overall * 10) / 10,
            rate: Math.round(p.incidentRate * 100) / 100,
            band: p.assessment.band ? BAND_LABELS[p.assessment.band] : "no band",
            incidents: p.incidents,
          },
        ]
      : [],
  );
  const matching = points.reduce((s, p) => s + p.warned + p.mixed + p.well, 0);
  return (
    <Card aria-labelledby="loop-heading" data-testid="loop-section" className={className}>
      <div className="mb-4">
        <h2 id="loop-heading" className="text-base font-semibold">
          Predicted against what happened
        </h2>
        <p className="mt-1 text-sm text-muted-foreground">
          {pilot
            ? "What this pilot's assessment said at the start, and the incidents, cost and rollbacks since."
            : "What each pilot's assessment said at its start, and the incidents, cost and rollbacks since."}
        </p>
      </div>
      <div className="grid min-w-0 gap-6">
        <MeasuresTable
          rows={
            pilot
              ? pilotMeasures(pilot, loop, currency, orgSlug)
              : portfolioMeasures(loop, currency, orgSlug)
          }
        />
        {loop.scope === "portfolio" ? (
          <ChartBlock
            id="loop-readiness-heading"
            title="Readiness at start against incidents per 1,000 actions since, one dot per pilot"
            empty={
              plotted.length === 0
                ? "No pilot has both an assessment at its start and run metrics yet: record run metrics to compare them."
                : null
            }
            chart={
              <>
                {listed.length < loop.pilots.length ? (
                  <p className="text-xs text-muted-foreground" data-testid="loop-limited">
                    The {listed.length} pilots with the most incidents out of {loop.pilots.length}.
                  </p>
                ) : null}
                <ReadinessOutcomeChart data={plotted} />
              </>
            }
            table={<PilotsTable pilots={listed} currency={currency} orgSlug={orgSlug} />}
          />
        ) : null}
        <ChartBlock
          id="loop-dimensions-heading"
          title="Incidents in the categories each dimension predicts, by how it read at the start"
          empty={
            pilot && !pilot.assessment
              ? "This pilot has no assessment from before its start to compare with."
              : matching === 0
                ? "No incident in a category a dimension predicts since the start."
                : null
          }
          chart={<DimensionOutcomeChart data={points} labels={READING_KEYS} />}
          table={
            pilot ? (
              <PilotDimensionTable rows={pilot.dimensions} />
            ) : (
              <PortfolioDimensionTable rows={loop.dimensions} />
            )
          }
        />
      </div>
    </Card>
  );
}

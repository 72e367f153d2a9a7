import { ChartColumn, Plus, Siren } from "lucide-react";
import type { Metadata } from "next";
import Link from "next/link";
import { Suspense } from "react";
import {
  IncidentMetricsPending,
  IncidentMetricsSection,
} from "@/components/incidents/incident-metrics-section";
import { IncidentTable } from "@/components/incidents/incident-table";
import { Button, ButtonLink } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import { CsvDownloadLink } from "@/components/ui/csv-download-link";
import { EmptyState } from "@/components/ui/empty-state";
import {
  FilterBar,
  type FilterField,
  isFiltered,
  ownerFilter,
  searchFilter,
  selectFilter,
} from "@/components/ui/filter-bar";
import { optionsOf } from "@/components/ui/input";
import { PageHeader } from "@/components/ui/page-header";
import { getIncidentMetrics } from "@/db/queries/incident-metrics";
import { listIncidents } from "@/db/queries/incidents";
import { listMembers } from "@/db/queries/members";
import { listPilotFilterOptions } from "@/db/queries/pilots";
import { requireMember } from "@/lib/auth/session";
import {
  CATEGORY_LABELS,
  INCIDENT_CATEGORIES,
  OUTCOME_LABELS,
  OUTCOMES,
  SEVERITIES,
  SEVERITY_LABELS,
} from "@/lib/domain/incidents";
import { can } from "@/lib/domain/permissions";
import { STAGE_LABELS, STAGES } from "@/lib/domain/stages";
import { AppError } from "@/lib/errors";
import { found, type ListPageProps, readListQuery } from "@/lib/pages";
import { incidentFilterSchema, toFilters } from "./schemas";

export const metadata: Metadata = { title: "Incidents · Preflight" };

/** Incidents a page lists: with the metrics below them, a page stays light. */
const PAGE_SIZE = 20;
/**
 * Pilots the filter lists: past this, the pilots with the most incidents (and the one picked);
 * every pilot's page links to its own incidents.
 */
const PILOT_CHOICES = 50;

export default async function IncidentsPage({ params, searchParams }: ListPageProps) {
  const member = await requireMember((await params).org);
  const { filters: filterParams } = await readListQuery(searchParams, incidentFilterSchema);
  const filters = toFilters(filterParams);
  const groupBy = filterParams.groupBy ?? "month";
  const [page, pilots, members] = await found(
    Promise.all([
      listIncidents(member, filters, { cursor: filterParams.cursor, limit: PAGE_SIZE }).catch(
        (error) => {
          // A stale or mangled cursor in a bookmarked link: start from the first page.
          if (filterParams.cursor && error instanceof AppError && error.code === "invalid_input") {
            return listIncidents(member, filters, { limit: PAGE_SIZE });
          }
          throw error;
        },
      ),
      listPilotFilterOptions(member, PILOT_CHOICES, filterParams.pilot),
      listMembers(member),
    ]),
  );
  const base = `/o/${member.orgSlug}/incidents`;
  const query = new URLSearchParams(
    Object.entries({ ...filterParams, cursor: undefined }).filter(
      (entry): entry is [string, string] => Boolean(entry[1]),
    ),
  );
  const fields: FilterField[] = [
    searchFilter("Title or description"),
    {
      ...selectFilter(
        "pilot",
        "Pilot",
        "All pilots",
        pilots.options.map((p) => ({ value: p.id, label: p.name })),
      ),
      ...(pilots.total > pilots.options.length
        ? {
            hint: `The ${PILOT_CHOICES} pilots with the most incidents of ${pilots.total}; any pilot's page links to its own incidents.`,
          }
        : {}),
    },
    ownerFilter(members, "Pilot owner"),
    selectFilter("stage", "Pilot's stage", "Any stage", optionsOf(STAGES, STAGE_LABELS)),
    selectFilter("severity", "Severity", "Any severity", optionsOf(SEVERITIES, SEVERITY_LABELS)),
    selectFilter(
      "category",
      "Category",
      "Any category",
      optionsOf(INCIDENT_CATEGORIES, CATEGORY_LABELS),
    ),
    selectFilter("outcome", "Outcome", "Any outcome", optionsOf(OUTCOMES, OUTCOME_LABELS)),
    selectFilter("status", "Status", "Open and resolved", [
      { value: "open", label: "Open" },
      { value: "resolved", label: "Resolved" },
    ]),
    { kind: "date", name: "from", label: "Started from" },
    { kind: "date", name: "to", label: "Started until" },
    {
      ...selectFilter("groupBy", "Charts by", "Month", [
        { value: "week", label: "Week" },
        { value: "month", label: "Month" },
      ]),
      display: true,
    },
  ];
  const filtered = isFiltered(fields, filterParams);
  const logButton = can(member, "incident:write") ? (
    <ButtonLink href={`${base}/new${filterParams.pilot ? `?pilot=${filterParams.pilot}` : ""}`}>
      <Plus aria-hidden /> Log incident
    </ButtonLink>
  ) : null;
  return (
    <>
      <PageHeader
        title="Incidents"
        description="What went wrong in pilots, how fast it was caught and fixed, and what it cost."
        action={logButton}
      />
      <FilterBar label="Filter incidents" clearHref={base} fields={fields} values={filterParams} />

      {/* The list comes first, the metrics and charts after it (a link jumps down to them). */}
      <Card aria-labelledby="incident-list-heading">
        <div className="mb-3 flex flex-wrap items-center justify-between gap-3">
          <h2 id="incident-list-heading" className="text-base font-semibold">
            {page.total === null
              ? "Incidents"
              : `${page.total.toLocaleString("en-GB")} incident${page.total === 1 ? "" : "s"}`}
          </h2>
          <div className="flex flex-wrap gap-2">
            <Button asChild variant="ghost" size="sm">
              <a href="#incident-metrics">
                <ChartColumn aria-hidden /> Metrics and charts
              </a>
            </Button>
            {page.items.length > 0 ? (
              <CsvDownloadLink href={`${base}/export.csv`} params={Object.fromEntries(query)} />
            ) : null}
          </div>
        </div>
        {page.items.length === 0 ? (
          <EmptyState
            icon={Siren}
            title={filtered ? "No incident matches these filters" : "No incidents yet"}
            action={filtered ? null : logButton}
          >
            {filtered
              ? "Clear or widen the filters to see more."
              : "Log what goes wrong in pilots — by hand, through the API or from your pager's webhook — to see how fast it is caught and what it costs."}
          </EmptyState>
        ) : (
          <IncidentTable
            incidents={page.items}
            orgSlug={member.orgSlug}
            caption="Incidents, newest first"
            testId="incident-list"
          />
        )}
        {filterParams.cursor || page.nextCursor ? (
          <nav aria-label="Pages" className="mt-3 flex gap-2">
            {filterParams.cursor ? (
              <ButtonLink variant="outline" size="sm" href={`${base}?${query.toString()}`}>
                First page
              </ButtonLink>
            ) : null}
            {page.nextCursor ? (
              <Button asChild variant="outline" size="sm">
                <Link
                  href={`${base}?${new URLSearchParams([...query, ["cursor", page.nextCursor]]).toString()}`}
                >
                  Next page
                </Link>
              </Button>
            ) : null}
          </nav>
        ) : null}
      </Card>

      <div id="incident-metrics" className="mt-4 scroll-mt-4">
        <Suspense fallback={<IncidentMetricsPending />}>
          <IncidentMetricsSection metrics={getIncidentMetrics(member, filters, groupBy)} />
        </Suspense>
      </div>
    </>
  );
}

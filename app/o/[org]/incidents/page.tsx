import { ChartColumn, Plus, Siren } from "lucide-react";
import type { Metadata } from "next";
import Link from "next/link";
import { Suspense } from "react";
import {
  IncidentMetricsPending,
  IncidentMetricsSection,
} from "@/components/incidents/incident-metrics-section";
import { IncidentTable } from "@/components/incidents/incident-table";
import { Button } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import { CsvDownloadLink } from "@/components/ui/csv-download-link";
import { EmptyState } from "@/components/ui/empty-state";
import { FilterBar, FilterDate, FilterSearch, FilterSelect } from "@/components/ui/filter-bar";
import { PageHeader } from "@/components/ui/page-header";
import { getIncidentMetrics } from "@/db/queries/incident-metrics";
import { listIncidents } from "@/db/queries/incidents";
import { listPilotOptions } from "@/db/queries/pilots";
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
import { AppError } from "@/lib/errors";
import { firstValues, found } from "@/lib/pages";
import { incidentFilterSchema, toFilters } from "./schemas";

export const metadata: Metadata = { title: "Incidents · Preflight" };

export default async function IncidentsPage({
  params,
  searchParams,
}: {
  params: Promise<{ org: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const member = await requireMember((await params).org);
  const raw = firstValues(await searchParams);
  const filterParams = incidentFilterSchema.parse(raw);
  const filters = toFilters(filterParams);
  const groupBy = filterParams.groupBy ?? "month";
  const [page, pilots] = await found(
    Promise.all([
      listIncidents(member, filters, { cursor: filterParams.cursor, limit: 50 }).catch((error) => {
        // A stale or mangled cursor in a bookmarked link: start from the first page.
        if (filterParams.cursor && error instanceof AppError && error.code === "invalid_input") {
          return listIncidents(member, filters, { limit: 50 });
        }
        throw error;
      }),
      listPilotOptions(member),
    ]),
  );
  const base = `/o/${member.orgSlug}/incidents`;
  const query = new URLSearchParams(
    Object.entries({ ...filterParams, cursor: undefined }).filter(
      (entry): entry is [string, string] => Boolean(entry[1]),
    ),
  );
  const filtered = [...query.keys()].some((k) => k !== "groupBy");
  const logButton = can(member, "incident:write") ? (
    <Button asChild>
      <Link href={`${base}/new${filterParams.pilot ? `?pilot=${filterParams.pilot}` : ""}`}>
        <Plus aria-hidden /> Log incident
      </Link>
    </Button>
  ) : null;
  const value = (name: string) => (filterParams as Record<string, string | undefined>)[name];
  const options = <T extends string>(values: readonly T[], labels: Record<T, string>) =>
    values.map((v) => ({ value: v, label: labels[v] }));
  return (
    <>
      <PageHeader
        title="Incidents"
        description="What went wrong in pilots, how fast it was caught and fixed, and what it cost."
        action={logButton}
      />
      <FilterBar label="Filter incidents" clearHref={base} active={filtered}>
        <FilterSearch placeholder="Title or description" defaultValue={filterParams.q} />
        <FilterSelect
          name="pilot"
          label="Pilot"
          anyLabel="All pilots"
          options={pilots.map((p) => ({ value: p.id, label: p.name }))}
          defaultValue={value("pilot")}
        />
        <FilterSelect
          name="severity"
          label="Severity"
          anyLabel="Any severity"
          options={options(SEVERITIES, SEVERITY_LABELS)}
          defaultValue={value("severity")}
        />
        <FilterSelect
          name="category"
          label="Category"
          anyLabel="Any category"
          options={options(INCIDENT_CATEGORIES, CATEGORY_LABELS)}
          defaultValue={value("category")}
        />
        <FilterSelect
          name="outcome"
          label="Outcome"
          anyLabel="Any outcome"
          options={options(OUTCOMES, OUTCOME_LABELS)}
          defaultValue={value("outcome")}
        />
        <FilterSelect
          name="status"
          label="Status"
          anyLabel="Open and resolved"
          options={[
            { value: "open", label: "Open" },
            { value: "resolved", label: "Resolved" },
          ]}
          defaultValue={value("status")}
        />
        <FilterDate name="from" label="Started from" defaultValue={filterParams.from} />
        <FilterDate name="to" label="Started until" defaultValue={filterParams.to} />
        <FilterSelect
          name="groupBy"
          label="Charts by"
          anyLabel="Month"
          options={[
            { value: "week", label: "Week" },
            { value: "month", label: "Month" },
          ]}
          defaultValue={value("groupBy")}
        />
      </FilterBar>

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
              <Button asChild variant="outline" size="sm">
                <Link href={`${base}?${query.toString()}`}>First page</Link>
              </Button>
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

import { AlertTriangle, Rocket } from "lucide-react";
import type { Metadata } from "next";
import Link from "next/link";
import { GateBadge, PilotStatusBadge } from "@/components/pilot-badges";
import { Badge } from "@/components/ui/badge";
import { ButtonLink } from "@/components/ui/button";
import { CsvDownloadLink } from "@/components/ui/csv-download-link";
import { EmptyState } from "@/components/ui/empty-state";
import {
  FilterBar,
  isFiltered,
  ownerFilter,
  searchFilter,
  selectFilter,
} from "@/components/ui/filter-bar";
import { optionsOf } from "@/components/ui/input";
import { PageHeader } from "@/components/ui/page-header";
import { listMembers } from "@/db/queries/members";
import { listPilotCards } from "@/db/queries/pilots";
import { requireMember } from "@/lib/auth/session";
import { can } from "@/lib/domain/permissions";
import { PILOT_STATUS_LABELS, PILOT_STATUSES } from "@/lib/domain/pilots";
import { STAGE_LABELS, STAGES } from "@/lib/domain/stages";
import { type ListPageProps, readListQuery } from "@/lib/pages";
import { pilotBoardFilterSchema, toPilotFilters } from "./schemas";

export const metadata: Metadata = { title: "Pilots · Preflight" };

/**
 * Cards per stage column on the whole board, and in a board filtered to one stage: the most
 * recently changed first, so a page stays light (a card weighs about 2.5 kB) however many
 * pilots an organisation runs; each column links to the rest.
 */
const CARDS_PER_COLUMN = 6;
const CARDS_IN_STAGE = 40;

/** The board's query string narrowed to one stage. */
function stageQuery(raw: Record<string, string | undefined>, stage: string): string {
  const query = new URLSearchParams();
  for (const [key, value] of Object.entries(raw))
    if (value && key !== "stage") query.set(key, value);
  query.set("stage", stage);
  return query.toString();
}

export default async function PilotsPage({ params, searchParams }: ListPageProps) {
  const member = await requireMember((await params).org);
  const { raw, filters } = await readListQuery(searchParams, pilotBoardFilterSchema);
  const [cards, members] = await Promise.all([
    listPilotCards(member, toPilotFilters(filters)),
    listMembers(member),
  ]);
  const base = `/o/${member.orgSlug}/pilots`;
  const fields = [
    searchFilter("Use case name"),
    ownerFilter(members),
    selectFilter(
      "status",
      "Status",
      "Active and paused",
      optionsOf(PILOT_STATUSES, PILOT_STATUS_LABELS),
    ),
    selectFilter("stage", "Stage", "Any stage", optionsOf(STAGES, STAGE_LABELS)),
  ];
  const filtered = isFiltered(fields, filters);
  const startButton = can(member, "pilot:write") ? (
    <ButtonLink href={`${base}/new`}>
      <Rocket aria-hidden /> Start a pilot
    </ButtonLink>
  ) : null;
  return (
    <>
      <PageHeader
        title="Pilots"
        description="Where each AI workflow stands on its way to production, and whether it may move on."
        action={
          <div className="flex flex-wrap items-center gap-2">
            {cards.length > 0 ? (
              <>
                <CsvDownloadLink href={`${base}/stage-history.csv`} params={raw}>
                  Stage history CSV
                </CsvDownloadLink>
                <CsvDownloadLink href={`${base}/run-metrics.csv`} params={raw}>
                  Run metrics CSV
                </CsvDownloadLink>
              </>
            ) : null}
            {startButton}
          </div>
        }
      />
      <FilterBar label="Filter pilots" clearHref={base} fields={fields} values={filters} />
      {cards.length === 0 ? (
        <EmptyState
          icon={Rocket}
          title={filtered ? "No pilot matches these filters" : "No pilots yet"}
          action={filtered ? null : startButton}
        >
          {filtered
            ? "Clear the filters to see every pilot."
            : "A pilot starts from an assessed use case, at the stage its assessment recommends, and moves towards production one gate at a time."}
        </EmptyState>
      ) : (
        // On phones the stages stack; wider, they sit side by side and scroll sideways (in a
        // positioned box, so the badges' screen-reader text scrolls with them).
        <div className="scroll-shadow-x relative -mx-1 overflow-x-auto pb-2 [--scroll-cover:var(--color-background)]">
          <ol
            className="grid gap-3 px-1 sm:min-w-[62rem] sm:grid-cols-6"
            aria-label="Pilot board, one column per stage"
            data-testid="pilot-board"
          >
            {STAGES.map((stage) => {
              const all = cards.filter((c) => c.stage === stage);
              const column = all.slice(0, filters.stage ? CARDS_IN_STAGE : CARDS_PER_COLUMN);
              return (
                <li
                  key={stage}
                  className="min-w-0 rounded-lg bg-muted/50 p-2"
                  aria-labelledby={`col-${stage}`}
                >
                  <h2
                    id={`col-${stage}`}
                    className="mb-2 flex items-center justify-between px-1 text-sm font-semibold"
                  >
                    {STAGE_LABELS[stage]}
                    <span className="text-xs font-normal text-muted-foreground">{all.length}</span>
                  </h2>
                  {column.length === 0 ? (
                    <p className="px-1 py-4 text-xs text-muted-foreground">None</p>
                  ) : (
                    <ul className="grid gap-2">
                      {column.map((c) => (
                        <li key={c.id}>
                          <Link
                            href={`${base}/${c.id}`}
                            className="block rounded-md border bg-card p-3 text-sm shadow-xs hover:border-primary focus-visible:outline-2 focus-visible:outline-ring"
                            data-testid="pilot-card"
                          >
                            <span className="block font-medium">{c.useCaseName}</span>
                            <span className="mt-1 block text-xs text-muted-foreground">
                              {c.ownerName ?? "No owner"} · {c.daysInStage} day
                              {c.daysInStage === 1 ? "" : "s"} in stage
                            </span>
                            <span className="mt-2 flex flex-wrap gap-1">
                              <PilotStatusBadge status={c.status} />
                              {c.status === "retired" ? null : (
                                <GateBadge pass={c.gatePass} failing={c.failingCriteria} />
                              )}
                              {c.openIncidents > 0 ? (
                                <Badge tone={c.openSevere > 0 ? "danger" : "neutral"}>
                                  {c.openIncidents} open incident{c.openIncidents === 1 ? "" : "s"}
                                </Badge>
                              ) : null}
                            </span>
                            {c.warning ? (
                              <span className="mt-2 flex items-start gap-1 text-xs text-destructive">
                                <AlertTriangle className="mt-0.5 size-3.5 shrink-0" aria-hidden />
                                {c.warning}
                              </span>
                            ) : null}
                          </Link>
                        </li>
                      ))}
                    </ul>
                  )}
                  {column.length < all.length ? (
                    <p className="px-1 pt-2 text-xs">
                      {filters.stage ? (
                        `${all.length - column.length} more: narrow the filters to see them.`
                      ) : (
                        <Link
                          className="text-primary hover:underline"
                          href={`${base}?${stageQuery(raw, stage)}`}
                        >
                          {all.length - column.length} more in {STAGE_LABELS[stage]}
                        </Link>
                      )}
                    </p>
                  ) : null}
                </li>
              );
            })}
          </ol>
        </div>
      )}
    </>
  );
}

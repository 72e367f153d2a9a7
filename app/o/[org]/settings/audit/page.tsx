import { ScrollText } from "lucide-react";
import type { Metadata } from "next";
import { ButtonLink } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import { type Column, DataTable } from "@/components/ui/data-table";
import { FilterBar, type FilterField, isFiltered, selectFilter } from "@/components/ui/filter-bar";
import { NoAccess } from "@/components/ui/no-access";
import { PageHeader } from "@/components/ui/page-header";
import {
  type AuditEventDto,
  listAuditEvents,
  listAuditFacets,
  loadAuditNames,
} from "@/db/queries/audit";
import { listMembers } from "@/db/queries/members";
import { requireMember } from "@/lib/auth/session";
import {
  auditActionLabel,
  auditChanges,
  auditEntityLabel,
  describeAuditEvent,
} from "@/lib/domain/audit-sentences";
import { can } from "@/lib/domain/permissions";
import { AppError } from "@/lib/errors";
import { formatDateTime } from "@/lib/format";
import { type ListPageProps, readListQuery } from "@/lib/pages";
import { SettingsTabs } from "../_components/settings-tabs";
import { AuditChanges } from "./_components/audit-changes";
import { auditFilterSchema } from "./schemas";

export const metadata: Metadata = { title: "Audit log · Preflight" };

/** Who acted: names are not unique, so the email recorded with the event goes beside them. */
function Actor({ event }: { event: AuditEventDto }) {
  if (event.actorType === "user") {
    return (
      <>
        <div className="break-all">{event.actorEmail ?? event.actorLabel}</div>
        {event.actorName ? (
          <div className="text-xs text-muted-foreground">{event.actorName}</div>
        ) : null}
      </>
    );
  }
  return (
    <>
      <div>{event.actorLabel}</div>
      {event.actorType === "token" && event.actorEmail ? (
        <div className="text-xs break-all text-muted-foreground">created by {event.actorEmail}</div>
      ) : null}
    </>
  );
}

export default async function AuditPage({ params, searchParams }: ListPageProps) {
  const member = await requireMember((await params).org);
  const header = <PageHeader title="Settings" description="Who changed what, and when." />;
  if (!can(member, "audit:read")) {
    return (
      <>
        {header}
        <SettingsTabs member={member} current="audit" />
        <NoAccess what="the audit log" />
      </>
    );
  }
  const { raw, filters } = await readListQuery(searchParams, auditFilterSchema);
  const to = filters.to ? new Date(filters.to.getTime() + 86_399_999) : undefined;
  const auditFilters = { ...filters, actorUserId: filters.actor, to };
  const [page, facets, members] = await Promise.all([
    listAuditEvents(member, auditFilters).catch((error) => {
      // A stale or mangled cursor in a bookmarked link: start from the newest events.
      if (auditFilters.cursor && error instanceof AppError && error.code === "invalid_input") {
        return listAuditEvents(member, { ...auditFilters, cursor: undefined });
      }
      throw error;
    }),
    listAuditFacets(member),
    listMembers(member),
  ]);
  const names = await loadAuditNames(member, page.events);
  const context = { names, currency: member.currency };
  const query = (extra: Record<string, string>) => {
    const params = new URLSearchParams();
    for (const [k, v] of Object.entries(raw)) if (v && k !== "cursor") params.set(k, v);
    for (const [k, v] of Object.entries(extra)) params.set(k, v);
    return `?${params.toString()}`;
  };
  const fields: FilterField[] = [
    selectFilter(
      "action",
      "Action",
      "All actions",
      facets.actions.map((a) => ({ value: a, label: auditActionLabel(a) })),
    ),
    selectFilter(
      "entityType",
      "Object",
      "All objects",
      facets.entityTypes.map((t) => ({ value: t, label: auditEntityLabel(t) })),
    ),
    selectFilter(
      "actor",
      "Person",
      "Anyone",
      members.map((m) => ({ value: m.userId, label: `${m.name} (${m.email})` })),
    ),
    { kind: "date", name: "from", label: "From (UTC)" },
    { kind: "date", name: "to", label: "To (UTC)" },
  ];
  const filtered = isFiltered(fields, raw);
  const columns: Column<AuditEventDto>[] = [
    {
      key: "when",
      header: "When",
      cell: (e) => formatDateTime(e.createdAt),
      className: "align-top whitespace-nowrap text-muted-foreground",
    },
    {
      key: "who",
      header: "Who",
      cell: (e) => <Actor event={e} />,
      className: "align-top min-w-48",
    },
    {
      key: "what",
      header: "What happened",
      cell: (e) => (
        <div data-testid="audit-event">
          <p>{describeAuditEvent(e, context)}</p>
          <p className="font-mono text-xs text-muted-foreground">{e.action}</p>
          <AuditChanges changes={auditChanges(e, context)} before={e.before} after={e.after} />
        </div>
      ),
      className: "align-top",
    },
  ];
  return (
    <>
      {header}
      <SettingsTabs member={member} current="audit" />
      <FilterBar label="Filter audit events" clearHref="?" fields={fields} values={raw} />
      <Card>
        <DataTable
          caption="Audit events, newest first"
          columns={columns}
          rows={page.events}
          empty={{
            icon: ScrollText,
            title: filtered ? "No events match these filters" : "No events yet",
            compact: true,
            children: filtered
              ? "Clear or widen the filters to see more."
              : "Every change people make in this organisation shows here.",
          }}
        />
        {page.nextCursor ? (
          <div className="mt-4">
            <ButtonLink variant="outline" href={query({ cursor: page.nextCursor })}>
              Older events
            </ButtonLink>
          </div>
        ) : null}
      </Card>
    </>
  );
}

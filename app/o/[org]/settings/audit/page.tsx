import type { Metadata } from "next";
import Link from "next/link";
import { Button } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import { Input, Label, Select } from "@/components/ui/input";
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

export default async function AuditPage({
  params,
  searchParams,
}: {
  params: Promise<{ org: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const member = await requireMember((await params).org);
  const header = <PageHeader title="Settings" description="Who changed what, and when." />;
  if (!can(member, "audit:read")) {
    return (
      <>
        {header}
        <SettingsTabs orgSlug={member.orgSlug} isAdmin={false} current="audit" />
        <NoAccess what="the audit log" />
      </>
    );
  }
  const raw = await searchParams;
  const filters = auditFilterSchema.parse(
    Object.fromEntries(Object.entries(raw).map(([k, v]) => [k, Array.isArray(v) ? v[0] : v])),
  );
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
    for (const [k, v] of Object.entries(raw))
      if (typeof v === "string" && v && k !== "cursor") params.set(k, v);
    for (const [k, v] of Object.entries(extra)) params.set(k, v);
    return `?${params.toString()}`;
  };
  const value = (key: string) => (typeof raw[key] === "string" ? (raw[key] as string) : "");
  return (
    <>
      {header}
      <SettingsTabs
        orgSlug={member.orgSlug}
        isAdmin
        isOwner={member.role === "owner"}
        current="audit"
      />
      <Card className="mb-4">
        <form
          method="get"
          className="grid gap-3 sm:grid-cols-2 lg:grid-cols-[repeat(5,minmax(0,1fr))_auto] lg:items-end"
        >
          <div className="grid gap-1.5">
            <Label htmlFor="f-action">Action</Label>
            <Select id="f-action" name="action" defaultValue={value("action")}>
              <option value="">All actions</option>
              {facets.actions.map((a) => (
                <option key={a} value={a}>
                  {auditActionLabel(a)}
                </option>
              ))}
            </Select>
          </div>
          <div className="grid gap-1.5">
            <Label htmlFor="f-entity">Object</Label>
            <Select id="f-entity" name="entityType" defaultValue={value("entityType")}>
              <option value="">All objects</option>
              {facets.entityTypes.map((t) => (
                <option key={t} value={t}>
                  {auditEntityLabel(t)}
                </option>
              ))}
            </Select>
          </div>
          <div className="grid gap-1.5">
            <Label htmlFor="f-actor">Person</Label>
            <Select id="f-actor" name="actor" defaultValue={value("actor")}>
              <option value="">Anyone</option>
              {members.map((m) => (
                <option key={m.userId} value={m.userId}>
                  {m.name} ({m.email})
                </option>
              ))}
            </Select>
          </div>
          <div className="grid gap-1.5">
            <Label htmlFor="f-from">From (UTC)</Label>
            <Input id="f-from" name="from" type="date" defaultValue={value("from")} />
          </div>
          <div className="grid gap-1.5">
            <Label htmlFor="f-to">To (UTC)</Label>
            <Input id="f-to" name="to" type="date" defaultValue={value("to")} />
          </div>
          <div className="flex gap-2">
            <Button type="submit">Filter</Button>
            <Button asChild variant="ghost">
              <Link href="?">Clear</Link>
            </Button>
          </div>
        </form>
      </Card>
      <Card>
        {page.events.length === 0 ? (
          <p className="text-sm text-muted-foreground">No events match these filters.</p>
        ) : (
          <div className="overflow-x-auto">
            <table className="w-full text-sm">
              <caption className="sr-only">Audit events, newest first</caption>
              <thead className="text-left text-xs text-muted-foreground">
                <tr className="border-b">
                  <th scope="col" className="py-2 pr-3 font-medium">
                    When
                  </th>
                  <th scope="col" className="py-2 pr-3 font-medium">
                    Who
                  </th>
                  <th scope="col" className="py-2 font-medium">
                    What happened
                  </th>
                </tr>
              </thead>
              <tbody>
                {page.events.map((e) => (
                  <tr key={e.id} className="border-b align-top last:border-0">
                    <td className="py-2 pr-3 whitespace-nowrap text-muted-foreground">
                      {formatDateTime(e.createdAt)}
                    </td>
                    <td className="min-w-48 py-2 pr-3">
                      <Actor event={e} />
                    </td>
                    <td className="py-2" data-testid="audit-event">
                      <p>{describeAuditEvent(e, context)}</p>
                      <p className="font-mono text-xs text-muted-foreground">{e.action}</p>
                      <AuditChanges
                        changes={auditChanges(e, context)}
                        before={e.before}
                        after={e.after}
                      />
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
        {page.nextCursor ? (
          <div className="mt-4">
            <Button asChild variant="outline">
              <Link href={query({ cursor: page.nextCursor })}>Older events</Link>
            </Button>
          </div>
        ) : null}
      </Card>
    </>
  );
}

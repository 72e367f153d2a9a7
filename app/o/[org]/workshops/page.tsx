import { Plus, Users } from "lucide-react";
import type { Metadata } from "next";
import Link from "next/link";
import { ButtonLink } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import { type Column, DataTable } from "@/components/ui/data-table";
import { EmptyState } from "@/components/ui/empty-state";
import { PageHeader } from "@/components/ui/page-header";
import { listWorkshops } from "@/db/queries/workshops";
import { requireMember } from "@/lib/auth/session";
import { can } from "@/lib/domain/permissions";
import { formatJoinCode, type WorkshopDto } from "@/lib/domain/workshops";
import { formatDate } from "@/lib/format";
import { WorkshopStateBadge } from "./_components/workshop-state-badge";

export const metadata: Metadata = { title: "Workshops · Preflight" };

export default async function WorkshopsPage({ params }: { params: Promise<{ org: string }> }) {
  const member = await requireMember((await params).org);
  const items = await listWorkshops(member);
  const base = `/o/${member.orgSlug}/workshops`;
  const newButton = can(member, "workshop:manage") ? (
    <ButtonLink href={`${base}/new`}>
      <Plus aria-hidden /> New workshop
    </ButtonLink>
  ) : null;
  const columns: Column<WorkshopDto>[] = [
    {
      key: "title",
      header: "Workshop",
      rowHeader: true,
      cell: (w) => (
        <>
          <Link href={`${base}/${w.id}`} className="hover:underline">
            {w.title}
          </Link>
          <p className="text-xs font-normal text-muted-foreground">{w.useCaseName}</p>
        </>
      ),
    },
    { key: "date", header: "Date", cell: (w) => formatDate(w.date) },
    { key: "state", header: "State", cell: (w) => <WorkshopStateBadge state={w.state} /> },
    { key: "participants", header: "Participants", align: "right", cell: (w) => w.participants },
    {
      key: "code",
      header: "Join code",
      className: "font-mono whitespace-nowrap",
      cell: (w) => (w.state === "open" || w.state === "paused" ? formatJoinCode(w.joinCode) : "—"),
    },
  ];
  return (
    <>
      <PageHeader
        title="Workshops"
        description="Where do stakeholders disagree about a workflow's readiness?"
        action={items.length > 0 ? newButton : null}
      />
      {items.length === 0 ? (
        <EmptyState icon={Users} title="No workshops yet" action={newButton}>
          A workshop lets a room of up to 50 people answer the questionnaire for one use case, each
          on their own phone or laptop, with or without an account. You see where they disagree as
          they answer: that is where undocumented work and wrong assumptions hide.
        </EmptyState>
      ) : (
        <Card className="p-0">
          <DataTable caption="Workshops" columns={columns} rows={items} stackOnPhones inset />
        </Card>
      )}
    </>
  );
}

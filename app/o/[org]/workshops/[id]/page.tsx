import { FileText, Pencil, Presentation, Users } from "lucide-react";
import type { Metadata } from "next";
import Link from "next/link";
import { ActionButton } from "@/components/ui/action-button";
import { ButtonLink } from "@/components/ui/button";
import { TitledCard } from "@/components/ui/card";
import { CopyField } from "@/components/ui/copy-field";
import { CsvDownloadLink } from "@/components/ui/csv-download-link";
import { type Column, DataTable } from "@/components/ui/data-table";
import { Facts } from "@/components/ui/facts";
import { PageHeader } from "@/components/ui/page-header";
import {
  getWorkshop,
  getWorkshopLive,
  listConsensus,
  listWorkshopParticipants,
} from "@/db/queries/workshops";
import { requireMember } from "@/lib/auth/session";
import { can } from "@/lib/domain/permissions";
import {
  formatJoinCode,
  nextWorkshopStates,
  WORKSHOP_PACE_LABELS,
  WORKSHOP_TRANSITION_LABELS,
  type WorkshopParticipantDto,
} from "@/lib/domain/workshops";
import { packWorkshopLive } from "@/lib/domain/workshops/packed";
import { formatDate, formatDateTime } from "@/lib/format";
import { publicOrigin } from "@/lib/origin";
import { found } from "@/lib/pages";
import { DisagreementHelp } from "../_components/disagreement-help";
import { LeadForm } from "../_components/lead-form";
import { LiveView } from "../_components/live-view";
import { WorkshopStateBadge } from "../_components/workshop-state-badge";
import {
  convertWorkshopAction,
  leadWorkshopAction,
  recordConsensusAction,
  setWorkshopStateAction,
} from "../actions";

export const metadata: Metadata = { title: "Workshop · Preflight" };

const PARTICIPANT_COLUMNS: Column<WorkshopParticipantDto>[] = [
  {
    key: "who",
    header: "Participant",
    rowHeader: true,
    cell: (p) => p.displayName ?? `Participant ${p.number}`,
  },
  { key: "role", header: "Role tag", cell: (p) => p.roleTag ?? "—" },
  { key: "account", header: "Account", cell: (p) => (p.member ? "Member" : "Guest") },
  { key: "answered", header: "Answers", align: "right", cell: (p) => p.answered },
  {
    key: "joined",
    header: "Joined",
    className: "text-muted-foreground",
    cell: (p) => formatDateTime(p.joinedAt),
  },
];

export default async function WorkshopPage({
  params,
}: {
  params: Promise<{ org: string; id: string }>;
}) {
  const { org, id } = await params;
  const member = await requireMember(org);
  const workshop = await found(getWorkshop(member, id));
  const [live, participants, consensus, origin] = await Promise.all([
    getWorkshopLive(member, id),
    listWorkshopParticipants(member, id),
    listConsensus(member, id),
    publicOrigin(),
  ]);
  const base = `/o/${member.orgSlug}/workshops/${workshop.id}`;
  const manage = can(member, "workshop:manage");
  const joinLink = `${origin}/join/${workshop.joinCode}`;
  const joinable = workshop.state === "open" || workshop.state === "paused";
  const recording = manage && workshop.state !== "draft" && !workshop.assessmentId;
  return (
    <>
      <PageHeader
        title={workshop.title}
        description={
          <>
            A workshop on{" "}
            <Link
              href={`/o/${member.orgSlug}/use-cases/${workshop.useCaseId}`}
              className="text-primary hover:underline"
            >
              {workshop.useCaseName}
            </Link>
            , {formatDate(workshop.date)}.
          </>
        }
        action={
          <div className="flex flex-wrap items-center gap-2">
            <ButtonLink variant="outline" href={`${base}/present`}>
              <Presentation aria-hidden /> Presenter view
            </ButtonLink>
            <ButtonLink variant="outline" href={`${base}/report`}>
              <FileText aria-hidden /> Report
            </ButtonLink>
            {manage && workshop.state !== "closed" ? (
              <ButtonLink variant="outline" href={`${base}/edit`}>
                <Pencil aria-hidden /> Edit
              </ButtonLink>
            ) : null}
          </div>
        }
      />
      <div className="mb-6 grid gap-4 lg:grid-cols-2">
        <TitledCard headingId="state-heading" title="State">
          <Facts
            inline
            facts={[
              { label: "State", value: <WorkshopStateBadge state={workshop.state} /> },
              { label: "Pace", value: WORKSHOP_PACE_LABELS[workshop.pace] },
              { label: "Answers", value: workshop.anonymous ? "Anonymous" : "Named" },
              { label: "Role tags", value: workshop.roleTags.join(", ") || "None" },
              workshop.closedAt
                ? { label: "Closed", value: formatDateTime(workshop.closedAt) }
                : null,
            ]}
          />
          {manage && nextWorkshopStates(workshop.state).length > 0 ? (
            <div className="mt-4 flex flex-wrap gap-2" data-testid="state-controls">
              {nextWorkshopStates(workshop.state).map((to) => (
                <ActionButton
                  key={to}
                  action={setWorkshopStateAction.bind(null, member.orgSlug, workshop.id)}
                  label={
                    to === "open" && workshop.state === "paused"
                      ? "Resume"
                      : WORKSHOP_TRANSITION_LABELS[to]
                  }
                  variant={to === "closed" ? "outline" : "default"}
                  fields={{ to, version: workshop.version }}
                />
              ))}
            </div>
          ) : null}
          {workshop.assessmentId ? (
            <p className="mt-4 text-sm">
              The room's answers became{" "}
              <Link
                href={`/o/${member.orgSlug}/assessments/${workshop.assessmentId}`}
                className="text-primary hover:underline"
                data-testid="workshop-assessment"
              >
                an assessment of {workshop.useCaseName}
              </Link>
              .
            </p>
          ) : manage && workshop.state === "closed" ? (
            <div className="mt-4 grid gap-2 border-t pt-4">
              <p className="text-sm text-muted-foreground">
                {consensus.length} of {live.questions.length} questions have the room's answer
                recorded. Converting starts an assessment of the use case with them, to review and
                submit.
              </p>
              <ActionButton
                action={convertWorkshopAction.bind(null, member.orgSlug, workshop.id)}
                label="Convert into an assessment"
                pendingLabel="Converting…"
              />
            </div>
          ) : null}
          {manage && workshop.pace === "led" && workshop.state !== "closed" ? (
            <LeadForm
              action={leadWorkshopAction.bind(null, member.orgSlug, workshop.id)}
              current={workshop.currentDimension}
              dimensions={live.progress.map((p) => ({ id: p.dimensionId, title: p.title }))}
            />
          ) : null}
        </TitledCard>
        <TitledCard
          headingId="join-heading"
          title="Joining"
          description={
            joinable
              ? "Participants open the link or type the code at /join, on their phone or laptop."
              : workshop.state === "draft"
                ? "Open the workshop to let people join."
                : "The workshop is closed: nobody can join or answer."
          }
        >
          {joinable ? (
            <div className="grid gap-3">
              <p
                className="font-mono text-3xl font-semibold tracking-widest"
                data-testid="join-code"
              >
                {formatJoinCode(workshop.joinCode)}
              </p>
              <CopyField id="join-link" label="Join link" value={joinLink} />
            </div>
          ) : null}
        </TitledCard>
      </div>
      <DisagreementHelp />
      <div className="mb-6">
        <LiveView
          url={`${base}/live.json`}
          initial={packWorkshopLive(live)}
          consensus={consensus}
          recordAction={
            recording ? recordConsensusAction.bind(null, member.orgSlug, workshop.id) : undefined
          }
        />
      </div>
      <TitledCard
        headingId="participants-heading"
        title={`Participants (${participants.length})`}
        action={
          participants.length > 0 ? (
            <CsvDownloadLink href={`${base}/answers.csv`}>All answers (CSV)</CsvDownloadLink>
          ) : null
        }
      >
        <DataTable
          caption="Participants"
          columns={PARTICIPANT_COLUMNS}
          rows={participants}
          rowKey={(p) => String(p.number)}
          stackOnPhones
          empty={{
            icon: Users,
            title: "Nobody has joined yet",
            compact: true,
            children: "People who join with the code appear here.",
          }}
        />
      </TitledCard>
    </>
  );
}

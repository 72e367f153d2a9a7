import { Pencil } from "lucide-react";
import type { Metadata } from "next";
import Link from "next/link";
import { AssessmentTable } from "@/components/assessments/assessment-table";
import { PilotStatusBadge, StageBadge } from "@/components/pilot-badges";
import { ActionButton } from "@/components/ui/action-button";
import { Badge } from "@/components/ui/badge";
import { ButtonLink } from "@/components/ui/button";
import { Card, CardHeader } from "@/components/ui/card";
import { ConfirmForm } from "@/components/ui/confirm-form";
import { type Column, DataTable } from "@/components/ui/data-table";
import { Facts } from "@/components/ui/facts";
import { optionsOf } from "@/components/ui/input";
import { PageHeader } from "@/components/ui/page-header";
import { listAssessments } from "@/db/queries/assessments";
import { type InventoryActionDto, listInventory } from "@/db/queries/inventory";
import { findLivePilotForUseCase } from "@/db/queries/pilots";
import { getUseCase } from "@/db/queries/use-cases";
import { requireMember } from "@/lib/auth/session";
import {
  ACCESS_LABELS,
  ACTION_ACCESS,
  BLAST_RADIUS,
  BLAST_RADIUS_LABELS,
  FREQUENCY,
  FREQUENCY_LABELS,
  REVERSIBILITY,
  REVERSIBILITY_LABELS,
} from "@/lib/domain/actions";
import {
  APPROVAL_LABELS,
  type ApprovalDecision,
  type ApprovalMatrixRow,
  deriveApprovalMatrix,
} from "@/lib/domain/approval-matrix";
import { can } from "@/lib/domain/permissions";
import { STAGE_LABELS, STAGES } from "@/lib/domain/stages";
import { BUSINESS_VALUE_LABELS, USE_CASE_STATUS_LABELS } from "@/lib/domain/use-cases";
import { formatDate, formatDateTime, formatMoney, formatScore } from "@/lib/format";
import { found } from "@/lib/pages";
import { setArchivedAction } from "../actions";
import { AddActionForm } from "./_components/add-action-form";
import {
  addInventoryActionAction,
  removeInventoryActionAction,
  startAssessmentAction,
} from "./actions";

const DECISION_STYLE: Record<ApprovalDecision, string> = {
  auto: "text-success",
  approval: "text-warning",
  off_limits: "text-muted-foreground line-through decoration-1",
};
const DECISION_SHORT: Record<ApprovalDecision, string> = {
  auto: "Auto",
  approval: "Approval",
  off_limits: "Off-limits",
};

const MATRIX_COLUMNS: Column<ApprovalMatrixRow>[] = [
  { key: "action", header: "Action", rowHeader: true, cell: (row) => row.action.name },
  ...STAGES.map(
    (stage): Column<ApprovalMatrixRow> => ({
      key: stage,
      header: STAGE_LABELS[stage],
      cell: (row) => {
        const cell = row.cells[stage];
        return (
          <>
            <span className={DECISION_STYLE[cell.decision]} title={cell.reason}>
              {DECISION_SHORT[cell.decision]}
            </span>
            <span className="sr-only">
              : {APPROVAL_LABELS[cell.decision]}. {cell.reason}
            </span>
          </>
        );
      },
    }),
  ),
];

export const metadata: Metadata = { title: "Use case · Preflight" };

export default async function UseCasePage({
  params,
}: {
  params: Promise<{ org: string; id: string }>;
}) {
  const { org, id } = await params;
  const member = await requireMember(org);
  const [useCase, inventory, assessments] = await found(
    Promise.all([
      getUseCase(member, id),
      listInventory(member, id),
      listAssessments(member, { useCaseId: id }),
    ]),
  );
  const pilot = await findLivePilotForUseCase(member, id);
  const open = assessments.find((a) => a.status === "in_progress");
  const lastSubmitted = assessments.find((a) => a.status === "submitted");
  const matrix = deriveApprovalMatrix(inventory);
  const canWrite = can(member, "usecase:write");
  const base = `/o/${member.orgSlug}/use-cases/${id}`;
  const inventoryColumns: Column<InventoryActionDto>[] = [
    { key: "name", header: "Action", rowHeader: true, cell: (a) => a.name },
    { key: "system", header: "System", cell: (a) => a.system },
    { key: "access", header: "Access", cell: (a) => ACCESS_LABELS[a.access] },
    {
      key: "reversibility",
      header: "Reversibility",
      cell: (a) => REVERSIBILITY_LABELS[a.reversibility],
    },
    { key: "blastRadius", header: "Blast radius", cell: (a) => BLAST_RADIUS_LABELS[a.blastRadius] },
    { key: "frequency", header: "Frequency", cell: (a) => FREQUENCY_LABELS[a.frequency] },
    {
      key: "remove",
      header: "Remove",
      headerHidden: true,
      align: "right",
      cell: (a) =>
        canWrite ? (
          <ConfirmForm
            action={removeInventoryActionAction.bind(null, member.orgSlug, id)}
            fields={{ actionId: a.id, version: a.version }}
            triggerLabel="Remove"
            title={`Remove “${a.name}”?`}
            description="It leaves the inventory and the approval matrix. Assessments already submitted keep the inventory they were scored with."
            confirmLabel="Remove action"
          />
        ) : null,
    },
  ];
  return (
    <>
      <p className="mb-2 text-sm">
        <Link
          href={`/o/${member.orgSlug}/use-cases`}
          className="text-muted-foreground hover:underline"
        >
          ← Use cases
        </Link>
      </p>
      <PageHeader
        title={useCase.name}
        description={
          <span className="inline-flex flex-wrap items-center gap-2">
            <Badge>{USE_CASE_STATUS_LABELS[useCase.status]}</Badge>
            {useCase.archivedAt ? <Badge tone="warning">Archived</Badge> : null}
            <span>Owner: {useCase.ownerName ?? "nobody yet"}</span>
          </span>
        }
        action={
          <div className="flex items-start gap-2">
            {canWrite ? (
              <ButtonLink variant="outline" href={`${base}/edit`}>
                <Pencil aria-hidden /> Edit
              </ButtonLink>
            ) : null}
            {can(member, "usecase:archive") ? (
              // Archiving is undone by restoring, so it asks no confirmation.
              <ActionButton
                action={setArchivedAction.bind(null, member.orgSlug, id, !useCase.archivedAt)}
                label={useCase.archivedAt ? "Restore" : "Archive"}
                variant="outline"
              />
            ) : null}
          </div>
        }
      />
      <div className="grid gap-4 lg:grid-cols-3">
        <Card className="lg:col-span-2">
          <CardHeader title="About this workflow" />
          <p className="text-sm whitespace-pre-wrap">
            {useCase.description || (
              <span className="text-muted-foreground">No description yet.</span>
            )}
          </p>
        </Card>
        <Card>
          <Facts
            className="gap-3"
            facts={[
              {
                label: "Business value",
                value: BUSINESS_VALUE_LABELS[useCase.businessValue],
                valueClassName: "font-medium",
              },
              {
                label: "Annual value estimate",
                value:
                  useCase.annualValue === null
                    ? "Not estimated"
                    : `${formatMoney(useCase.annualValue, member.currency)} per year`,
                valueClassName: "font-medium tabular-nums",
              },
              {
                label: "Systems touched",
                value: useCase.systems.length ? (
                  <ul className="mt-1 flex flex-wrap gap-1">
                    {useCase.systems.map((s) => (
                      <li key={s}>
                        <Badge>{s}</Badge>
                      </li>
                    ))}
                  </ul>
                ) : (
                  "None listed"
                ),
              },
              { label: "Last changed", value: formatDateTime(useCase.updatedAt) },
            ]}
          />
        </Card>
      </div>
      <Card className="mt-4">
        <CardHeader
          title="Pilot"
          description={
            pilot ? (
              <span className="inline-flex flex-wrap items-center gap-2">
                <StageBadge stage={pilot.stage} />
                <PilotStatusBadge status={pilot.status} />
                <span>since {formatDate(pilot.stageEnteredAt)}</span>
              </span>
            ) : lastSubmitted ? (
              "No pilot running. Start one at the stage the latest assessment recommends."
            ) : (
              "A pilot can start once an assessment of this use case is submitted."
            )
          }
          action={
            pilot ? (
              <ButtonLink variant="outline" href={`/o/${member.orgSlug}/pilots/${pilot.id}`}>
                Open pilot
              </ButtonLink>
            ) : lastSubmitted && can(member, "pilot:write") && !useCase.archivedAt ? (
              <ButtonLink href={`/o/${member.orgSlug}/pilots/new?useCase=${id}`}>
                Start a pilot
              </ButtonLink>
            ) : null
          }
        />
      </Card>
      <Card className="mt-4">
        <CardHeader
          title="Readiness assessments"
          description={
            lastSubmitted
              ? `Latest verdict: ${formatScore(lastSubmitted.overall)} / 100, submitted ${formatDate(lastSubmitted.submittedAt)}.`
              : "Not assessed yet: answer the questionnaire to see whether this workflow is ready, and for which stage."
          }
          action={
            can(member, "assessment:answer") && !useCase.archivedAt ? (
              <ActionButton
                action={startAssessmentAction.bind(null, member.orgSlug, id)}
                label={
                  open ? "Continue assessment" : lastSubmitted ? "Re-assess" : "Start assessment"
                }
                pendingLabel="Opening…"
              />
            ) : null
          }
        />
        {assessments.length ? (
          <AssessmentTable
            assessments={assessments}
            orgSlug={member.orgSlug}
            caption="Assessments of this use case"
            showUseCase={false}
          />
        ) : null}
      </Card>
      <Card className="mt-4">
        <CardHeader
          title="Action inventory"
          description="Every action the AI would take, rated for how hard it is to undo and what a mistake would affect."
        />
        {inventory.length === 0 ? (
          <p className="mb-4 text-sm text-muted-foreground">
            No actions yet. List each thing the AI would do — read a record, send an email, issue a
            refund — so Preflight can tell which actions need a person's approval at each stage.
          </p>
        ) : (
          <div className="mb-6">
            <DataTable
              caption="Actions the AI would take"
              columns={inventoryColumns}
              rows={inventory}
              stackOnPhones
            />
          </div>
        )}
        {canWrite ? (
          <AddActionForm
            action={addInventoryActionAction.bind(null, member.orgSlug, id)}
            options={{
              access: optionsOf(ACTION_ACCESS, ACCESS_LABELS),
              reversibility: optionsOf(REVERSIBILITY, REVERSIBILITY_LABELS),
              blastRadius: optionsOf(BLAST_RADIUS, BLAST_RADIUS_LABELS),
              frequency: optionsOf(FREQUENCY, FREQUENCY_LABELS),
            }}
          />
        ) : null}
      </Card>
      {matrix.length ? (
        <Card className="mt-4">
          <CardHeader
            title="Approval matrix"
            description="Derived from the inventory: at each stage, which actions run automatically, need a person's approval, or are off-limits. Hover a cell for the reason."
          />
          <DataTable
            caption="Approval needed per action and stage"
            columns={MATRIX_COLUMNS}
            rows={matrix}
            rowKey={(row) => row.action.id}
            stackOnPhones
            testId="approval-matrix"
          />
          <details className="mt-3 text-xs text-muted-foreground">
            <summary className="cursor-pointer">The rules behind the cells</summary>
            <ul className="mt-2 list-disc pl-5">
              {[...new Set(matrix.flatMap((r) => Object.values(r.cells).map((c) => c.reason)))].map(
                (reason) => (
                  <li key={reason}>{reason}</li>
                ),
              )}
            </ul>
          </details>
        </Card>
      ) : null}
    </>
  );
}

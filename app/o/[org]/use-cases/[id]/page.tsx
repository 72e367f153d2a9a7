import { Pencil } from "lucide-react";
import type { Metadata } from "next";
import Link from "next/link";
import { BandBadge } from "@/components/band-badge";
import { PilotStatusBadge, StageBadge } from "@/components/pilot-badges";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { Card, CardHeader } from "@/components/ui/card";
import { ConfirmForm } from "@/components/ui/confirm-form";
import { PageHeader } from "@/components/ui/page-header";
import { listAssessments } from "@/db/queries/assessments";
import { listInventory } from "@/db/queries/inventory";
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
  deriveApprovalMatrix,
} from "@/lib/domain/approval-matrix";
import { can } from "@/lib/domain/permissions";
import { STAGE_LABELS, STAGES } from "@/lib/domain/stages";
import { BUSINESS_VALUE_LABELS, USE_CASE_STATUS_LABELS } from "@/lib/domain/use-cases";
import { formatDate, formatDateTime } from "@/lib/format";
import { found } from "@/lib/pages";
import { setArchivedAction } from "../actions";
import { AddActionForm } from "./_components/add-action-form";
import { ArchiveButton } from "./_components/archive-button";
import { StartAssessmentButton } from "./_components/start-assessment-button";

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

import {
  addInventoryActionAction,
  removeInventoryActionAction,
  startAssessmentAction,
} from "./actions";

const options = <T extends string>(values: readonly T[], labels: Record<T, string>) =>
  values.map((value) => ({ value, label: labels[value] }));

export const metadata: Metadata = { title: "Use case · Preflight" };

const money = new Intl.NumberFormat("en-GB", { maximumFractionDigits: 0 });

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
              <Button asChild variant="outline">
                <Link href={`${base}/edit`}>
                  <Pencil aria-hidden /> Edit
                </Link>
              </Button>
            ) : null}
            {can(member, "usecase:archive") ? (
              <ArchiveButton
                action={setArchivedAction.bind(null, member.orgSlug, id, !useCase.archivedAt)}
                archived={Boolean(useCase.archivedAt)}
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
          <dl className="grid gap-3 text-sm">
            <div>
              <dt className="text-muted-foreground">Business value</dt>
              <dd className="font-medium">{BUSINESS_VALUE_LABELS[useCase.businessValue]}</dd>
            </div>
            <div>
              <dt className="text-muted-foreground">Annual value estimate</dt>
              <dd className="font-medium tabular-nums">
                {useCase.annualValue === null
                  ? "Not estimated"
                  : `${money.format(useCase.annualValue)} per year`}
              </dd>
            </div>
            <div>
              <dt className="text-muted-foreground">Systems touched</dt>
              <dd>
                {useCase.systems.length ? (
                  <ul className="mt-1 flex flex-wrap gap-1">
                    {useCase.systems.map((s) => (
                      <li key={s}>
                        <Badge>{s}</Badge>
                      </li>
                    ))}
                  </ul>
                ) : (
                  "None listed"
                )}
              </dd>
            </div>
            <div>
              <dt className="text-muted-foreground">Last changed</dt>
              <dd>{formatDateTime(useCase.updatedAt)}</dd>
            </div>
          </dl>
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
              <Button asChild variant="outline">
                <Link href={`/o/${member.orgSlug}/pilots/${pilot.id}`}>Open pilot</Link>
              </Button>
            ) : lastSubmitted && can(member, "pilot:write") && !useCase.archivedAt ? (
              <Button asChild>
                <Link href={`/o/${member.orgSlug}/pilots/new?useCase=${id}`}>Start a pilot</Link>
              </Button>
            ) : null
          }
        />
      </Card>
      <Card className="mt-4">
        <CardHeader
          title="Readiness assessments"
          description={
            lastSubmitted
              ? `Latest verdict: ${lastSubmitted.overall ?? "—"} / 100, submitted ${formatDate(lastSubmitted.submittedAt)}.`
              : "Not assessed yet: answer the questionnaire to see whether this workflow is ready, and for which stage."
          }
          action={
            can(member, "assessment:answer") && !useCase.archivedAt ? (
              <StartAssessmentButton
                action={startAssessmentAction.bind(null, member.orgSlug, id)}
                label={
                  open ? "Continue assessment" : lastSubmitted ? "Re-assess" : "Start assessment"
                }
              />
            ) : null
          }
        />
        {assessments.length ? (
          <div className="overflow-x-auto">
            <table className="w-full text-sm">
              <caption className="sr-only">Assessments of this use case</caption>
              <thead className="text-left text-xs text-muted-foreground">
                <tr className="border-b">
                  <th scope="col" className="py-2 pr-3 font-medium">
                    Started
                  </th>
                  <th scope="col" className="py-2 pr-3 font-medium">
                    Status
                  </th>
                  <th scope="col" className="py-2 pr-3 text-right font-medium">
                    Score
                  </th>
                  <th scope="col" className="py-2 pr-3 font-medium">
                    Band
                  </th>
                  <th scope="col" className="py-2 font-medium">
                    Confidence
                  </th>
                </tr>
              </thead>
              <tbody>
                {assessments.map((a) => (
                  <tr key={a.id} className="border-b last:border-0">
                    <td className="py-2 pr-3">
                      <Link
                        className="text-primary hover:underline"
                        href={`/o/${member.orgSlug}/assessments/${a.id}${a.status === "submitted" ? "/results" : ""}`}
                      >
                        {formatDate(a.createdAt)}
                      </Link>
                      {a.createdByName ? (
                        <span className="text-muted-foreground"> by {a.createdByName}</span>
                      ) : null}
                    </td>
                    <td className="py-2 pr-3">
                      {a.status === "submitted"
                        ? `Submitted ${formatDate(a.submittedAt)}`
                        : `In progress (${a.answered} answered)`}
                    </td>
                    <td className="py-2 pr-3 text-right tabular-nums">{a.overall ?? "—"}</td>
                    <td className="py-2 pr-3">
                      <BandBadge band={a.band} />
                    </td>
                    <td className="py-2 tabular-nums">
                      {a.confidence === null ? "—" : `${Math.round(a.confidence * 100)}%`}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
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
          <div className="mb-6 overflow-x-auto">
            <table className="w-full text-sm">
              <caption className="sr-only">Actions the AI would take</caption>
              <thead className="text-left text-xs text-muted-foreground">
                <tr className="border-b">
                  <th scope="col" className="py-2 pr-3 font-medium">
                    Action
                  </th>
                  <th scope="col" className="py-2 pr-3 font-medium">
                    System
                  </th>
                  <th scope="col" className="py-2 pr-3 font-medium">
                    Access
                  </th>
                  <th scope="col" className="py-2 pr-3 font-medium">
                    Reversibility
                  </th>
                  <th scope="col" className="py-2 pr-3 font-medium">
                    Blast radius
                  </th>
                  <th scope="col" className="py-2 pr-3 font-medium">
                    Frequency
                  </th>
                  <th scope="col" className="py-2 font-medium">
                    <span className="sr-only">Remove</span>
                  </th>
                </tr>
              </thead>
              <tbody>
                {inventory.map((a) => (
                  <tr key={a.id} className="border-b last:border-0">
                    <td className="py-2 pr-3 font-medium">{a.name}</td>
                    <td className="py-2 pr-3">{a.system}</td>
                    <td className="py-2 pr-3">{ACCESS_LABELS[a.access]}</td>
                    <td className="py-2 pr-3">{REVERSIBILITY_LABELS[a.reversibility]}</td>
                    <td className="py-2 pr-3">{BLAST_RADIUS_LABELS[a.blastRadius]}</td>
                    <td className="py-2 pr-3">{FREQUENCY_LABELS[a.frequency]}</td>
                    <td className="py-2 text-right">
                      {canWrite ? (
                        <ConfirmForm
                          action={removeInventoryActionAction.bind(null, member.orgSlug, id)}
                          fields={{ actionId: a.id, version: a.version }}
                          triggerLabel="Remove"
                          title={`Remove “${a.name}”?`}
                          description="It leaves the inventory and the approval matrix. Assessments already submitted keep the inventory they were scored with."
                          confirmLabel="Remove action"
                        />
                      ) : null}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
        {canWrite ? (
          <AddActionForm
            action={addInventoryActionAction.bind(null, member.orgSlug, id)}
            options={{
              access: options(ACTION_ACCESS, ACCESS_LABELS),
              reversibility: options(REVERSIBILITY, REVERSIBILITY_LABELS),
              blastRadius: options(BLAST_RADIUS, BLAST_RADIUS_LABELS),
              frequency: options(FREQUENCY, FREQUENCY_LABELS),
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
          <div className="overflow-x-auto">
            <table className="w-full text-sm" data-testid="approval-matrix">
              <caption className="sr-only">Approval needed per action and stage</caption>
              <thead className="text-left text-xs text-muted-foreground">
                <tr className="border-b">
                  <th scope="col" className="py-2 pr-3 font-medium">
                    Action
                  </th>
                  {STAGES.map((stage) => (
                    <th key={stage} scope="col" className="py-2 pr-3 font-medium">
                      {STAGE_LABELS[stage]}
                    </th>
                  ))}
                </tr>
              </thead>
              <tbody>
                {matrix.map((row) => (
                  <tr key={row.action.id} className="border-b last:border-0">
                    <th scope="row" className="py-2 pr-3 text-left font-medium">
                      {row.action.name}
                    </th>
                    {STAGES.map((stage) => {
                      const cell = row.cells[stage];
                      return (
                        <td key={stage} className="py-2 pr-3 align-top">
                          <span className={DECISION_STYLE[cell.decision]} title={cell.reason}>
                            {DECISION_SHORT[cell.decision]}
                          </span>
                          <span className="sr-only">
                            : {APPROVAL_LABELS[cell.decision]}. {cell.reason}
                          </span>
                        </td>
                      );
                    })}
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
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

import { AlertTriangle, FileText, Pencil } from "lucide-react";
import Link from "next/link";
import { PilotStatusBadge, StageBadge } from "@/components/pilot-badges";
import { ButtonLink } from "@/components/ui/button";
import { PageHeader } from "@/components/ui/page-header";
import { brokenAssumptionWarning, type PilotStatus } from "@/lib/domain/pilots";
import { STAGE_LABELS, STAGES, type Stage, stageIndex } from "@/lib/domain/stages";
import { formatDate } from "@/lib/format";
import { cn } from "@/lib/utils";

/** The pilot's name, owner and dates, where it stands among the stages, and any warning. */
export function PilotHeader({
  orgSlug,
  pilot,
  brokenAssumptions,
  canEdit,
}: {
  orgSlug: string;
  pilot: {
    id: string;
    useCaseId: string;
    useCaseName: string;
    ownerName: string | null;
    stage: Stage;
    status: PilotStatus;
    stageEnteredAt: Date;
    targetDate: string | null;
  };
  brokenAssumptions: number;
  canEdit: boolean;
}) {
  const broken = brokenAssumptions;
  return (
    <>
      <p className="mb-2 text-sm">
        <Link href={`/o/${orgSlug}/pilots`} className="text-muted-foreground hover:underline">
          ← Pilots
        </Link>
      </p>
      <PageHeader
        title={pilot.useCaseName}
        description={
          <span className="inline-flex flex-wrap items-center gap-2">
            <StageBadge stage={pilot.stage} />
            <PilotStatusBadge status={pilot.status} />
            <span>Owner: {pilot.ownerName ?? "nobody yet"}</span>
            <span>· In this stage since {formatDate(pilot.stageEnteredAt)}</span>
            {pilot.targetDate ? <span>· Target {formatDate(pilot.targetDate)}</span> : null}
          </span>
        }
        action={
          <div className="flex flex-wrap gap-2">
            <ButtonLink variant="outline" href={`/o/${orgSlug}/use-cases/${pilot.useCaseId}`}>
              Use case
            </ButtonLink>
            <ButtonLink variant="outline" href={`/o/${orgSlug}/pilots/${pilot.id}/report`}>
              <FileText aria-hidden /> Report
            </ButtonLink>
            {canEdit ? (
              <ButtonLink variant="outline" href={`/o/${orgSlug}/pilots/${pilot.id}/edit`}>
                <Pencil aria-hidden /> Edit
              </ButtonLink>
            ) : null}
          </div>
        }
      />

      <nav aria-label="Stages" className="mb-4">
        <ol className="flex flex-wrap gap-1 text-xs">
          {STAGES.map((s) => {
            const state =
              stageIndex(s) < stageIndex(pilot.stage)
                ? "done"
                : s === pilot.stage
                  ? "current"
                  : "todo";
            return (
              <li
                key={s}
                aria-current={state === "current" ? "step" : undefined}
                className={cn(
                  "relative rounded-full border px-3 py-1",
                  state === "current" && "border-primary bg-primary text-primary-foreground",
                  state === "done" && "border-primary/40 text-primary",
                  state === "todo" && "text-muted-foreground",
                )}
              >
                {STAGE_LABELS[s]}
                <span className="sr-only">
                  {state === "done" ? " (passed)" : state === "current" ? " (current)" : ""}
                </span>
              </li>
            );
          })}
        </ol>
      </nav>

      {brokenAssumptionWarning(pilot.stage, broken) ? (
        <p
          role="alert"
          className="mb-4 flex items-start gap-2 rounded-md border border-destructive/40 px-3 py-2 text-sm text-destructive"
        >
          <AlertTriangle className="mt-0.5 size-4 shrink-0" aria-hidden />
          {broken} assumption{broken === 1 ? " is" : "s are"} broken while this pilot acts on real
          work. Review the register below and consider rolling back.
        </p>
      ) : null}
    </>
  );
}

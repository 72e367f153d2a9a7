import { Check, X } from "lucide-react";
import type { ReactNode } from "react";
import { GateBadge } from "@/components/pilot-badges";
import { TitledCard } from "@/components/ui/card";
import { type Column, DataTable } from "@/components/ui/data-table";
import { IconSprite, SpriteIcon } from "@/components/ui/icon-sprite";
import type { CriterionResult, GateEvaluation, GateSignoff } from "@/lib/domain/gates";
import { ROLE_LABELS } from "@/lib/domain/roles";
import { STAGE_LABELS, type Stage } from "@/lib/domain/stages";
import { formatDateTime } from "@/lib/format";
import { signOffAction, withdrawSignoffAction } from "../actions";
import { SignoffForm, WithdrawSignoffForm } from "./signoff-form";

/**
 * The gate out of the current stage: each criterion's threshold, what was measured and
 * whether it passes, who signed off what (name, role, time and note), and, below, whatever
 * the page adds (override requests).
 */
export function GateCard({
  orgSlug,
  pilotId,
  next,
  retired,
  evaluation,
  signoffs,
  userId,
  canSignOff,
  children,
}: {
  orgSlug: string;
  pilotId: string;
  next: Stage | null;
  retired: boolean;
  evaluation: GateEvaluation | null;
  signoffs: GateSignoff[];
  /** The signed-in user, whose own sign-offs can be withdrawn. */
  userId: string | null;
  canSignOff: boolean;
  children?: ReactNode;
}) {
  const failing = evaluation?.criteria.filter((c) => !c.pass).length ?? 0;
  const labelOf = (kind: string) =>
    evaluation?.criteria.find((c) => c.kind === kind)?.label ?? kind;
  const signOff = signOffAction.bind(null, orgSlug, pilotId);
  const withdraw = withdrawSignoffAction.bind(null, orgSlug, pilotId);
  const columns: Column<CriterionResult>[] = [
    { key: "criterion", header: "Criterion", rowHeader: true, cell: (c) => c.label },
    {
      key: "result",
      header: "Result",
      cell: (c) =>
        c.pass ? (
          <span className="gate-result pass">
            <SpriteIcon id="gate-pass" /> Pass
          </span>
        ) : (
          <span className="gate-result fail">
            <SpriteIcon id="gate-fail" /> Fail
          </span>
        ),
    },
    { key: "measured", header: "Measured", cell: (c) => c.measured, className: "tabular-nums" },
    { key: "required", header: "Required", cell: (c) => c.threshold },
    {
      key: "signoffs",
      header: "Sign-offs",
      cell: (c) => {
        const signed = signoffs.filter((s) => s.criterion === c.kind);
        const mine = signed.some((s) => s.userId === userId);
        return (
          <>
            {signed.length > 0 ? (
              <p className="text-xs">
                Signed off by{" "}
                {signed
                  .map((s) => `${s.userName ?? "a member"} (${ROLE_LABELS[s.role]})`)
                  .join(", ")}
              </p>
            ) : null}
            {!mine && canSignOff && !retired && userId ? (
              <SignoffForm action={signOff} criterion={c.kind} label={c.label} />
            ) : signed.length === 0 ? (
              <span className="text-xs text-muted-foreground">None</span>
            ) : null}
          </>
        );
      },
    },
  ];
  return (
    <TitledCard
      headingId="gate-heading"
      data-testid="gate-card"
      title={next ? `Gate to ${STAGE_LABELS[next].toLowerCase()}` : "In production"}
      description={
        next
          ? "Each criterion is checked now against this stage's run metrics, incidents, assumptions and sign-offs."
          : "No gate is left. Keep recording run metrics and incidents; roll back if they turn."
      }
      action={
        retired ? null : <GateBadge pass={evaluation ? evaluation.pass : null} failing={failing} />
      }
    >
      {evaluation ? (
        <>
          {/* Each criterion shows one of two icons: drawn once here, used by every row. */}
          <IconSprite icons={{ "gate-pass": Check, "gate-fail": X }} />
          <DataTable
            caption="Exit criteria of the current stage"
            columns={columns}
            rows={evaluation.criteria}
            rowKey={(c) => c.kind}
            rowTestId={(c) => `criterion-${c.kind}`}
            testId="gate-table"
            stackOnPhones
          />
          <div className="mt-4 border-t pt-4">
            <h3 className="text-sm font-semibold">Sign-offs for this stage</h3>
            {signoffs.length === 0 ? (
              <p className="mt-1 text-sm text-muted-foreground">
                Nobody has signed off a criterion of this gate yet.
              </p>
            ) : (
              <ul className="mt-2 grid gap-2" data-testid="signoffs">
                {signoffs.map((s) => (
                  <li
                    key={s.id}
                    className="rounded-md border px-3 py-2 text-sm"
                    data-testid="signoff"
                  >
                    <p>
                      <span className="font-medium">{s.userName ?? "A member"}</span> (
                      {ROLE_LABELS[s.role]}) signed off{" "}
                      <span className="font-medium">{labelOf(s.criterion)}</span>
                    </p>
                    <p className="text-xs text-muted-foreground">
                      <time dateTime={s.createdAt.toISOString()}>
                        {formatDateTime(s.createdAt)}
                      </time>
                      {s.userId === userId && !retired ? (
                        <>
                          {" · "}
                          <WithdrawSignoffForm action={withdraw} signoffId={s.id} />
                        </>
                      ) : null}
                    </p>
                    {s.note ? <p className="mt-1 whitespace-pre-wrap">“{s.note}”</p> : null}
                  </li>
                ))}
              </ul>
            )}
            <p className="mt-3 text-xs text-muted-foreground">
              Sign-offs count for the role the signer held when signing; the person who asks for a
              promotion cannot be its only approver. Sign-offs lapse when the pilot changes stage.
              Thresholds are set in Settings → Gates.
            </p>
          </div>
        </>
      ) : null}
      {children}
    </TitledCard>
  );
}

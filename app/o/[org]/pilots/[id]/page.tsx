import { AlertTriangle, Check, Download, Pencil, ShieldAlert, X } from "lucide-react";
import type { Metadata } from "next";
import Link from "next/link";
import { Suspense } from "react";
import { RunMetricsChart } from "@/components/charts/run-metrics-chart";
import { IncidentTable } from "@/components/incidents/incident-table";
import { GateBadge, PilotStatusBadge, StageBadge } from "@/components/pilot-badges";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { Card, CardHeader } from "@/components/ui/card";
import { PageHeader } from "@/components/ui/page-header";
import { listPilotIncidents } from "@/db/queries/incidents";
import { listPilotAssumptions } from "@/db/queries/pilot-assumptions";
import { getPilot, getPilotGate, listPilotTimeline } from "@/db/queries/pilots";
import { listRunMetrics } from "@/db/queries/run-metrics";
import { requireMember } from "@/lib/auth/session";
import { can } from "@/lib/domain/permissions";
import {
  ASSUMPTION_STATUS_LABELS,
  ASSUMPTION_STATUSES,
  brokenAssumptionWarning,
  nextStage,
  rollbackTargets,
  TRANSITION_LABELS,
} from "@/lib/domain/pilots";
import { ROLE_LABELS, roleAtLeast } from "@/lib/domain/roles";
import { STAGE_LABELS, STAGES, stageIndex } from "@/lib/domain/stages";
import { formatDate, formatDateTime } from "@/lib/format";
import { found } from "@/lib/pages";
import { cn } from "@/lib/utils";
import {
  IncidentMetricsPending,
  IncidentMetricsSection,
} from "../../incidents/_components/incident-metrics-section";
import { AssumptionForm, NewAssumptionForm } from "./_components/assumption-form";
import { RunMetricForm, RunMetricsImportForm } from "./_components/run-metric-form";
import { SignoffForm, WithdrawSignoffForm } from "./_components/signoff-form";
import { TransitionForm } from "./_components/transition-form";
import {
  addAssumptionAction,
  importRunMetricsAction,
  recordRunMetricsAction,
  signOffAction,
  transitionPilotAction,
  updateAssumptionAction,
  withdrawSignoffAction,
} from "./actions";

export const metadata: Metadata = { title: "Pilot · Preflight" };

const pct = (n: number | null) => (n === null ? "—" : `${(Math.round(n * 1000) / 10).toString()}%`);
const num = new Intl.NumberFormat("en-GB");

export default async function PilotPage({
  params,
}: {
  params: Promise<{ org: string; id: string }>;
}) {
  const { org, id } = await params;
  const member = await requireMember(org);
  const [pilot, gate, timeline, metrics, assumptions, incidents] = await found(
    Promise.all([
      getPilot(member, id),
      getPilotGate(member, id),
      listPilotTimeline(member, id),
      listRunMetrics(member, id),
      listPilotAssumptions(member, id),
      listPilotIncidents(member, id),
    ]),
  );
  const orgSlug = member.orgSlug;
  const base = `/o/${orgSlug}/pilots/${id}`;
  const userId = member.actor.type === "user" ? member.actor.userId : null;
  const canWrite = can(member, "pilot:write") && pilot.status !== "retired";
  const canOverride = roleAtLeast(member.role, "admin");
  const next = nextStage(pilot.stage);
  const broken = assumptions.filter((a) => a.status === "broken").length;
  const evaluation = gate.evaluation;
  const failing = evaluation?.criteria.filter((c) => !c.pass).length ?? 0;

  const transitionAction = transitionPilotAction.bind(null, orgSlug, id);
  const chartData = metrics.map((m) => ({
    label: m.periodStart,
    accuracy: m.accuracy === null ? null : Math.round(m.accuracy * 1000) / 10,
    overrideRate: m.overrideRate === null ? null : Math.round(m.overrideRate * 1000) / 10,
  }));
  const markers = timeline
    .filter((t) => t.kind === "promote" || t.kind === "rollback")
    .flatMap((t) => {
      const day = t.createdAt.toISOString().slice(0, 10);
      const at = metrics.find((m) => m.periodStart >= day);
      return at ? [{ label: at.periodStart, text: `→ ${STAGE_LABELS[t.toStage]}` }] : [];
    });

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
            <Button asChild variant="outline">
              <Link href={`/o/${orgSlug}/use-cases/${pilot.useCaseId}`}>Use case</Link>
            </Button>
            {canWrite ? (
              <Button asChild variant="outline">
                <Link href={`${base}/edit`}>
                  <Pencil aria-hidden /> Edit
                </Link>
              </Button>
            ) : null}
          </div>
        }
      />

      <nav aria-label="Stages" className="mb-4 overflow-x-auto">
        <ol className="flex min-w-max gap-1 text-xs">
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
                  "rounded-full border px-3 py-1",
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

      <div className="grid gap-4 xl:grid-cols-3">
        <Card className="xl:col-span-2" aria-labelledby="gate-heading">
          <div className="mb-4 flex flex-wrap items-start justify-between gap-3">
            <div>
              <h2 id="gate-heading" className="text-base font-semibold">
                {next ? `Gate to ${STAGE_LABELS[next].toLowerCase()}` : "In production"}
              </h2>
              <p className="mt-1 text-sm text-muted-foreground">
                {next
                  ? "Each criterion is checked now against this stage's run metrics, incidents, assumptions and sign-offs."
                  : "No gate is left. Keep recording run metrics and incidents; roll back if they turn."}
              </p>
            </div>
            {pilot.status === "retired" ? null : (
              <GateBadge pass={evaluation ? evaluation.pass : null} failing={failing} />
            )}
          </div>
          {evaluation ? (
            <div className="overflow-x-auto">
              <table className="w-full text-sm" data-testid="gate-table">
                <caption className="sr-only">Exit criteria of the current stage</caption>
                <thead className="text-left text-xs text-muted-foreground">
                  <tr className="border-b">
                    <th scope="col" className="py-2 pr-3 font-medium">
                      Criterion
                    </th>
                    <th scope="col" className="py-2 pr-3 font-medium">
                      Required
                    </th>
                    <th scope="col" className="py-2 pr-3 font-medium">
                      Measured
                    </th>
                    <th scope="col" className="py-2 pr-3 font-medium">
                      Result
                    </th>
                    <th scope="col" className="py-2 font-medium">
                      Sign-offs
                    </th>
                  </tr>
                </thead>
                <tbody>
                  {evaluation.criteria.map((c) => {
                    const signed = gate.signoffs.filter((s) => s.criterion === c.kind);
                    const mine = signed.find((s) => s.userId === userId);
                    return (
                      <tr
                        key={c.kind}
                        className="border-b align-top last:border-0"
                        data-testid={`criterion-${c.kind}`}
                      >
                        <th scope="row" className="py-2 pr-3 text-left font-medium">
                          {c.label}
                        </th>
                        <td className="py-2 pr-3">{c.threshold}</td>
                        <td className="py-2 pr-3 tabular-nums">{c.measured}</td>
                        <td className="py-2 pr-3">
                          {c.pass ? (
                            <span className="inline-flex items-center gap-1 text-success">
                              <Check className="size-4" aria-hidden /> Pass
                            </span>
                          ) : (
                            <span className="inline-flex items-center gap-1 text-destructive">
                              <X className="size-4" aria-hidden /> Fail
                            </span>
                          )}
                        </td>
                        <td className="py-2">
                          <ul className="grid gap-1 text-xs">
                            {signed.map((s) => (
                              <li key={s.id}>
                                {s.userName ?? "A member"} ({ROLE_LABELS[s.role]}),{" "}
                                {formatDate(s.createdAt)}
                                {s.note ? (
                                  <span className="text-muted-foreground"> — {s.note}</span>
                                ) : null}{" "}
                                {s.userId === userId ? (
                                  <WithdrawSignoffForm
                                    action={withdrawSignoffAction.bind(null, orgSlug, id)}
                                    signoffId={s.id}
                                  />
                                ) : null}
                              </li>
                            ))}
                          </ul>
                          {!mine &&
                          can(member, "pilot:signoff") &&
                          pilot.status !== "retired" &&
                          userId ? (
                            <SignoffForm
                              action={signOffAction.bind(null, orgSlug, id)}
                              criterion={c.kind}
                              label={c.label}
                            />
                          ) : null}
                        </td>
                      </tr>
                    );
                  })}
                </tbody>
              </table>
              <p className="mt-3 text-xs text-muted-foreground">
                Sign-offs count for the role the signer held when signing; the person who asks for a
                promotion cannot be its only approver. Sign-offs lapse when the pilot changes stage.
                Thresholds are set in Settings → Gates.
              </p>
            </div>
          ) : null}
        </Card>

        <Card aria-labelledby="move-heading">
          <h2 id="move-heading" className="mb-4 text-base font-semibold">
            Move this pilot
          </h2>
          {!canWrite ? (
            <p className="text-sm text-muted-foreground">
              {pilot.status === "retired"
                ? "This pilot is retired."
                : "Leads, admins and owners move pilots between stages."}
            </p>
          ) : (
            <div className="grid gap-6">
              {pilot.status === "paused" ? (
                <TransitionForm
                  id="resume"
                  action={transitionAction}
                  version={pilot.version}
                  title="Resume"
                  submitLabel="Resume pilot"
                  to="active"
                  reasonLabel="Why it can resume"
                  reasonRequired
                />
              ) : next ? (
                <TransitionForm
                  id="promote"
                  action={transitionAction}
                  version={pilot.version}
                  title={`Promote to ${STAGE_LABELS[next].toLowerCase()}`}
                  submitLabel={`Promote to ${STAGE_LABELS[next].toLowerCase()}`}
                  to={next}
                  reasonLabel="Justification"
                  reasonRequired={false}
                  allowOverride={canOverride && evaluation?.pass === false}
                />
              ) : null}
              {rollbackTargets(pilot.stage).length > 0 ? (
                <TransitionForm
                  id="rollback"
                  action={transitionAction}
                  version={pilot.version}
                  title="Roll back"
                  submitLabel="Roll back"
                  targets={rollbackTargets(pilot.stage).map((s) => ({
                    value: s,
                    label: STAGE_LABELS[s],
                  }))}
                  reasonLabel="Why roll back"
                  reasonRequired
                  tone="outline"
                />
              ) : null}
              {pilot.status === "active" ? (
                <TransitionForm
                  id="pause"
                  action={transitionAction}
                  version={pilot.version}
                  title="Pause"
                  submitLabel="Pause pilot"
                  to="paused"
                  reasonLabel="Why pause"
                  reasonRequired
                  tone="outline"
                />
              ) : null}
              <TransitionForm
                id="retire"
                action={transitionAction}
                version={pilot.version}
                title="Retire"
                submitLabel="Retire pilot"
                to="retired"
                reasonLabel="Why retire it"
                reasonRequired
                tone="destructive"
              />
            </div>
          )}
        </Card>
      </div>

      <Card className="mt-4" aria-labelledby="metrics-heading">
        <div className="mb-4 flex flex-wrap items-start justify-between gap-3">
          <div>
            <h2 id="metrics-heading" className="text-base font-semibold">
              Run metrics
            </h2>
            <p className="mt-1 text-sm text-muted-foreground">
              Accuracy = correct ÷ attempted actions; override rate = human overrides ÷ attempted
              actions; escalation rate = escalations ÷ attempted actions. Dashed lines mark stage
              changes.
            </p>
          </div>
          {metrics.length > 0 ? (
            <Button asChild variant="outline" size="sm">
              <a href={`${base}/run-metrics.csv`} download>
                <Download aria-hidden /> Export CSV
              </a>
            </Button>
          ) : null}
        </div>
        {metrics.length === 0 ? (
          <p className="mb-4 text-sm text-muted-foreground">
            No run metrics yet. Record what the AI did each day or week — by hand, from a CSV file,
            or through the API — and the gate checks accuracy and override rate against them.
          </p>
        ) : (
          <>
            <RunMetricsChart data={chartData} markers={markers} />
            <details className="mt-3">
              <summary className="cursor-pointer text-sm text-primary">
                Table of the same numbers
              </summary>
              <div className="mt-2 max-h-96 overflow-auto">
                <table className="w-full text-sm" data-testid="run-metrics-table">
                  <caption className="sr-only">Run metrics per period</caption>
                  <thead className="sticky top-0 bg-card text-left text-xs text-muted-foreground">
                    <tr className="border-b">
                      <th scope="col" className="py-2 pr-3 font-medium">
                        Period
                      </th>
                      <th scope="col" className="py-2 pr-3 font-medium">
                        Stage
                      </th>
                      <th scope="col" className="py-2 pr-3 text-right font-medium">
                        Attempted
                      </th>
                      <th scope="col" className="py-2 pr-3 text-right font-medium">
                        Correct
                      </th>
                      <th scope="col" className="py-2 pr-3 text-right font-medium">
                        Overrides
                      </th>
                      <th scope="col" className="py-2 pr-3 text-right font-medium">
                        Escalations
                      </th>
                      <th scope="col" className="py-2 pr-3 text-right font-medium">
                        Accuracy
                      </th>
                      <th scope="col" className="py-2 text-right font-medium">
                        Override rate
                      </th>
                    </tr>
                  </thead>
                  <tbody>
                    {[...metrics].reverse().map((m) => (
                      <tr key={m.id} className="border-b last:border-0">
                        <td className="py-1.5 pr-3">
                          {m.period === "week" ? "Week of " : ""}
                          {formatDate(m.periodStart)}
                        </td>
                        <td className="py-1.5 pr-3">{STAGE_LABELS[m.stage]}</td>
                        <td className="py-1.5 pr-3 text-right tabular-nums">
                          {num.format(m.attempted)}
                        </td>
                        <td className="py-1.5 pr-3 text-right tabular-nums">
                          {num.format(m.correct)}
                        </td>
                        <td className="py-1.5 pr-3 text-right tabular-nums">
                          {num.format(m.overrides)}
                        </td>
                        <td className="py-1.5 pr-3 text-right tabular-nums">
                          {num.format(m.escalations)}
                        </td>
                        <td className="py-1.5 pr-3 text-right tabular-nums">{pct(m.accuracy)}</td>
                        <td className="py-1.5 text-right tabular-nums">{pct(m.overrideRate)}</td>
                      </tr>
                    ))}
                  </tbody>
                </table>
              </div>
            </details>
          </>
        )}
        {can(member, "pilot:metrics") && pilot.status !== "retired" ? (
          <div className="mt-6 grid gap-6 border-t pt-4">
            <RunMetricForm
              action={recordRunMetricsAction.bind(null, orgSlug, id)}
              today={new Date().toISOString().slice(0, 10)}
            />
            <RunMetricsImportForm action={importRunMetricsAction.bind(null, orgSlug, id)} />
          </div>
        ) : null}
      </Card>

      <section className="mt-4 grid gap-4" aria-labelledby="incidents-heading">
        <div className="flex flex-wrap items-end justify-between gap-3">
          <div>
            <h2 id="incidents-heading" className="text-base font-semibold">
              Incidents
            </h2>
            <p className="mt-1 text-sm text-muted-foreground">
              {incidents.total === 0
                ? "No incidents recorded for this pilot."
                : `${incidents.total} in all, ${incidents.open} open. Open Sev1 and Sev2 incidents block every gate that requires none.`}
            </p>
          </div>
          <div className="flex gap-2">
            {incidents.total > 0 ? (
              <Button asChild variant="outline">
                <Link href={`/o/${orgSlug}/incidents?pilot=${id}`}>All its incidents</Link>
              </Button>
            ) : null}
            {can(member, "incident:write") && pilot.status !== "retired" ? (
              <Button asChild>
                <Link href={`/o/${orgSlug}/incidents/new?pilot=${id}`}>Log incident</Link>
              </Button>
            ) : null}
          </div>
        </div>
        {incidents.items.length > 0 ? (
          <Card>
            <IncidentTable
              incidents={incidents.items}
              orgSlug={orgSlug}
              caption="Most recent incidents of this pilot, open ones first"
              showPilot={false}
              testId="pilot-incidents"
            />
          </Card>
        ) : null}
        {incidents.total > 0 ? (
          <Suspense fallback={<IncidentMetricsPending />}>
            <IncidentMetricsSection member={member} filters={{ pilotId: id }} groupBy="week" />
          </Suspense>
        ) : null}
      </section>

      <div className="mt-4 grid gap-4 xl:grid-cols-2">
        <Card aria-labelledby="assumptions-heading">
          <CardHeader
            title="Assumptions"
            description="Beliefs this workflow depends on, from its assessment. Mark each verified, accepted as a risk, or broken as the pilot shows, with the evidence."
          />
          {assumptions.length === 0 ? (
            <p className="text-sm text-muted-foreground">The assessment recorded no assumptions.</p>
          ) : (
            <ul className="grid gap-4" data-testid="assumptions">
              {assumptions.map((a) => (
                <li key={a.id} className="grid gap-2 border-b pb-4 last:border-0">
                  <p className="text-sm">
                    <Badge
                      tone={
                        a.status === "broken"
                          ? "danger"
                          : a.status === "open"
                            ? "neutral"
                            : "success"
                      }
                      className="mr-2"
                    >
                      {ASSUMPTION_STATUS_LABELS[a.status]}
                    </Badge>
                    {a.text}
                  </p>
                  {a.updatedByName ? (
                    <p className="text-xs text-muted-foreground">
                      Last changed by {a.updatedByName}, {formatDateTime(a.updatedAt)}
                    </p>
                  ) : null}
                  {can(member, "pilot:assumptions") ? (
                    <AssumptionForm
                      action={updateAssumptionAction.bind(null, orgSlug, id)}
                      assumption={a}
                      statuses={ASSUMPTION_STATUSES.map((s) => ({
                        value: s,
                        label: ASSUMPTION_STATUS_LABELS[s],
                      }))}
                      disabled={pilot.status === "retired"}
                    />
                  ) : a.evidence ? (
                    <p className="text-xs text-muted-foreground">Evidence: {a.evidence}</p>
                  ) : null}
                </li>
              ))}
            </ul>
          )}
          {can(member, "pilot:assumptions") && pilot.status !== "retired" ? (
            <div className="mt-4 border-t pt-4">
              <NewAssumptionForm action={addAssumptionAction.bind(null, orgSlug, id)} />
            </div>
          ) : null}
        </Card>

        <Card aria-labelledby="timeline-heading">
          <CardHeader title="Timeline" description="Every move of this pilot: who, when and why." />
          <ol className="grid gap-4" data-testid="timeline">
            {[...timeline].reverse().map((t) => (
              <li key={t.id} className="border-l-2 pl-3 text-sm" data-testid="timeline-entry">
                <p className="flex flex-wrap items-center gap-2 font-medium">
                  {TRANSITION_LABELS[t.kind]}
                  {t.fromStage && t.fromStage !== t.toStage
                    ? ` from ${STAGE_LABELS[t.fromStage].toLowerCase()}`
                    : ""}
                  {t.kind === "start" || t.fromStage !== t.toStage
                    ? ` to ${STAGE_LABELS[t.toStage].toLowerCase()}`
                    : ""}
                  {t.overridden.length > 0 ? (
                    <Badge tone="danger">
                      <ShieldAlert className="size-3" aria-hidden /> Gate overridden
                    </Badge>
                  ) : null}
                </p>
                <p className="text-xs text-muted-foreground">
                  {t.actorName ?? t.actorLabel}, {formatDateTime(t.createdAt)}
                </p>
                {t.reason ? <p className="mt-1 whitespace-pre-wrap">“{t.reason}”</p> : null}
                {t.overridden.length > 0 ? (
                  <ul className="mt-1 list-disc pl-5 text-xs text-muted-foreground">
                    {t.overridden.map((c) => (
                      <li key={c.kind}>
                        {c.label}: needed {c.threshold}, measured {c.measured}
                      </li>
                    ))}
                  </ul>
                ) : null}
              </li>
            ))}
          </ol>
          <dl className="mt-4 grid gap-2 border-t pt-4 text-sm">
            <div>
              <dt className="text-muted-foreground">Started</dt>
              <dd>{formatDate(pilot.startDate)}</dd>
            </div>
            <div>
              <dt className="text-muted-foreground">Rollback plan</dt>
              <dd className="whitespace-pre-wrap">
                {pilot.rollbackPlan || <span className="text-destructive">None recorded yet.</span>}
              </dd>
            </div>
          </dl>
        </Card>
      </div>
    </>
  );
}

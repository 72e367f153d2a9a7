import type { Metadata } from "next";
import { LoopSection } from "@/components/loop/loop-section";
import { getIncidentMetrics } from "@/db/queries/incident-metrics";
import { getPilotLoop } from "@/db/queries/loop";
import { listOverrideRequests } from "@/db/queries/pilot-override-requests";
import { requireMember } from "@/lib/auth/session";
import { can } from "@/lib/domain/permissions";
import { found } from "@/lib/pages";
import { AssumptionsCard } from "./_components/assumptions-card";
import { GateCard } from "./_components/gate-card";
import { PilotIncidentsSection } from "./_components/incidents-section";
import { MovePilotCard } from "./_components/move-pilot-card";
import { OverrideRequests } from "./_components/override-requests";
import { PilotHeader } from "./_components/pilot-header";
import { RecordMetricsCard } from "./_components/record-metrics-card";
import { RunMetricsCard } from "./_components/run-metrics-card";
import { TimelineCard } from "./_components/timeline-card";
import { loadPilotView, type PilotPageProps } from "./_lib/pilot-view";

export const metadata: Metadata = { title: "Pilot · Preflight" };

/** Assumptions listed unless all are asked for: a long register is a page of its own. */
const SHOWN_ASSUMPTIONS = 5;
/** The most recent incidents listed; the incidents page lists them all. */
const LISTED_INCIDENTS = 5;

/**
 * One pilot: where it stands (gate, run metrics) first, then the forms that act on it, then
 * its incidents, what its assessment predicted against what happened, its assumptions and
 * timeline.
 */
export default async function PilotPage({
  params,
  searchParams,
}: PilotPageProps & { searchParams: Promise<{ assumptions?: string | string[] }> }) {
  const { org, id } = await params;
  const allAssumptions = (await searchParams).assumptions === "all";
  const member = await requireMember(org);
  const [{ pilot, gate, timeline, metrics, assumptions, incidents }, overrideRequests, loop] =
    await found(
      Promise.all([
        loadPilotView(member, id, LISTED_INCIDENTS),
        listOverrideRequests(member, id),
        getPilotLoop(member, id),
      ]),
    );
  const orgSlug = member.orgSlug;
  const retired = pilot.status === "retired";
  const userId = member.actor.type === "user" ? member.actor.userId : null;
  const canWrite = can(member, "pilot:write") && !retired;
  const canRecord = can(member, "pilot:metrics") && !retired;

  return (
    <>
      <PilotHeader
        orgSlug={orgSlug}
        pilot={pilot}
        brokenAssumptions={assumptions.filter((a) => a.status === "broken").length}
        canEdit={canWrite}
      />

      <div className="grid min-w-0 gap-4">
        <GateCard
          orgSlug={orgSlug}
          pilotId={id}
          next={gate.nextStage}
          retired={retired}
          evaluation={gate.evaluation}
          signoffs={gate.signoffs}
          userId={userId}
          canSignOff={can(member, "pilot:signoff")}
        >
          <OverrideRequests
            orgSlug={orgSlug}
            pilotId={id}
            requests={overrideRequests}
            userId={userId}
            canDecide={can(member, "pilot:override") && !retired}
          />
        </GateCard>

        <RunMetricsCard
          csvHref={`/o/${orgSlug}/pilots/${id}/run-metrics.csv`}
          metrics={metrics.rows}
          unit={metrics.unit}
          stageChanges={timeline
            .filter((t) => t.kind === "promote" || t.kind === "rollback")
            .map((t) => ({ at: t.createdAt, toStage: t.toStage }))}
        />

        <div className="grid min-w-0 gap-4 lg:grid-cols-2">
          <MovePilotCard
            orgSlug={orgSlug}
            pilot={pilot}
            next={gate.nextStage}
            canWrite={canWrite}
            canOverride={can(member, "pilot:override")}
            overridesNeedSecondApprover={gate.overridesNeedSecondApprover}
            overrideWaiting={overrideRequests.some(
              (r) => r.status === "pending" && r.staleReason === null,
            )}
            gatePass={gate.evaluation?.pass ?? null}
          />
          {canRecord ? (
            <RecordMetricsCard
              orgSlug={orgSlug}
              pilotId={id}
              startDate={pilot.startDate}
              today={new Date().toISOString().slice(0, 10)}
            />
          ) : null}
        </div>

        <PilotIncidentsSection
          orgSlug={orgSlug}
          pilotId={id}
          incidents={incidents}
          metrics={
            incidents.total > 0 ? getIncidentMetrics(member, { pilotId: id }, "month") : null
          }
          canLog={can(member, "incident:write") && !retired}
        />

        <LoopSection loop={loop} currency={member.currency} orgSlug={orgSlug} />

        <div className="grid min-w-0 gap-4 xl:grid-cols-2">
          <AssumptionsCard
            orgSlug={orgSlug}
            pilotId={id}
            assumptions={assumptions}
            canEdit={can(member, "pilot:assumptions")}
            retired={retired}
            shown={allAssumptions ? undefined : SHOWN_ASSUMPTIONS}
          />
          <TimelineCard
            timeline={timeline}
            startDate={pilot.startDate}
            rollbackPlan={pilot.rollbackPlan}
          />
        </div>
      </div>
    </>
  );
}

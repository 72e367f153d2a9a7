import { type ComponentProps, Suspense } from "react";
import {
  IncidentMetricsPending,
  IncidentMetricsSection,
} from "@/components/incidents/incident-metrics-section";
import { IncidentTable } from "@/components/incidents/incident-table";
import { ButtonLink } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import { cn } from "@/lib/utils";

/**
 * The pilot's incidents: counts, the most recent ones, and their metrics, with a link to their
 * charts on the incidents page.
 */
export function PilotIncidentsSection({
  orgSlug,
  pilotId,
  incidents,
  metrics,
  canLog,
  charts = false,
  className,
}: {
  orgSlug: string;
  pilotId: string;
  incidents: {
    total: number;
    open: number;
    items: ComponentProps<typeof IncidentTable>["incidents"];
  };
  /** The incidents' metrics by week, still being computed (null without incidents). */
  metrics: ComponentProps<typeof IncidentMetricsSection>["metrics"] | null;
  canLog: boolean;
  /** Draw the metrics' charts here (a printed report) rather than link to them. */
  charts?: boolean;
  className?: string;
}) {
  return (
    <section className={cn("grid min-w-0 gap-4", className)} aria-labelledby="incidents-heading">
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
        <div className="flex flex-wrap gap-2 no-print">
          {incidents.total > 0 ? (
            <ButtonLink variant="outline" href={`/o/${orgSlug}/incidents?pilot=${pilotId}`}>
              All its incidents
            </ButtonLink>
          ) : null}
          {canLog ? (
            <ButtonLink href={`/o/${orgSlug}/incidents/new?pilot=${pilotId}`}>
              Log incident
            </ButtonLink>
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
      {metrics ? (
        <Suspense fallback={<IncidentMetricsPending />}>
          <IncidentMetricsSection
            metrics={metrics}
            chartsHref={
              charts ? undefined : `/o/${orgSlug}/incidents?pilot=${pilotId}#incident-metrics`
            }
          />
        </Suspense>
      ) : null}
    </section>
  );
}

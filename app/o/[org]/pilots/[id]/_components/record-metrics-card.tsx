import { TitledCard } from "@/components/ui/card";
import { LazyDetails } from "@/components/ui/lazy-details";
import { importRunMetricsAction, recordRunMetricsAction } from "../actions";
import { RunMetricForm, RunMetricsImportForm } from "./run-metric-form";

/** Recording run metrics by hand, with the CSV import behind a disclosure. */
export function RecordMetricsCard({
  orgSlug,
  pilotId,
  startDate,
  today,
}: {
  orgSlug: string;
  pilotId: string;
  /** The pilot's start date: metrics cannot cover days before it. */
  startDate: string;
  today: string;
}) {
  return (
    <TitledCard
      headingId="record-metrics-heading"
      title="Record run metrics"
      description="What the AI did in one day or week. Recording a period again replaces it."
    >
      <RunMetricForm
        action={recordRunMetricsAction.bind(null, orgSlug, pilotId)}
        today={today}
        startDate={startDate}
      />
      <LazyDetails
        className="mt-4 rounded-md border"
        testId="csv-import"
        summaryClassName="cursor-pointer px-3 py-2 text-sm font-medium"
        summary="Import many periods from a CSV file"
      >
        <div className="border-t px-3 py-4">
          <RunMetricsImportForm action={importRunMetricsAction.bind(null, orgSlug, pilotId)} />
        </div>
      </LazyDetails>
    </TitledCard>
  );
}

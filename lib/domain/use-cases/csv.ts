import { formatIsoDateTime, roundTo } from "@/lib/format";
import { type CsvColumn, csvTable } from "../csv";
import type { UseCaseStatus } from "./index";

/** A use case with its latest submitted assessment, as the use cases export writes it. */
export type UseCaseCsvRow = {
  id: string;
  name: string;
  status: UseCaseStatus;
  ownerName: string | null;
  businessValue: number;
  annualValue: number | null;
  systems: readonly string[];
  archivedAt: Date | null;
  updatedAt: Date;
  latest: {
    id: string;
    overall: number | null;
    band: string | null;
    confidence: number | null;
    bankVersion: string;
    submittedAt: Date | null;
  } | null;
};

/** The columns of the use cases export; the annual value is in the organisation's `currency`. */
function useCaseCsvColumns(currency: string): CsvColumn<UseCaseCsvRow>[] {
  return [
    { header: "id", value: (u) => u.id },
    { header: "name", value: (u) => u.name },
    { header: "status", value: (u) => u.status },
    { header: "owner", value: (u) => u.ownerName },
    { header: "business_value", value: (u) => u.businessValue },
    { header: "annual_value", value: (u) => u.annualValue },
    { header: "currency", value: () => currency },
    { header: "systems", value: (u) => u.systems.join("; ") },
    { header: "archived_at", value: (u) => formatIsoDateTime(u.archivedAt) },
    { header: "latest_assessment_id", value: (u) => u.latest?.id },
    {
      header: "latest_score",
      value: (u) => (u.latest?.overall == null ? null : roundTo(u.latest.overall, 1)),
    },
    { header: "latest_band", value: (u) => u.latest?.band },
    {
      header: "latest_confidence",
      value: (u) => (u.latest?.confidence == null ? null : roundTo(u.latest.confidence, 2)),
    },
    { header: "latest_question_bank", value: (u) => u.latest?.bankVersion },
    { header: "latest_assessed_at", value: (u) => formatIsoDateTime(u.latest?.submittedAt) },
    { header: "updated_at", value: (u) => formatIsoDateTime(u.updatedAt) },
  ];
}

/** Use cases as CSV, each with the score, band and confidence of its latest submitted assessment. */
export function useCasesToCsv(rows: readonly UseCaseCsvRow[], currency: string): string {
  return csvTable(useCaseCsvColumns(currency), rows);
}

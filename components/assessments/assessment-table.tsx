import Link from "next/link";
import { BandBadge } from "@/components/band-badge";
import { type Column, DataTable, type DataTableSort } from "@/components/ui/data-table";
import type { EmptyStateProps } from "@/components/ui/empty-state";
import type { AssessmentSummary } from "@/lib/domain/assessments";
import { formatDate, formatPercent, formatScore } from "@/lib/format";

/** What the table shows of an assessment. */
export type AssessmentRow = Omit<AssessmentSummary, "useCaseId" | "bankVersion">;

/** The columns that sort on the assessments list, the first being its default. */
export const ASSESSMENT_SORT_KEYS = ["started", "useCase", "score", "confidence"] as const;

/** A number column, right-aligned and sorting highest first on its first click. */
function measure(
  key: (typeof ASSESSMENT_SORT_KEYS)[number],
  header: string,
  value: (a: AssessmentRow) => number | null,
  format: (n: number | null) => string,
): Column<AssessmentRow> {
  return {
    key,
    header,
    align: "right",
    firstDir: "desc",
    sortValue: value,
    cell: (a) => format(value(a)),
  };
}

/**
 * Assessments, newest first: the organisation's list (with the use case of each) and a use
 * case's own history (without). Each links to its wizard while in progress, to its results
 * once submitted.
 */
export function AssessmentTable({
  assessments,
  orgSlug,
  caption,
  showUseCase,
  sort,
  empty,
  inset,
}: {
  assessments: AssessmentRow[];
  orgSlug: string;
  caption: string;
  showUseCase: boolean;
  sort?: DataTableSort;
  empty?: EmptyStateProps;
  inset?: boolean;
}) {
  const href = (a: AssessmentRow) =>
    `/o/${orgSlug}/assessments/${a.id}${a.status === "submitted" ? "/results" : ""}`;
  const started = (a: AssessmentRow) =>
    `${formatDate(a.createdAt)}${a.createdByName ? ` by ${a.createdByName}` : ""}`;
  const columns: Column<AssessmentRow>[] = [
    showUseCase
      ? {
          key: "useCase",
          header: "Use case",
          rowHeader: true,
          sortValue: (a) => a.useCaseName,
          cell: (a) => (
            <Link href={href(a)} className="text-primary hover:underline">
              {a.useCaseName}
            </Link>
          ),
        }
      : {
          key: "started",
          header: "Started",
          rowHeader: true,
          cell: (a) => (
            <>
              <Link href={href(a)} className="text-primary hover:underline">
                {formatDate(a.createdAt)}
              </Link>
              {a.createdByName ? (
                <span className="font-normal text-muted-foreground"> by {a.createdByName}</span>
              ) : null}
            </>
          ),
        },
    {
      key: "status",
      header: "Status",
      className: "sm:whitespace-nowrap",
      cell: (a) =>
        a.status === "submitted"
          ? `Submitted ${formatDate(a.submittedAt)}`
          : `In progress · ${a.answered} answered`,
    },
    measure("score", "Score (0–100)", (a) => a.overall, formatScore),
    {
      key: "band",
      header: "Band",
      className: "sm:whitespace-nowrap",
      cell: (a) => <BandBadge band={a.band} />,
    },
    measure("confidence", "Confidence", (a) => a.confidence, formatPercent),
  ];
  if (showUseCase) {
    columns.push({
      key: "started",
      header: "Started",
      firstDir: "desc",
      sortValue: (a) => a.createdAt,
      className: "text-muted-foreground sm:whitespace-nowrap",
      cell: started,
    });
  }
  return (
    <DataTable
      caption={caption}
      columns={columns}
      rows={assessments}
      sort={sort}
      empty={empty}
      inset={inset}
      stackOnPhones
      testId="assessment-table"
    />
  );
}

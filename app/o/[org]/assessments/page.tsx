import { ClipboardCheck } from "lucide-react";
import type { Metadata } from "next";
import { ASSESSMENT_SORT_KEYS, AssessmentTable } from "@/components/assessments/assessment-table";
import { ButtonLink } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import { CsvDownloadLink } from "@/components/ui/csv-download-link";
import { parseSort } from "@/components/ui/data-table";
import { EmptyState } from "@/components/ui/empty-state";
import { FilterBar, isFiltered, selectFilter } from "@/components/ui/filter-bar";
import { PageHeader } from "@/components/ui/page-header";
import { listAssessments } from "@/db/queries/assessments";
import { listUseCases } from "@/db/queries/use-cases";
import { requireMember } from "@/lib/auth/session";
import { type ListPageProps, readListQuery } from "@/lib/pages";
import { assessmentListFilterSchema, toAssessmentFilters } from "./schemas";

export const metadata: Metadata = { title: "Assessments · Preflight" };

export default async function AssessmentsPage({ params, searchParams }: ListPageProps) {
  const member = await requireMember((await params).org);
  const { raw, filters } = await readListQuery(searchParams, assessmentListFilterSchema);
  const sort = parseSort(raw, ASSESSMENT_SORT_KEYS, { key: "started", dir: "desc" });
  const [assessments, useCases] = await Promise.all([
    listAssessments(member, toAssessmentFilters(filters)),
    listUseCases(member),
  ]);
  const base = `/o/${member.orgSlug}`;
  const fields = [
    selectFilter(
      "useCase",
      "Use case",
      "All use cases",
      useCases.map((u) => ({ value: u.id, label: u.name })),
    ),
  ];
  const filtered = isFiltered(fields, filters);
  return (
    <>
      <PageHeader
        title="Assessments"
        description="How ready is each workflow, and what stands in the way?"
        action={
          assessments.length > 0 ? (
            <CsvDownloadLink href={`${base}/assessments/export.csv`} params={raw}>
              Download answers CSV
            </CsvDownloadLink>
          ) : null
        }
      />
      {filtered || assessments.length > 0 ? (
        <FilterBar
          label="Filter assessments"
          clearHref={`${base}/assessments`}
          keep={{ sort: raw.sort, dir: raw.dir }}
          fields={fields}
          values={filters}
        />
      ) : null}
      {assessments.length === 0 && filtered ? (
        <EmptyState icon={ClipboardCheck} title="No assessments match">
          Clear the filter to see every assessment.
        </EmptyState>
      ) : assessments.length === 0 ? (
        <EmptyState
          icon={ClipboardCheck}
          title="No assessments yet"
          action={<ButtonLink href={`${base}/use-cases`}>Choose a use case to assess</ButtonLink>}
        >
          An assessment asks about hidden manual work, data, approvals, integrations, reversibility,
          observability, hand-offs and governance, and scores readiness with a traceable
          explanation. Start one from a use case.
        </EmptyState>
      ) : (
        <Card className="p-0">
          <AssessmentTable
            assessments={assessments}
            orgSlug={member.orgSlug}
            caption="Assessments"
            showUseCase
            sort={{ state: sort, pathname: `${base}/assessments`, params: raw }}
            inset
          />
        </Card>
      )}
    </>
  );
}

import { ClipboardCheck } from "lucide-react";
import type { Metadata } from "next";
import { ASSESSMENT_SORT_KEYS, AssessmentTable } from "@/components/assessments/assessment-table";
import { ButtonLink } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import { parseSort } from "@/components/ui/data-table";
import { EmptyState } from "@/components/ui/empty-state";
import { PageHeader } from "@/components/ui/page-header";
import { listAssessments } from "@/db/queries/assessments";
import { requireMember } from "@/lib/auth/session";
import { firstValues, type ListPageProps } from "@/lib/pages";

export const metadata: Metadata = { title: "Assessments · Preflight" };

export default async function AssessmentsPage({ params, searchParams }: ListPageProps) {
  const member = await requireMember((await params).org);
  const sort = parseSort(firstValues(await searchParams), ASSESSMENT_SORT_KEYS, {
    key: "started",
    dir: "desc",
  });
  const assessments = await listAssessments(member);
  const base = `/o/${member.orgSlug}`;
  return (
    <>
      <PageHeader
        title="Assessments"
        description="How ready is each workflow, and what stands in the way?"
      />
      {assessments.length === 0 ? (
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
            sort={{ state: sort, pathname: `${base}/assessments` }}
            inset
          />
        </Card>
      )}
    </>
  );
}

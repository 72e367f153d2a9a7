import { ClipboardCheck } from "lucide-react";
import type { Metadata } from "next";
import Link from "next/link";
import { BandBadge } from "@/components/band-badge";
import { Button } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import { EmptyState } from "@/components/ui/empty-state";
import { PageHeader } from "@/components/ui/page-header";
import { listAssessments } from "@/db/queries/assessments";
import { requireMember } from "@/lib/auth/session";
import { formatDate, formatPercent, formatScore } from "@/lib/format";

export const metadata: Metadata = { title: "Assessments · Preflight" };

export default async function AssessmentsPage({ params }: { params: Promise<{ org: string }> }) {
  const member = await requireMember((await params).org);
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
          action={
            <Button asChild>
              <Link href={`${base}/use-cases`}>Choose a use case to assess</Link>
            </Button>
          }
        >
          An assessment asks about hidden manual work, data, approvals, integrations, reversibility,
          observability, hand-offs and governance, and scores readiness with a traceable
          explanation. Start one from a use case.
        </EmptyState>
      ) : (
        <Card className="p-0">
          <div className="overflow-x-auto">
            <table className="w-full text-sm">
              <caption className="sr-only">Assessments, newest first</caption>
              <thead className="text-left text-xs text-muted-foreground">
                <tr className="border-b">
                  <th scope="col" className="px-5 py-2 font-medium">
                    Use case
                  </th>
                  <th scope="col" className="px-3 py-2 font-medium">
                    Status
                  </th>
                  <th scope="col" className="px-3 py-2 text-right font-medium">
                    Score (0–100)
                  </th>
                  <th scope="col" className="px-3 py-2 font-medium">
                    Band
                  </th>
                  <th scope="col" className="px-3 py-2 text-right font-medium">
                    Confidence
                  </th>
                  <th scope="col" className="px-5 py-2 font-medium">
                    Started
                  </th>
                </tr>
              </thead>
              <tbody>
                {assessments.map((a) => (
                  <tr key={a.id} className="border-b last:border-0 hover:bg-muted/50">
                    <td className="px-5 py-2.5">
                      <Link
                        href={`${base}/assessments/${a.id}${a.status === "submitted" ? "/results" : ""}`}
                        className="font-medium hover:underline"
                      >
                        {a.useCaseName}
                      </Link>
                    </td>
                    <td className="px-3 py-2.5">
                      {a.status === "submitted"
                        ? `Submitted ${formatDate(a.submittedAt)}`
                        : `In progress · ${a.answered} answered`}
                    </td>
                    <td className="px-3 py-2.5 text-right tabular-nums">
                      {formatScore(a.overall)}
                    </td>
                    <td className="px-3 py-2.5">
                      <BandBadge band={a.band} />
                    </td>
                    <td className="px-3 py-2.5 text-right tabular-nums">
                      {formatPercent(a.confidence)}
                    </td>
                    <td className="px-5 py-2.5 text-muted-foreground">
                      {formatDate(a.createdAt)}
                      {a.createdByName ? ` by ${a.createdByName}` : ""}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        </Card>
      )}
    </>
  );
}

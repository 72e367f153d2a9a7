import { GraduationCap } from "lucide-react";
import type { Metadata } from "next";
import Link from "next/link";
import { Button } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import { type Column, DataTable } from "@/components/ui/data-table";
import { EmptyState } from "@/components/ui/empty-state";
import { NumbersTable } from "@/components/ui/numbers-table";
import { PageHeader } from "@/components/ui/page-header";
import { LESSONS_LIMIT, listLessons } from "@/db/queries/loop";
import { requireMember } from "@/lib/auth/session";
import { CATEGORY_LABELS, INCIDENT_CATEGORIES, SEVERITY_LABELS } from "@/lib/domain/incidents";
import {
  CATEGORY_DIMENSIONS,
  groupLessons,
  type LessonDto,
  type LessonGroup,
  LOOP_DEFINITIONS,
} from "@/lib/domain/loop";
import { CURRENT_QUESTION_BANK_VERSION, getQuestionBank } from "@/lib/domain/question-bank";
import { formatDate, formatNumber, formatScore } from "@/lib/format";

export const metadata: Metadata = { title: "Lessons · Preflight" };

/** Incidents each dimension's table lists; the rest are counted. */
const ROWS_PER_DIMENSION = 25;

/** Answers each dimension lists at once; the rest are one click away. */
const ANSWERS_SHOWN = 4;

function AnswersTable({ group }: { group: LessonGroup }) {
  const columns: Column<LessonGroup["answers"][number]>[] = [
    { key: "question", header: "Question", cell: (a) => a.prompt, rowHeader: true },
    { key: "answer", header: "Answer given", cell: (a) => a.answer },
    {
      key: "lessons",
      header: "Incidents after it",
      cell: (a) =>
        a.pinned > 0 ? `${a.lessons} (${a.pinned} broke its assumption)` : String(a.lessons),
      align: "right",
    },
  ];
  const table = (rows: LessonGroup["answers"], caption: string) => (
    <DataTable
      caption={caption}
      columns={columns}
      rows={rows}
      rowKey={(a) => `${a.questionId}:${a.answer}`}
      stackOnPhones
      testId="lesson-answers"
    />
  );
  const rest = group.answers.slice(ANSWERS_SHOWN);
  return (
    <div className="grid min-w-0 gap-2">
      {table(group.answers.slice(0, ANSWERS_SHOWN), `Answers to distrust: ${group.dimensionTitle}`)}
      {rest.length > 0 ? (
        <details>
          <summary className="cursor-pointer text-sm text-primary">
            {rest.length} more {rest.length === 1 ? "answer" : "answers"} of this dimension that
            said it was in hand
          </summary>
          <div className="mt-2">
            {table(rest, `More answers to distrust: ${group.dimensionTitle}`)}
          </div>
        </details>
      ) : null}
    </div>
  );
}

/** The incidents of one dimension: a client table fed its cells, so the payload carries each once. */
function IncidentsTable({ orgSlug, lessons }: { orgSlug: string; lessons: LessonDto[] }) {
  const base = `/o/${orgSlug}`;
  return (
    <NumbersTable
      caption="Incidents after these answers"
      head={["Incident", "Severity", "Category", "Pilot", "Assessment", "Started"]}
      textColumns={6}
      rows={lessons.slice(0, ROWS_PER_DIMENSION).map((l) => [
        { text: l.title, href: `${base}/incidents/${l.incidentId}` },
        SEVERITY_LABELS[l.severity],
        CATEGORY_LABELS[l.category],
        { text: l.useCaseName, href: `${base}/pilots/${l.pilotId}` },
        {
          text: `${formatDate(l.assessmentSubmittedAt)}: known answers ${formatScore(l.knownScore)}`,
          href: `${base}/assessments/${l.assessmentId}/results`,
        },
        formatDate(l.startedAt),
      ])}
      rowTestId="lesson-row"
      stackOnPhones
    />
  );
}

function MappingTable() {
  const bank = getQuestionBank(CURRENT_QUESTION_BANK_VERSION)!;
  const title = (id: string | null) =>
    id === null ? "None" : (bank.dimensions.find((d) => d.id === id)?.title ?? id);
  const columns: Column<(typeof INCIDENT_CATEGORIES)[number]>[] = [
    {
      key: "category",
      header: "Incident category",
      cell: (c) => CATEGORY_LABELS[c],
      rowHeader: true,
    },
    {
      key: "dimension",
      header: "Dimension it tests",
      cell: (c) => title(CATEGORY_DIMENSIONS[c].dimensionId),
    },
    { key: "why", header: "Why", cell: (c) => CATEGORY_DIMENSIONS[c].why },
  ];
  return (
    <DataTable
      caption="Which dimension each incident category tests"
      columns={columns}
      rows={[...INCIDENT_CATEGORIES]}
      rowKey={(c) => c}
      stackOnPhones
    />
  );
}

/**
 * Lessons: incidents whose category tests a dimension the pilot's assessment answered well,
 * grouped by dimension with the answers behind them, so the next assessment knows which
 * answers to question harder.
 */
export default async function LessonsPage({ params }: { params: Promise<{ org: string }> }) {
  const member = await requireMember((await params).org);
  const { lessons, total } = await listLessons(member);
  const groups = groupLessons(lessons);
  const base = `/o/${member.orgSlug}`;
  return (
    <>
      <PageHeader
        title="Lessons"
        description="Where did an assessment say a risk was in hand, and an incident show it was not? These are the answers to distrust next time."
      />
      {groups.length === 0 ? (
        <EmptyState
          icon={GraduationCap}
          title="No lessons yet"
          action={
            <Button asChild variant="outline">
              <Link href={`${base}/incidents`}>See the incidents</Link>
            </Button>
          }
        >
          {LOOP_DEFINITIONS.lesson} None so far: no incident has followed answers that said its
          dimension was in hand, counting from each pilot's start.
        </EmptyState>
      ) : (
        <div className="grid min-w-0 gap-4">
          <p className="text-sm text-muted-foreground" data-testid="lessons-summary">
            {formatNumber(total, 0)} {total === 1 ? "incident" : "incidents"} in {groups.length}{" "}
            {groups.length === 1 ? "dimension" : "dimensions"}
            {total > LESSONS_LIMIT
              ? `; the ${LESSONS_LIMIT} most severe and recent are grouped below`
              : ""}
            . {LOOP_DEFINITIONS.lesson} {LOOP_DEFINITIONS.answeredWell}
          </p>
          {groups.map((g) => (
            <Card
              key={g.dimensionId}
              aria-labelledby={`lesson-${g.dimensionId}`}
              data-testid="lesson-group"
            >
              <h2 id={`lesson-${g.dimensionId}`} className="text-base font-semibold">
                {g.dimensionTitle}
              </h2>
              <p className="mt-1 mb-4 text-sm text-muted-foreground">
                {g.lessons.length} {g.lessons.length === 1 ? "incident" : "incidents"} after answers
                that said it was in hand
                {g.lessons.length > ROWS_PER_DIMENSION
                  ? `; the ${ROWS_PER_DIMENSION} most severe and recent are listed`
                  : ""}
                .
              </p>
              <div className="grid min-w-0 gap-5">
                <AnswersTable group={g} />
                <IncidentsTable orgSlug={member.orgSlug} lessons={g.lessons} />
              </div>
            </Card>
          ))}
        </div>
      )}
      <details className="mt-6">
        <summary className="cursor-pointer text-sm text-primary">
          Which dimension each incident category tests
        </summary>
        <div className="mt-2">
          <MappingTable />
        </div>
      </details>
    </>
  );
}

import type { Metadata } from "next";
import { TitledCard } from "@/components/ui/card";
import { type Column, DataTable } from "@/components/ui/data-table";
import { ReportHeader } from "@/components/ui/report-header";
import {
  getWorkshop,
  getWorkshopLive,
  listConsensus,
  listWorkshopParticipants,
  workshopBank,
} from "@/db/queries/workshops";
import { requireMember } from "@/lib/auth/session";
import {
  type ConsensusDimensionScore,
  consensusDimensionScores,
  participationByRole,
  type RoleParticipation,
  roomWasSplit,
  SPLIT_DISAGREEMENT,
  sortByDisagreement,
  WORKSHOP_STATE_LABELS,
  workshopQuestions,
} from "@/lib/domain/workshops";
import { formatDate, formatDateTime, formatNumber, formatScore } from "@/lib/format";
import { found } from "@/lib/pages";

export const metadata: Metadata = { title: "Workshop report · Preflight" };

/** How many of the questions the room was split on the report details. */
const LISTED_DISAGREEMENTS = 10;

const PARTICIPATION_COLUMNS: Column<RoleParticipation>[] = [
  {
    key: "role",
    header: "Role tag",
    rowHeader: true,
    cell: (r) => r.roleTag ?? "No role tag",
  },
  { key: "people", header: "Participants", align: "right", cell: (r) => r.participants },
  { key: "answers", header: "Answers", align: "right", cell: (r) => r.answers },
];

const SCORE_COLUMNS: Column<ConsensusDimensionScore>[] = [
  { key: "dimension", header: "Dimension", rowHeader: true, cell: (d) => d.title },
  { key: "score", header: "Score", align: "right", cell: (d) => formatScore(d.score) },
  {
    key: "agreed",
    header: "Answers agreed",
    align: "right",
    cell: (d) => `${d.agreed} of ${d.questions}`,
  },
  { key: "dontKnow", header: "Don't know", align: "right", cell: (d) => d.dontKnow },
];

type Decision = {
  questionId: string;
  dimension: string;
  prompt: string;
  answer: string;
  note: string;
};

const DECISION_COLUMNS: Column<Decision>[] = [
  { key: "dimension", header: "Dimension", cell: (d) => d.dimension },
  { key: "question", header: "Question", rowHeader: true, cell: (d) => d.prompt },
  { key: "answer", header: "The room's answer", cell: (d) => d.answer },
  { key: "note", header: "Note", className: "text-muted-foreground", cell: (d) => d.note },
];

/**
 * A workshop as a printable report: who took part, what the room agreed scored per dimension,
 * where it disagreed (split by role, with the comments), and every decision with its note.
 */
export default async function WorkshopReportPage({
  params,
}: {
  params: Promise<{ org: string; id: string }>;
}) {
  const { org, id } = await params;
  const member = await requireMember(org);
  const workshop = await found(getWorkshop(member, id));
  const [live, participants, consensus] = await Promise.all([
    getWorkshopLive(member, id),
    listWorkshopParticipants(member, id),
    listConsensus(member, id),
  ]);
  const bank = workshopBank(workshop.bankVersion);
  const questions = workshopQuestions(bank, workshop.dimensions);
  const dimensions = bank.dimensions.filter((d) => workshop.dimensions.includes(d.id));
  const titles = new Map(dimensions.map((d) => [d.id, d.title]));
  const agreed = new Map(consensus.map((c) => [c.questionId, c]));
  const answerOf = (questionId: string) => {
    const c = agreed.get(questionId);
    if (!c) return null;
    if (c.dontKnow) return "Don't know";
    const question = questions.find((q) => q.id === questionId);
    return question?.options.find((o) => o.id === c.optionId)?.label ?? "—";
  };
  const split = sortByDisagreement(live.questions).filter(roomWasSplit);
  const decisions: Decision[] = questions.map((q) => ({
    questionId: q.id,
    dimension: titles.get(q.dimensionId) ?? "",
    prompt: q.prompt,
    answer: answerOf(q.id) ?? "Not recorded",
    note: agreed.get(q.id)?.note ?? "",
  }));
  const base = `/o/${member.orgSlug}/workshops/${workshop.id}`;

  return (
    <article className="report print:text-black" data-testid="report">
      <ReportHeader
        kind="Preflight workshop report"
        orgName={member.orgName}
        back={{ href: base, label: workshop.title }}
        title={`What did the room say about “${workshop.useCaseName}”?`}
        description={
          <>
            Workshop: {workshop.title} · {formatDate(workshop.date)} ·{" "}
            {WORKSHOP_STATE_LABELS[workshop.state].toLowerCase()} · {live.participants} participant
            {live.participants === 1 ? "" : "s"}, {workshop.anonymous ? "anonymous" : "named"}{" "}
            answers · report of {formatDateTime(new Date())}
          </>
        }
      />

      <div className="mb-6 grid gap-4 lg:grid-cols-2 print:mb-2 print:grid-cols-2 print:gap-2">
        <TitledCard headingId="participation-heading" title="Participation by role">
          <DataTable
            caption="Participants and answers per role tag"
            columns={PARTICIPATION_COLUMNS}
            rows={participationByRole(participants, workshop.roleTags)}
            rowKey={(r) => r.roleTag ?? ""}
            testId="report-participation"
          />
        </TitledCard>
        <TitledCard
          headingId="scores-heading"
          title="The room's answers, per dimension"
          description="0–100: the agreed answers' scores, weighted as in the assessment; follow-up questions, blockers and caps come with the assessment itself."
        >
          <DataTable
            caption="Score of the room's answers per dimension"
            columns={SCORE_COLUMNS}
            rows={consensusDimensionScores(questions, dimensions, consensus)}
            rowKey={(d) => d.dimensionId}
            testId="report-scores"
          />
        </TitledCard>
      </div>

      <TitledCard
        headingId="disagreements-heading"
        title={`Where the room disagreed (${split.length})`}
        description={`Questions with a disagreement of ${SPLIT_DISAGREEMENT} or more, the most disagreed first${split.length > LISTED_DISAGREEMENTS ? `; the first ${LISTED_DISAGREEMENTS} shown` : ""}. 0 means everyone chose answers of the same score, 1 an even split between the weakest and the strongest.`}
        className="mb-6 print:mb-2"
      >
        {split.length === 0 ? (
          <p className="text-sm text-muted-foreground">The room did not disagree much anywhere.</p>
        ) : (
          <ol className="grid gap-4 print:gap-2" data-testid="report-disagreements">
            {split.slice(0, LISTED_DISAGREEMENTS).map((q) => {
              const comments = live.comments.filter((c) => c.questionId === q.questionId);
              const note = agreed.get(q.questionId)?.note;
              return (
                <li key={q.questionId} className="keep-together border-t pt-3 print:pt-1">
                  <p className="font-medium">
                    {q.prompt}{" "}
                    <span className="text-sm font-normal text-muted-foreground">
                      ({titles.get(q.dimensionId)}; disagreement{" "}
                      {formatNumber(q.disagreement ?? 0, 2)})
                    </span>
                  </p>
                  <ul className="mt-1 grid gap-0.5 text-sm">
                    {q.byRole
                      .filter((r) => r.scored + r.dontKnow > 0)
                      .map((r) => (
                        <li key={r.roleTag}>
                          <span className="font-medium">{r.roleTag}:</span>{" "}
                          {[
                            ...r.options
                              .filter((o) => o.count > 0)
                              .map((o) => `\u201c${o.label}\u201d ${o.count}`),
                            ...(r.dontKnow ? [`\u201cDon't know\u201d ${r.dontKnow}`] : []),
                          ].join(", ")}
                        </li>
                      ))}
                  </ul>
                  {comments.length > 0 ? (
                    <ul className="mt-1 grid gap-0.5 text-sm text-muted-foreground">
                      {comments.map((c) => (
                        <li key={`${c.author} ${c.updatedAt}`}>
                          “{c.comment}” — {c.author}
                          {c.roleTag ? ` (${c.roleTag})` : ""}
                        </li>
                      ))}
                    </ul>
                  ) : null}
                  <p className="mt-1 text-sm">
                    The room's answer: {answerOf(q.questionId) ?? "not recorded"}
                    {note ? `. ${note}` : ""}
                  </p>
                </li>
              );
            })}
          </ol>
        )}
      </TitledCard>

      <TitledCard
        headingId="decisions-heading"
        title={`The room's answers (${consensus.length} of ${questions.length})`}
        description="What the facilitator recorded as the room's answer to each question, with the notes."
      >
        <DataTable
          caption="The room's answer to each question"
          columns={DECISION_COLUMNS}
          rows={decisions}
          rowKey={(d) => d.questionId}
          stackOnPhones
          testId="report-decisions"
        />
      </TitledCard>
    </article>
  );
}

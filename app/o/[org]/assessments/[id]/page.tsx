import { CircleAlert } from "lucide-react";
import type { Metadata } from "next";
import Link from "next/link";
import { redirect } from "next/navigation";
import { wizardQuestion } from "@/components/assessments/wizard-question";
import { type WizardAnswer, WizardStep } from "@/components/assessments/wizard-step";
import { Card } from "@/components/ui/card";
import { ConfirmForm } from "@/components/ui/confirm-form";
import { PageHeader } from "@/components/ui/page-header";
import {
  applicableQuestions,
  getAssessment,
  getCarryOver,
  previewResult,
} from "@/db/queries/assessments";
import { requireMember } from "@/lib/auth/session";
import { can } from "@/lib/domain/permissions";
import { getQuestionBank } from "@/lib/domain/question-bank";
import { answerProgress } from "@/lib/domain/scoring";
import { found } from "@/lib/pages";
import { saveAnswerAction, submitAssessmentAction } from "./actions";

export const metadata: Metadata = { title: "Assessment · Preflight" };

export default async function AssessmentWizardPage({
  params,
  searchParams,
}: {
  params: Promise<{ org: string; id: string }>;
  searchParams: Promise<{ step?: string }>;
}) {
  const { org, id } = await params;
  const member = await requireMember(org);
  const assessment = await found(getAssessment(member, id));
  const base = `/o/${member.orgSlug}/assessments/${id}`;
  if (assessment.status === "submitted" || !can(member, "assessment:answer"))
    redirect(`${base}/results`);
  const bank = getQuestionBank(assessment.bankVersion)!;
  const [applicable, carryOver] = await Promise.all([
    applicableQuestions(member, assessment),
    getCarryOver(member, assessment),
  ]);
  const useCaseHref = `/o/${member.orgSlug}/use-cases/${assessment.useCaseId}`;
  const carryOverNotice = carryOver?.notCarried.length ? (
    <Card className="mb-4 max-w-3xl border-warning/50" data-testid="carry-over">
      <h2 className="text-sm font-medium">
        {carryOver.carried.length} answers carried over from the previous assessment;{" "}
        {carryOver.notCarried.length} not carried
      </h2>
      <p className="mt-1 text-sm text-muted-foreground">
        This re-assessment uses question bank {assessment.bankVersion}. These earlier answers did
        not carry over, so answer them again:
      </p>
      <ul className="mt-2 grid list-disc gap-1 pl-5 text-sm">
        {carryOver.notCarried.map((n) => (
          <li key={n.questionId}>
            “{n.prompt}” — {n.reason}
          </li>
        ))}
      </ul>
    </Card>
  ) : null;
  const { step: requested } = await searchParams;
  const stepIndex = Math.max(
    0,
    bank.dimensions.findIndex((d) => d.id === requested),
  );
  const steps = bank.dimensions.map((d) => ({
    id: d.id,
    title: d.title,
    href: `${base}?step=${d.id}`,
  }));
  const header = (
    <PageHeader
      title={`Assessing “${assessment.useCaseName}”`}
      description={
        <>
          Answers save as you choose them; you can leave and come back. Question bank{" "}
          {assessment.bankVersion}.{" "}
          <Link className="text-primary underline underline-offset-4" href={useCaseHref}>
            Back to the use case
          </Link>
        </>
      }
    />
  );

  if (requested === "review") {
    // Counted as the result counts them, so the review and the results say the same.
    const result = previewResult(assessment);
    const progress = answerProgress(result);
    const shown = new Set(applicable);
    const missing = result.questions.filter((q) => q.state === "unanswered");
    const noInventory = assessment.inventory.length === 0;
    return (
      <>
        {header}
        {carryOverNotice}
        <Card className="grid max-w-3xl gap-4">
          <h2 className="text-lg font-semibold">Review and submit</h2>
          <p className="text-sm text-muted-foreground">
            <span className="font-medium text-foreground" data-testid="answer-counts">
              {progress.text}
            </span>
            . Unanswered and “don't know” answers never count in your favour: they count as gaps,
            lower the confidence of the result and show as things to find out. Submitting locks the
            answers and the action inventory; a later re-assessment starts from them.
          </p>
          {noInventory ? (
            <p
              className="flex items-start gap-1.5 rounded-md border border-warning/50 p-3 text-sm"
              data-testid="inventory-missing"
            >
              <CircleAlert className="mt-0.5 size-4 shrink-0 text-warning" aria-hidden />
              <span>
                The use case has no action inventory yet. List what the AI would read and change (a
                read-only assistant lists what it reads) on{" "}
                <Link className="text-primary underline underline-offset-4" href={useCaseHref}>
                  the use case page
                </Link>{" "}
                before submitting: questions and blockers depend on it.
              </span>
            </p>
          ) : null}
          {missing.length ? (
            <div>
              <h3 className="mb-2 flex items-center gap-1.5 text-sm font-medium">
                <CircleAlert className="size-4 text-warning" aria-hidden /> Not answered yet
              </h3>
              <ul className="grid gap-1 text-sm">
                {missing.map((q) => (
                  <li key={q.questionId}>
                    <Link
                      className="text-primary hover:underline"
                      href={`${base}?step=${q.dimensionId}`}
                    >
                      {q.prompt}
                    </Link>
                    {shown.has(q.questionId) ? null : (
                      <span className="text-muted-foreground">
                        {" "}
                        (a follow-up to a question not answered yet)
                      </span>
                    )}
                  </li>
                ))}
              </ul>
            </div>
          ) : null}
          <div className="flex flex-wrap items-center gap-3">
            <ConfirmForm
              action={submitAssessmentAction.bind(null, member.orgSlug, id)}
              fields={{}}
              triggerLabel="Submit assessment"
              title="Submit and lock this assessment?"
              description="The answers and the action inventory are frozen and the result is recorded. To change answers later, start a re-assessment."
              confirmLabel="Submit"
              primary
            />
            <Link className="text-sm text-primary hover:underline" href={`${base}/results`}>
              Preview the result first
            </Link>
          </div>
        </Card>
      </>
    );
  }

  const dimension = bank.dimensions[stepIndex]!;
  const answers: Record<string, WizardAnswer> = Object.fromEntries(
    assessment.answers.map((a) => [
      a.questionId,
      { optionId: a.optionId, dontKnow: a.dontKnow, evidence: a.evidence, revision: a.revision },
    ]),
  );
  const next = bank.dimensions[stepIndex + 1];
  const prev = bank.dimensions[stepIndex - 1];
  // Remount when someone else's change arrives, so the step starts from the saved state.
  const stateKey = assessment.answers.map((a) => `${a.questionId}:${a.revision}`).join("|");
  return (
    <>
      {header}
      {stepIndex === 0 ? carryOverNotice : null}
      <div className="mb-4">
        <p className="text-sm text-muted-foreground">
          Step {stepIndex + 1} of {bank.dimensions.length}
        </p>
        <h2 className="text-lg font-semibold">{dimension.title}</h2>
        <p className="text-sm text-muted-foreground">{dimension.description}</p>
      </div>
      <WizardStep
        key={`${dimension.id}-${stateKey}`}
        save={saveAnswerAction.bind(null, member.orgSlug, id)}
        stepId={dimension.id}
        questions={bank.questions.filter((q) => q.dimensionId === dimension.id).map(wizardQuestion)}
        allQuestions={bank.questions.map((q) => ({ id: q.id, dimensionId: q.dimensionId }))}
        steps={steps}
        initialAnswers={answers}
        initialApplicable={applicable}
        prevHref={prev ? `${base}?step=${prev.id}` : null}
        nextHref={next ? `${base}?step=${next.id}` : `${base}?step=review`}
        nextLabel={next ? "Next" : "Review and submit"}
      />
    </>
  );
}

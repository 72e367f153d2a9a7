import type { Metadata } from "next";
import Link from "next/link";
import { redirect } from "next/navigation";
import { wizardQuestion } from "@/components/assessments/wizard-question";
import { type WizardAnswer, WizardStep } from "@/components/assessments/wizard-step";
import { Card } from "@/components/ui/card";
import { getParticipantView } from "@/db/queries/workshop-participants";
import { currentParticipant } from "@/lib/auth/participant";
import { FollowTheRoom } from "../../_components/follow-the-room";
import { saveParticipantAnswerAction } from "../../actions";

export const metadata: Metadata = { title: "Workshop · Preflight" };

const WORDING = {
  navLabel: "Workshop steps",
  evidenceLabel: "Comment (optional): what the facilitator should know about your answer",
  evidencePlaceholder: "e.g. we fix this by hand every Monday",
};

export default async function ParticipantAnswersPage({
  params,
  searchParams,
}: {
  params: Promise<{ code: string }>;
  searchParams: Promise<{ step?: string }>;
}) {
  const { code } = await params;
  const participant = await currentParticipant();
  if (!participant) redirect(`/join/${encodeURIComponent(code)}`);
  const view = await getParticipantView(participant);
  const base = `/join/${view.joinCode}/answers`;
  if (view.joinCode !== code) redirect(base);
  const led = view.pace === "led" && view.currentDimension !== null;
  const header = (
    <div>
      <p className="text-sm text-muted-foreground">
        {view.displayName}
        {view.roleTag ? ` · ${view.roleTag}` : ""}
      </p>
      <h1 className="text-xl font-semibold">{view.workshopTitle}</h1>
    </div>
  );
  if (view.state !== "open") {
    return (
      <>
        {header}
        <FollowTheRoom />
        <Card className="grid gap-2" data-testid="workshop-paused">
          <h2 className="font-medium">The facilitator has paused the workshop</h2>
          <p className="text-sm text-muted-foreground">
            Your answers so far are saved. This page carries on by itself when the workshop resumes.
          </p>
        </Card>
      </>
    );
  }
  const { step: requested } = await searchParams;
  if (requested === "done" && !led) {
    return (
      <>
        {header}
        <Card className="grid gap-2" data-testid="participant-done">
          <h2 className="font-medium">Thank you: your answers are in</h2>
          <p className="text-sm text-muted-foreground">
            You can still change them while the workshop is open.
          </p>
          <Link className="text-sm font-medium text-primary hover:underline" href={base}>
            Review my answers
          </Link>
        </Card>
      </>
    );
  }
  const dimensions = led
    ? view.dimensions.filter((d) => d.id === view.currentDimension)
    : view.dimensions;
  const index = Math.max(
    0,
    dimensions.findIndex((d) => d.id === requested),
  );
  const dimension = dimensions[index] ?? view.dimensions[0]!;
  const next = dimensions[index + 1];
  const prev = dimensions[index - 1];
  const answers: Record<string, WizardAnswer> = Object.fromEntries(
    view.answers.map((a) => [
      a.questionId,
      { optionId: a.optionId, dontKnow: a.dontKnow, evidence: a.comment, revision: null },
    ]),
  );
  const questionIds = view.questions.map((q) => q.id);
  return (
    <>
      {header}
      {view.pace === "led" ? <FollowTheRoom /> : null}
      <div>
        <p className="text-sm text-muted-foreground">
          {led
            ? "The facilitator leads the room through this part"
            : `Part ${index + 1} of ${dimensions.length}`}
        </p>
        <h2 className="text-lg font-semibold">{dimension.title}</h2>
        <p className="text-sm text-muted-foreground">{dimension.description}</p>
      </div>
      <WizardStep
        key={dimension.id}
        save={saveParticipantAnswerAction.bind(null, questionIds)}
        stepId={dimension.id}
        questions={view.questions.filter((q) => q.dimensionId === dimension.id).map(wizardQuestion)}
        allQuestions={view.questions.map((q) => ({ id: q.id, dimensionId: q.dimensionId }))}
        steps={dimensions.map((d) => ({ id: d.id, title: d.title, href: `${base}?step=${d.id}` }))}
        initialAnswers={answers}
        initialApplicable={questionIds}
        prevHref={prev ? `${base}?step=${prev.id}` : null}
        nextHref={next ? `${base}?step=${next.id}` : `${base}?step=${led ? dimension.id : "done"}`}
        nextLabel={next ? "Next" : led ? "Save" : "Finish"}
        wording={WORDING}
      />
    </>
  );
}

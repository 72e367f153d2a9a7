import { CheckCircle2, Circle } from "lucide-react";
import Link from "next/link";
import { Card, CardHeader } from "@/components/ui/card";
import type { GettingStartedProgress } from "@/lib/domain/portfolio";

/** The first steps, from a use case to a pilot you can trust, each ticked from real data. */
export function GettingStarted({
  progress,
  base,
  className,
}: {
  progress: GettingStartedProgress;
  base: string;
  className?: string;
}) {
  const steps = [
    {
      done: progress.teammateInvited,
      label: "Invite the people who run and own the workflow",
      href: `${base}/settings/members`,
    },
    {
      done: progress.useCaseCreated,
      label: "Describe a candidate use case",
      href: `${base}/use-cases`,
    },
    {
      done: progress.assessmentSubmitted,
      label: "List the actions the AI would take and assess its readiness",
      href: `${base}/assessments`,
    },
    {
      done: progress.pilotStarted,
      label: "Start a pilot at the stage the assessment recommends",
      href: `${base}/pilots`,
    },
    {
      done: progress.runMetricsRecorded,
      label: "Record the pilot's run metrics: actions attempted, correct and overridden",
      href: `${base}/pilots`,
    },
    {
      done: progress.incidentLogged,
      label: "Log incidents as they happen",
      href: `${base}/incidents`,
    },
  ];
  const done = steps.filter((s) => s.done).length;
  return (
    <Card className={className}>
      <CardHeader
        title="Getting started"
        description={`From a first use case to a pilot you can trust: ${done} of ${steps.length} steps done.`}
      />
      <ol className="grid gap-2">
        {steps.map((step) => (
          <li
            key={step.label}
            className="flex items-center gap-2 text-sm"
            data-testid="getting-started-step"
            data-done={step.done ? "true" : "false"}
          >
            {step.done ? (
              <CheckCircle2 className="size-4 shrink-0 text-success" aria-label="Done" />
            ) : (
              <Circle className="size-4 shrink-0 text-muted-foreground" aria-label="To do" />
            )}
            <Link href={step.href} className="hover:underline">
              {step.label}
            </Link>
          </li>
        ))}
      </ol>
    </Card>
  );
}

/** Whether every first step is done (the dashboard then stops showing them). */
export function allStepsDone(p: GettingStartedProgress): boolean {
  return (
    p.teammateInvited &&
    p.useCaseCreated &&
    p.assessmentSubmitted &&
    p.pilotStarted &&
    p.runMetricsRecorded &&
    p.incidentLogged
  );
}

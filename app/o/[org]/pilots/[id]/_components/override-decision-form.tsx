"use client";

import { TextareaField } from "@/components/ui/field";
import type { FormAction } from "@/lib/action-result";
import { PilotStepForm, type StepTone } from "./pilot-step-form";

/** Approve, reject or withdraw one override request, with a note (required to reject). */
export function OverrideDecisionForm({
  action,
  requestId,
  version,
  decision,
  title,
  submitLabel,
  noteLabel,
  noteHint,
  tone = "default",
}: {
  action: FormAction;
  requestId: string;
  version: number;
  decision: "approve" | "reject" | "withdraw";
  /** Names the form, e.g. "Approve the override". */
  title: string;
  submitLabel: string;
  noteLabel?: string;
  noteHint?: string;
  tone?: StepTone;
}) {
  return (
    <PilotStepForm
      action={action}
      title={title}
      fields={{ requestId, version, decision }}
      submitLabel={submitLabel}
      tone={tone}
      className="grid gap-2"
    >
      {({ errors }) =>
        noteLabel ? (
          <TextareaField
            name="note"
            id={`${decision}-${requestId}-note`}
            label={noteLabel}
            hint={noteHint}
            errors={errors?.note}
            rows={2}
          />
        ) : null
      }
    </PilotStepForm>
  );
}

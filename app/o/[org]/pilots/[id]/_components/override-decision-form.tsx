"use client";

import { Field, fieldProps } from "@/components/ui/field";
import { Textarea } from "@/components/ui/input";
import { SubmitRow } from "@/components/ui/submit-row";
import { useFormAction } from "@/components/ui/use-form-action";
import type { ActionState } from "@/lib/action-result";

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
  action: (prev: ActionState, formData: FormData) => Promise<ActionState>;
  requestId: string;
  version: number;
  decision: "approve" | "reject" | "withdraw";
  /** Names the form, e.g. "Approve the override". */
  title: string;
  submitLabel: string;
  noteLabel?: string;
  noteHint?: string;
  tone?: "default" | "outline" | "destructive";
}) {
  const { action: formAction, pending, errors, formError, success } = useFormAction(action);
  const id = `${decision}-${requestId}`;
  return (
    <form action={formAction} className="grid gap-2" noValidate aria-label={title}>
      <input type="hidden" name="requestId" value={requestId} />
      <input type="hidden" name="version" value={version} />
      <input type="hidden" name="decision" value={decision} />
      {noteLabel ? (
        <Field id={`${id}-note`} label={noteLabel} hint={noteHint} errors={errors?.note}>
          <Textarea
            {...fieldProps(`${id}-note`, errors?.note, Boolean(noteHint))}
            name="note"
            rows={2}
          />
        </Field>
      ) : null}
      <SubmitRow
        label={submitLabel}
        pendingLabel="Working…"
        pending={pending}
        variant={tone}
        error={formError}
        success={success}
      />
    </form>
  );
}

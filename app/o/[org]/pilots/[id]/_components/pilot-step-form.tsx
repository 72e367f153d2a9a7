"use client";

import type * as React from "react";
import { SubmitRow } from "@/components/ui/submit-row";
import { useFormAction } from "@/components/ui/use-form-action";
import type { FormAction } from "@/lib/action-result";

export type StepTone = "default" | "outline" | "destructive";

/**
 * A form that takes one step on a pilot (a move, a decision on an override request): named by
 * its title, carrying its hidden `fields` (undefined ones left out), with the controls
 * `children` draws from the form's state, and ending with its submit button.
 */
export function PilotStepForm({
  action,
  title,
  fields,
  submitLabel,
  tone = "default",
  className,
  showEveryRefusal = false,
  children,
}: {
  action: FormAction;
  title: string;
  fields: Record<string, string | number | undefined>;
  submitLabel: string;
  tone?: StepTone;
  className: string;
  /** Beside the button, every refusal, even one its fields' errors already explain. */
  showEveryRefusal?: boolean;
  children: (form: ReturnType<typeof useFormAction>) => React.ReactNode;
}) {
  const form = useFormAction(action);
  return (
    <form action={form.action} className={className} noValidate aria-label={title}>
      {Object.entries(fields).map(([name, value]) =>
        value === undefined ? null : <input key={name} type="hidden" name={name} value={value} />,
      )}
      {children(form)}
      <SubmitRow
        label={submitLabel}
        pendingLabel="Working…"
        pending={form.pending}
        variant={tone}
        error={showEveryRefusal ? form.error : form.formError}
        success={form.success}
      />
    </form>
  );
}

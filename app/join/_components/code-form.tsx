"use client";

import { TextField } from "@/components/ui/field";
import { SubmitRow } from "@/components/ui/submit-row";
import { useFormAction } from "@/components/ui/use-form-action";
import type { FormAction } from "@/lib/action-result";

/** The join code, as read off the facilitator's screen. */
export function CodeForm({ action }: { action: FormAction }) {
  const { action: formAction, pending, field, formError } = useFormAction(action);
  return (
    <form action={formAction} className="grid gap-4" noValidate>
      <TextField
        {...field("code")}
        label="Workshop code"
        hint="Six letters and digits, shown on the screen."
        autoComplete="off"
        autoCapitalize="characters"
        spellCheck={false}
        className="font-mono text-lg tracking-widest uppercase"
        required
      />
      <SubmitRow label="Continue" pendingLabel="Looking…" pending={pending} error={formError} />
    </form>
  );
}

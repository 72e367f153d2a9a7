"use client";

import { SelectField, TextField } from "@/components/ui/field";
import { SubmitRow } from "@/components/ui/submit-row";
import { useFormAction } from "@/components/ui/use-form-action";
import type { FormAction } from "@/lib/action-result";

type Option = { value: string; label: string };

/** Adds one action to the inventory; the fields reset after a successful add. */
export function AddActionForm({
  action,
  options,
}: {
  action: FormAction;
  options: {
    access: Option[];
    reversibility: Option[];
    blastRadius: Option[];
    frequency: Option[];
  };
}) {
  const { action: formAction, pending, field, formError, success } = useFormAction(action);
  const select = (name: keyof typeof options, label: string, hint?: string) => (
    <SelectField
      {...field(name, "")}
      id={`action-${name}`}
      label={label}
      hint={hint}
      options={options[name]}
    >
      <option value="" disabled>
        Choose…
      </option>
    </SelectField>
  );
  return (
    <form action={formAction} className="grid gap-4" noValidate aria-label="Add an action">
      <div className="grid gap-4 sm:grid-cols-2">
        <TextField
          {...field("name")}
          id="action-name"
          label="Action"
          hint="What the AI would do."
          placeholder="Issue a refund"
        />
        <TextField {...field("system")} id="action-system" label="System" placeholder="Stripe" />
        {select("access", "Reads or writes")}
        {select("reversibility", "Reversibility", "Can a person undo it afterwards?")}
        {select("blastRadius", "Blast radius", "What a wrong action would affect.")}
        {select("frequency", "Frequency")}
      </div>
      <SubmitRow
        label="Add action"
        pendingLabel="Adding…"
        pending={pending}
        error={formError}
        success={success}
      />
    </form>
  );
}

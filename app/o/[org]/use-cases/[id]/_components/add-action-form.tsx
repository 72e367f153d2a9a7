"use client";

import { Button } from "@/components/ui/button";
import { Field, fieldProps, TextField } from "@/components/ui/field";
import { FormMessage } from "@/components/ui/form-message";
import { Input, Select } from "@/components/ui/input";
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
  const {
    action: formAction,
    pending,
    errors,
    values: v,
    formError,
    success,
  } = useFormAction(action);
  const select = (id: keyof typeof options, label: string, hint?: string) => (
    <Field id={`action-${id}`} label={label} hint={hint} errors={errors?.[id]}>
      <Select
        {...fieldProps(`action-${id}`, errors?.[id], Boolean(hint))}
        name={id}
        defaultValue={v?.[id] ?? ""}
        options={options[id]}
      >
        <option value="" disabled>
          Choose…
        </option>
      </Select>
    </Field>
  );
  return (
    <form action={formAction} className="grid gap-4" noValidate aria-label="Add an action">
      <div className="grid gap-4 sm:grid-cols-2">
        <Field id="action-name" label="Action" hint="What the AI would do." errors={errors?.name}>
          <Input
            {...fieldProps("action-name", errors?.name, true)}
            name="name"
            placeholder="Issue a refund"
            defaultValue={v?.name}
          />
        </Field>
        <TextField
          name="system"
          id="action-system"
          label="System"
          errors={errors?.system}
          placeholder="Stripe"
          defaultValue={v?.system}
        />
        {select("access", "Reads or writes")}
        {select("reversibility", "Reversibility", "Can a person undo it afterwards?")}
        {select("blastRadius", "Blast radius", "What a wrong action would affect.")}
        {select("frequency", "Frequency")}
      </div>
      <div className="flex flex-wrap items-center gap-3">
        <Button type="submit" disabled={pending}>
          {pending ? "Adding…" : "Add action"}
        </Button>
        <FormMessage error={formError} success={success} className="py-1.5" />
      </div>
    </form>
  );
}

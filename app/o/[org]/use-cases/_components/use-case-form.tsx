"use client";

import Link from "next/link";
import { Button } from "@/components/ui/button";
import { Field, fieldProps, SelectField, TextareaField, TextField } from "@/components/ui/field";
import { FormMessage } from "@/components/ui/form-message";
import { Input } from "@/components/ui/input";
import { useFormAction } from "@/components/ui/use-form-action";
import type { FormAction } from "@/lib/action-result";

export type UseCaseFormValues = {
  name: string;
  description: string;
  ownerId: string;
  businessValue: string;
  annualValue: string;
  systems: string;
  status: string;
  version?: number;
};

/** Create or edit a use case; keeps what was typed when the server finds a problem. */
export function UseCaseForm({
  action,
  initial,
  owners,
  statuses,
  values: valueLabels,
  currency,
  submitLabel,
  cancelHref,
}: {
  action: FormAction;
  initial: UseCaseFormValues;
  /** The organisation's currency (ISO 4217), which the annual value is in. */
  currency: string;
  owners: { id: string; name: string }[];
  statuses: { value: string; label: string }[];
  values: { value: string; label: string }[];
  submitLabel: string;
  cancelHref: string;
}) {
  const { action: formAction, pending, errors, values, formError } = useFormAction(action);
  const v = { ...initial, ...values } as UseCaseFormValues;
  return (
    <form action={formAction} className="grid max-w-2xl gap-5" noValidate>
      {initial.version ? <input type="hidden" name="version" value={initial.version} /> : null}
      <FormMessage error={formError} />
      <Field
        id="name"
        label="Name"
        hint="What the AI would do, in a few words."
        errors={errors?.name}
      >
        <Input {...fieldProps("name", errors?.name, true)} defaultValue={v.name} required />
      </Field>
      <TextareaField
        name="description"
        label="Description"
        hint="The workflow today, who does it, and what the AI would take over."
        errors={errors?.description}
        rows={4}
        defaultValue={v.description}
      />
      <div className="grid gap-5 sm:grid-cols-2">
        <SelectField
          name="ownerId"
          label="Owner"
          hint="Accountable for the outcome."
          errors={errors?.ownerId}
          defaultValue={v.ownerId}
          options={owners.map((o) => ({ value: o.id, label: o.name }))}
        >
          <option value="">No owner yet</option>
        </SelectField>
        <SelectField
          name="status"
          label="Status"
          errors={errors?.status}
          defaultValue={v.status}
          options={statuses}
        />
        <SelectField
          name="businessValue"
          label="Business value"
          errors={errors?.businessValue}
          defaultValue={v.businessValue}
          options={valueLabels}
        />
        <TextField
          name="annualValue"
          label={`Annual value (${currency})`}
          hint={`Optional. Estimated value per year in ${currency}, like 180000, 180,000 or 180k.`}
          errors={errors?.annualValue}
          defaultValue={v.annualValue}
        />
      </div>
      <Field
        id="systems"
        label="Systems touched"
        hint="Separate with commas, e.g. Salesforce, Zendesk, billing database."
        errors={errors?.systems}
      >
        <Input {...fieldProps("systems", errors?.systems, true)} defaultValue={v.systems} />
      </Field>
      <div className="flex gap-2">
        <Button type="submit" disabled={pending}>
          {pending ? "Saving…" : submitLabel}
        </Button>
        <Button asChild variant="ghost">
          <Link href={cancelHref}>Cancel</Link>
        </Button>
      </div>
    </form>
  );
}

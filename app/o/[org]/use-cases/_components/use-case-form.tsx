"use client";

import { Button, ButtonLink } from "@/components/ui/button";
import { SelectField, TextareaField, TextField } from "@/components/ui/field";
import { FormMessage } from "@/components/ui/form-message";
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
  const { action: formAction, pending, field, formError } = useFormAction(action);
  return (
    <form action={formAction} className="grid max-w-2xl gap-5" noValidate>
      {initial.version ? <input type="hidden" name="version" value={initial.version} /> : null}
      <FormMessage error={formError} />
      <TextField
        {...field("name", initial.name)}
        label="Name"
        hint="What the AI would do, in a few words."
        required
      />
      <TextareaField
        {...field("description", initial.description)}
        label="Description"
        hint="The workflow today, who does it, and what the AI would take over."
        rows={4}
      />
      <div className="grid gap-5 sm:grid-cols-2">
        <SelectField
          {...field("ownerId", initial.ownerId)}
          label="Owner"
          hint="Accountable for the outcome."
          options={owners.map((o) => ({ value: o.id, label: o.name }))}
        >
          <option value="">No owner yet</option>
        </SelectField>
        <SelectField {...field("status", initial.status)} label="Status" options={statuses} />
        <SelectField
          {...field("businessValue", initial.businessValue)}
          label="Business value"
          options={valueLabels}
        />
        <TextField
          {...field("annualValue", initial.annualValue)}
          label={`Annual value (${currency})`}
          hint={`Optional. Estimated value per year in ${currency}, like 180000, 180,000 or 180k.`}
        />
      </div>
      <TextField
        {...field("systems", initial.systems)}
        label="Systems touched"
        hint="Separate with commas, e.g. Salesforce, Zendesk, billing database."
      />
      <div className="flex gap-2">
        <Button type="submit" disabled={pending}>
          {pending ? "Saving…" : submitLabel}
        </Button>
        <ButtonLink variant="ghost" href={cancelHref}>
          Cancel
        </ButtonLink>
      </div>
    </form>
  );
}

"use client";

import Link from "next/link";
import { Button } from "@/components/ui/button";
import { Field, fieldProps } from "@/components/ui/field";
import { FormMessage } from "@/components/ui/form-message";
import { Input, Select, Textarea } from "@/components/ui/input";
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
  submitLabel,
  cancelHref,
}: {
  action: FormAction;
  initial: UseCaseFormValues;
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
      <Field
        id="description"
        label="Description"
        hint="The workflow today, who does it, and what the AI would take over."
        errors={errors?.description}
      >
        <Textarea
          {...fieldProps("description", errors?.description, true)}
          rows={4}
          defaultValue={v.description}
        />
      </Field>
      <div className="grid gap-5 sm:grid-cols-2">
        <Field
          id="ownerId"
          label="Owner"
          hint="Accountable for the outcome."
          errors={errors?.ownerId}
        >
          <Select
            {...fieldProps("ownerId", errors?.ownerId, true)}
            defaultValue={v.ownerId}
            options={owners.map((o) => ({ value: o.id, label: o.name }))}
          >
            <option value="">No owner yet</option>
          </Select>
        </Field>
        <Field id="status" label="Status" errors={errors?.status}>
          <Select
            {...fieldProps("status", errors?.status)}
            defaultValue={v.status}
            options={statuses}
          />
        </Field>
        <Field id="businessValue" label="Business value" errors={errors?.businessValue}>
          <Select
            {...fieldProps("businessValue", errors?.businessValue)}
            defaultValue={v.businessValue}
            options={valueLabels}
          />
        </Field>
        <Field
          id="annualValue"
          label="Annual value estimate (optional)"
          hint="Whole amount per year, e.g. 250000."
          errors={errors?.annualValue}
        >
          <Input
            {...fieldProps("annualValue", errors?.annualValue, true)}
            inputMode="numeric"
            defaultValue={v.annualValue}
          />
        </Field>
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

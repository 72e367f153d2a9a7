"use client";

import { Button } from "@/components/ui/button";
import { Field, fieldProps, TextField } from "@/components/ui/field";
import { FormMessage } from "@/components/ui/form-message";
import { Select } from "@/components/ui/input";
import { useFormAction } from "@/components/ui/use-form-action";
import type { FormAction } from "@/lib/action-result";

export function OrganisationForm({
  action,
  name,
  currency,
  currencies,
  version,
  canEdit,
}: {
  action: FormAction;
  name: string;
  currency: string;
  /** The currencies offered, with their labels ("GBP · British Pound"). */
  currencies: { value: string; label: string }[];
  version: number;
  canEdit: boolean;
}) {
  const {
    action: formAction,
    pending,
    errors,
    values,
    error,
    formError,
    success,
  } = useFormAction(action);
  return (
    <form action={formAction} className="grid max-w-md gap-4" noValidate>
      <input type="hidden" name="version" value={version} />
      <FormMessage error={formError} success={success} />
      <TextField
        name="name"
        label="Organisation name"
        errors={errors?.name}
        defaultValue={error ? values?.name : name}
        readOnly={!canEdit}
        required
      />
      <Field
        id="currency"
        label="Currency"
        hint="Every amount in this organisation (annual values, incident costs) is in this currency. Changing it relabels amounts already entered; it does not convert them."
        errors={errors?.currency}
      >
        <Select
          {...fieldProps("currency", errors?.currency, true)}
          defaultValue={error ? values?.currency : currency}
          disabled={!canEdit}
        >
          {currencies.map((c) => (
            <option key={c.value} value={c.value}>
              {c.label}
            </option>
          ))}
        </Select>
      </Field>
      {canEdit ? (
        <div>
          <Button type="submit" disabled={pending}>
            {pending ? "Saving…" : "Save changes"}
          </Button>
        </div>
      ) : (
        <p className="text-sm text-muted-foreground">
          Only admins and owners can change these settings.
        </p>
      )}
    </form>
  );
}

"use client";

import { Button } from "@/components/ui/button";
import { SelectField, TextField } from "@/components/ui/field";
import { FormMessage } from "@/components/ui/form-message";
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
      <SelectField
        name="currency"
        label="Currency"
        hint="Every amount in this organisation (annual values, incident costs) is in this currency. Changing it relabels amounts already entered; it does not convert them."
        errors={errors?.currency}
        defaultValue={error ? values?.currency : currency}
        disabled={!canEdit}
        options={currencies}
      />
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

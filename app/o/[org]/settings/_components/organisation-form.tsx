"use client";

import { useActionState } from "react";
import { Button } from "@/components/ui/button";
import { Field, fieldProps } from "@/components/ui/field";
import { FormMessage } from "@/components/ui/form-message";
import { Input, Select } from "@/components/ui/input";
import type { ActionState } from "@/lib/action-result";

export function OrganisationForm({
  action,
  name,
  currency,
  currencies,
  version,
  canEdit,
}: {
  action: (prev: ActionState, formData: FormData) => Promise<ActionState>;
  name: string;
  currency: string;
  /** The currencies offered, with their labels ("GBP · British Pound"). */
  currencies: { value: string; label: string }[];
  version: number;
  canEdit: boolean;
}) {
  const [state, formAction, pending] = useActionState(action, null);
  const errors = state?.ok === false ? state.fieldErrors : undefined;
  return (
    <form action={formAction} className="grid max-w-md gap-4" noValidate>
      <input type="hidden" name="version" value={version} />
      <FormMessage
        error={state?.ok === false && !errors ? state.error : null}
        success={state?.ok ? state.message : null}
      />
      <Field id="name" label="Organisation name" errors={errors?.name}>
        <Input
          {...fieldProps("name", errors?.name)}
          defaultValue={state?.ok === false ? state.values?.name : name}
          readOnly={!canEdit}
          required
        />
      </Field>
      <Field
        id="currency"
        label="Currency"
        hint="Every amount in this organisation (annual values, incident costs) is in this currency. Changing it relabels amounts already entered; it does not convert them."
        errors={errors?.currency}
      >
        <Select
          {...fieldProps("currency", errors?.currency, true)}
          defaultValue={state?.ok === false ? state.values?.currency : currency}
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

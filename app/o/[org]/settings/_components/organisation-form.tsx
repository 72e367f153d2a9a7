"use client";

import { useActionState } from "react";
import { Button } from "@/components/ui/button";
import { Field, fieldProps } from "@/components/ui/field";
import { FormMessage } from "@/components/ui/form-message";
import { Input } from "@/components/ui/input";
import type { ActionState } from "@/lib/action-result";

export function OrganisationForm({
  action,
  name,
  version,
  canEdit,
}: {
  action: (prev: ActionState, formData: FormData) => Promise<ActionState>;
  name: string;
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

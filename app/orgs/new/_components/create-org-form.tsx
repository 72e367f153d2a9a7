"use client";

import { useActionState } from "react";
import { Button } from "@/components/ui/button";
import { Field, fieldProps } from "@/components/ui/field";
import { FormMessage } from "@/components/ui/form-message";
import { Input } from "@/components/ui/input";
import { createOrganisationAction } from "../actions";

export function CreateOrganisationForm() {
  const [state, action, pending] = useActionState(createOrganisationAction, null);
  const errors = state?.ok === false ? state.fieldErrors : undefined;
  return (
    <form action={action} className="grid gap-4" noValidate>
      <FormMessage error={state?.ok === false && !errors ? state.error : null} />
      <Field id="name" label="Organisation name" errors={errors?.name}>
        <Input
          {...fieldProps("name", errors?.name)}
          defaultValue={state?.ok === false ? state.values?.name : undefined}
          required
        />
      </Field>
      <Button type="submit" disabled={pending}>
        {pending ? "Creating…" : "Create organisation"}
      </Button>
    </form>
  );
}

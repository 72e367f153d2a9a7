"use client";

import { useActionState } from "react";
import { Button } from "@/components/ui/button";
import { Field, fieldProps } from "@/components/ui/field";
import { FormMessage } from "@/components/ui/form-message";
import { Input } from "@/components/ui/input";
import { forgotPasswordAction } from "../actions";

export function ForgotPasswordForm() {
  const [state, action, pending] = useActionState(forgotPasswordAction, null);
  const errors = state?.ok === false ? state.fieldErrors : undefined;
  const values = state?.ok === false ? state.values : undefined;
  return (
    <form action={action} className="grid gap-4" noValidate>
      <FormMessage
        error={state?.ok === false && !errors ? state.error : null}
        success={state?.ok ? state.message : null}
      />
      <Field id="email" label="Email" errors={errors?.email}>
        <Input
          {...fieldProps("email", errors?.email)}
          type="email"
          autoComplete="email"
          defaultValue={values?.email}
          required
        />
      </Field>
      <Button type="submit" disabled={pending}>
        {pending ? "Sending…" : "Send me a link"}
      </Button>
    </form>
  );
}

"use client";

import { Button } from "@/components/ui/button";
import { TextField } from "@/components/ui/field";
import { FormMessage } from "@/components/ui/form-message";
import { useFormAction } from "@/components/ui/use-form-action";
import { forgotPasswordAction } from "../actions";

export function ForgotPasswordForm() {
  const { action, pending, errors, values, formError, success } =
    useFormAction(forgotPasswordAction);
  return (
    <form action={action} className="grid gap-4" noValidate>
      <FormMessage error={formError} success={success} />
      <TextField
        name="email"
        label="Email"
        errors={errors?.email}
        type="email"
        autoComplete="email"
        defaultValue={values?.email}
        required
      />
      <Button type="submit" disabled={pending}>
        {pending ? "Sending…" : "Send me a link"}
      </Button>
    </form>
  );
}

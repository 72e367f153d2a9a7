"use client";

import { useActionState } from "react";
import { Button } from "@/components/ui/button";
import { Field, fieldProps } from "@/components/ui/field";
import { FormMessage } from "@/components/ui/form-message";
import { Input } from "@/components/ui/input";
import { resetPasswordAction } from "../actions";

export function ResetPasswordForm({ token }: { token: string }) {
  const [state, action, pending] = useActionState(resetPasswordAction, null);
  const errors = state?.ok === false ? state.fieldErrors : undefined;
  return (
    <form action={action} className="grid gap-4" noValidate>
      <input type="hidden" name="token" value={token} />
      <FormMessage error={state?.ok === false && !errors?.password ? state.error : null} />
      <Field
        id="password"
        label="New password"
        hint="8 to 128 characters."
        errors={errors?.password}
      >
        <Input
          {...fieldProps("password", errors?.password, true)}
          type="password"
          autoComplete="new-password"
          required
        />
      </Field>
      <Button type="submit" disabled={pending}>
        {pending ? "Saving…" : "Set new password"}
      </Button>
    </form>
  );
}

"use client";

import { Button } from "@/components/ui/button";
import { TextField } from "@/components/ui/field";
import { FormMessage } from "@/components/ui/form-message";
import { useFormAction } from "@/components/ui/use-form-action";
import { resetPasswordAction } from "../actions";

export function ResetPasswordForm({ token }: { token: string }) {
  const { state, action, pending, errors } = useFormAction(resetPasswordAction);
  return (
    <form action={action} className="grid gap-4" noValidate>
      <input type="hidden" name="token" value={token} />
      {/* A spent or expired link fails on the token, not on a field the user can fix. */}
      <FormMessage error={state?.ok === false && !errors?.password ? state.error : null} />
      <TextField
        name="password"
        label="New password"
        hint="8 to 128 characters."
        errors={errors?.password}
        type="password"
        autoComplete="new-password"
        required
      />
      <Button type="submit" disabled={pending}>
        {pending ? "Saving…" : "Set new password"}
      </Button>
    </form>
  );
}

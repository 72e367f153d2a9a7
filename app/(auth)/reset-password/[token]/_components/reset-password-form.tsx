"use client";

import { AccountForm, PasswordField } from "@/components/account/account-form";
import { useFormAction } from "@/components/ui/use-form-action";
import { resetPasswordAction } from "../actions";

export function ResetPasswordForm({ token }: { token: string }) {
  const { state, action, pending, errors } = useFormAction(resetPasswordAction);
  return (
    <AccountForm
      action={action}
      pending={pending}
      // A spent or expired link fails on the token, not on a field the user can fix.
      error={state?.ok === false && !errors?.password ? state.error : null}
      submitLabel="Set new password"
      pendingLabel="Saving…"
    >
      <input type="hidden" name="token" value={token} />
      <PasswordField kind="new" label="New password" errors={errors?.password} />
    </AccountForm>
  );
}

"use client";

import { AccountForm, EmailField, PasswordField } from "@/components/account/account-form";
import { useFormAction } from "@/components/ui/use-form-action";
import { signInAction } from "../actions";

export function SignInForm({ callbackUrl }: { callbackUrl: string }) {
  const { action, pending, errors, values, formError } = useFormAction(signInAction);
  return (
    <AccountForm
      action={action}
      pending={pending}
      error={formError}
      submitLabel="Sign in"
      pendingLabel="Signing in…"
    >
      <input type="hidden" name="callbackUrl" value={callbackUrl} />
      <EmailField errors={errors?.email} defaultValue={values?.email} />
      <PasswordField kind="current" errors={errors?.password} />
    </AccountForm>
  );
}

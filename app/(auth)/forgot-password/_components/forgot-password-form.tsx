"use client";

import { AccountForm, EmailField } from "@/components/account/account-form";
import { useFormAction } from "@/components/ui/use-form-action";
import { forgotPasswordAction } from "../actions";

export function ForgotPasswordForm() {
  const { action, pending, errors, values, formError, success } =
    useFormAction(forgotPasswordAction);
  return (
    <AccountForm
      action={action}
      pending={pending}
      error={formError}
      success={success}
      submitLabel="Send me a link"
      pendingLabel="Sending…"
    >
      <EmailField errors={errors?.email} defaultValue={values?.email} />
    </AccountForm>
  );
}

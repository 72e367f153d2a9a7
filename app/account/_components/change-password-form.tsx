"use client";

import { AccountForm, PasswordField } from "@/components/account/account-form";
import { useFormAction } from "@/components/ui/use-form-action";
import type { FormAction } from "@/lib/action-result";

export function ChangePasswordForm({ action: changePassword }: { action: FormAction }) {
  const { action, pending, errors, formError } = useFormAction(changePassword);
  return (
    <AccountForm
      action={action}
      pending={pending}
      error={formError}
      submitLabel="Change password"
      pendingLabel="Changing…"
      className="grid max-w-sm gap-4"
      buttonClassName="justify-self-start"
    >
      <PasswordField
        kind="current"
        name="currentPassword"
        label="Current password"
        errors={errors?.currentPassword}
      />
      <PasswordField
        kind="new"
        name="newPassword"
        label="New password"
        errors={errors?.newPassword}
      />
    </AccountForm>
  );
}

"use client";

import { Button } from "@/components/ui/button";
import { TextField } from "@/components/ui/field";
import { FormMessage } from "@/components/ui/form-message";
import { useFormAction } from "@/components/ui/use-form-action";
import type { FormAction } from "@/lib/action-result";

export function ChangePasswordForm({ action: changePassword }: { action: FormAction }) {
  const { action, pending, errors, formError } = useFormAction(changePassword);
  return (
    <form action={action} className="grid max-w-sm gap-4" noValidate>
      <FormMessage error={formError} />
      <TextField
        name="currentPassword"
        label="Current password"
        errors={errors?.currentPassword}
        type="password"
        autoComplete="current-password"
        required
      />
      <TextField
        name="newPassword"
        label="New password"
        hint="8 to 128 characters."
        errors={errors?.newPassword}
        type="password"
        autoComplete="new-password"
        required
      />
      <Button type="submit" disabled={pending} className="justify-self-start">
        {pending ? "Changing…" : "Change password"}
      </Button>
    </form>
  );
}

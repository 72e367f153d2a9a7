"use client";

import { Button } from "@/components/ui/button";
import { Field, fieldProps } from "@/components/ui/field";
import { FormMessage } from "@/components/ui/form-message";
import { Input } from "@/components/ui/input";
import { useFormAction } from "@/components/ui/use-form-action";
import type { FormAction } from "@/lib/action-result";

export function ChangePasswordForm({ action }: { action: FormAction }) {
  const { formAction, pending, errors, formError } = useFormAction(action);
  return (
    <form action={formAction} className="grid max-w-sm gap-4" noValidate>
      <FormMessage error={formError} />
      <Field id="currentPassword" label="Current password" errors={errors?.currentPassword}>
        <Input
          {...fieldProps("currentPassword", errors?.currentPassword)}
          type="password"
          autoComplete="current-password"
          required
        />
      </Field>
      <Field
        id="newPassword"
        label="New password"
        hint="8 to 128 characters."
        errors={errors?.newPassword}
      >
        <Input
          {...fieldProps("newPassword", errors?.newPassword, true)}
          type="password"
          autoComplete="new-password"
          required
        />
      </Field>
      <Button type="submit" disabled={pending} className="justify-self-start">
        {pending ? "Changing…" : "Change password"}
      </Button>
    </form>
  );
}

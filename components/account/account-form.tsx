import type * as React from "react";
import { Button } from "@/components/ui/button";
import { TextField } from "@/components/ui/field";
import { FormMessage } from "@/components/ui/form-message";

/**
 * A sign-in, sign-up or password form: its refusal or success first, then its fields (and any
 * hidden inputs), then the submit button, which shows `pendingLabel` while the action runs.
 */
export function AccountForm({
  action,
  pending,
  error,
  success,
  submitLabel,
  pendingLabel,
  className = "grid gap-4",
  buttonClassName,
  children,
}: {
  action: React.ComponentProps<"form">["action"];
  pending: boolean;
  error?: string | null;
  success?: string | null;
  submitLabel: string;
  pendingLabel: string;
  className?: string;
  buttonClassName?: string;
  children: React.ReactNode;
}) {
  return (
    <form action={action} className={className} noValidate>
      <FormMessage error={error} success={success} />
      {children}
      <Button type="submit" disabled={pending} className={buttonClassName}>
        {pending ? pendingLabel : submitLabel}
      </Button>
    </form>
  );
}

/** The email address an account signs in with. */
export function EmailField({
  label = "Email",
  errors,
  defaultValue,
}: {
  label?: string;
  errors?: string[];
  defaultValue?: string;
}) {
  return (
    <TextField
      name="email"
      label={label}
      errors={errors}
      type="email"
      autoComplete="email"
      defaultValue={defaultValue}
      required
    />
  );
}

/**
 * A password field: the account's current password, or a new one, which says the rule it must
 * meet and lets a password manager suggest one.
 */
export function PasswordField({
  kind,
  name = "password",
  label = "Password",
  errors,
}: {
  kind: "current" | "new";
  name?: string;
  label?: string;
  errors?: string[];
}) {
  return (
    <TextField
      name={name}
      label={label}
      hint={kind === "new" ? "8 to 128 characters." : undefined}
      errors={errors}
      type="password"
      autoComplete={`${kind}-password`}
      required
    />
  );
}

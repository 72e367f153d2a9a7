"use client";

import { Button } from "@/components/ui/button";
import { TextField } from "@/components/ui/field";
import { FormMessage } from "@/components/ui/form-message";
import { useFormAction } from "@/components/ui/use-form-action";
import type { ActionState } from "@/lib/action-result";

/** Sign-up form; with an invitation token it joins that organisation instead of creating one. */
export function SignUpForm({
  signUpAction,
  invitationToken,
  invitedEmail,
}: {
  /** The sign-up server action, passed in by the page so this component stays route-free. */
  signUpAction: (prev: ActionState, formData: FormData) => Promise<ActionState>;
  invitationToken?: string;
  /** The address an invitation is for: the account must use it. */
  invitedEmail?: string;
}) {
  const { action, pending, errors, values, formError } = useFormAction(signUpAction);
  return (
    <form action={action} className="grid gap-4" noValidate>
      {invitationToken ? (
        <input type="hidden" name="invitationToken" value={invitationToken} />
      ) : null}
      <FormMessage error={formError} />
      <TextField
        name="name"
        label="Your name"
        errors={errors?.name}
        autoComplete="name"
        defaultValue={values?.name}
        required
      />
      <TextField
        name="email"
        label="Work email"
        errors={errors?.email}
        type="email"
        autoComplete="email"
        defaultValue={values?.email ?? invitedEmail}
        required
      />
      <TextField
        name="password"
        label="Password"
        hint="8 to 128 characters."
        errors={errors?.password}
        type="password"
        autoComplete="new-password"
        required
      />
      {invitationToken ? null : (
        <TextField
          name="organisationName"
          label="Organisation name"
          hint="You can invite colleagues once it exists."
          errors={errors?.organisationName}
          autoComplete="organization"
          defaultValue={values?.organisationName}
          required
        />
      )}
      <Button type="submit" disabled={pending}>
        {pending
          ? "Creating your account…"
          : invitationToken
            ? "Create account and join"
            : "Create account"}
      </Button>
    </form>
  );
}

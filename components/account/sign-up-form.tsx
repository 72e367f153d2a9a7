"use client";

import { TextField } from "@/components/ui/field";
import { useFormAction } from "@/components/ui/use-form-action";
import type { ActionState } from "@/lib/action-result";
import { AccountForm, EmailField, PasswordField } from "./account-form";

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
  const { action, pending, errors, values, field, formError } = useFormAction(signUpAction);
  return (
    <AccountForm
      action={action}
      pending={pending}
      error={formError}
      submitLabel={invitationToken ? "Create account and join" : "Create account"}
      pendingLabel="Creating your account…"
    >
      {invitationToken ? (
        <input type="hidden" name="invitationToken" value={invitationToken} />
      ) : null}
      <TextField {...field("name")} label="Your name" autoComplete="name" required />
      <EmailField
        label="Work email"
        errors={errors?.email}
        defaultValue={values?.email ?? invitedEmail}
      />
      <PasswordField kind="new" errors={errors?.password} />
      {invitationToken ? null : (
        <TextField
          {...field("organisationName")}
          label="Organisation name"
          hint="You can invite colleagues once it exists."
          autoComplete="organization"
          required
        />
      )}
    </AccountForm>
  );
}

"use client";

import { useActionState } from "react";
import { Button } from "@/components/ui/button";
import { Field, fieldProps } from "@/components/ui/field";
import { FormMessage } from "@/components/ui/form-message";
import { Input } from "@/components/ui/input";
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
  const [state, action, pending] = useActionState(signUpAction, null);
  const errors = state?.ok === false ? state.fieldErrors : undefined;
  const values = state?.ok === false ? state.values : undefined;
  return (
    <form action={action} className="grid gap-4" noValidate>
      {invitationToken ? (
        <input type="hidden" name="invitationToken" value={invitationToken} />
      ) : null}
      <FormMessage error={state?.ok === false && !errors ? state.error : null} />
      <Field id="name" label="Your name" errors={errors?.name}>
        <Input
          {...fieldProps("name", errors?.name)}
          autoComplete="name"
          defaultValue={values?.name}
          required
        />
      </Field>
      <Field id="email" label="Work email" errors={errors?.email}>
        <Input
          {...fieldProps("email", errors?.email)}
          type="email"
          autoComplete="email"
          defaultValue={values?.email ?? invitedEmail}
          required
        />
      </Field>
      <Field id="password" label="Password" hint="8 to 128 characters." errors={errors?.password}>
        <Input
          {...fieldProps("password", errors?.password, true)}
          type="password"
          autoComplete="new-password"
          required
        />
      </Field>
      {invitationToken ? null : (
        <Field
          id="organisationName"
          label="Organisation name"
          hint="You can invite colleagues once it exists."
          errors={errors?.organisationName}
        >
          <Input
            {...fieldProps("organisationName", errors?.organisationName, true)}
            autoComplete="organization"
            defaultValue={values?.organisationName}
            required
          />
        </Field>
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

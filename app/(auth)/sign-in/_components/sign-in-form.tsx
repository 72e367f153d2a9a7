"use client";

import { Button } from "@/components/ui/button";
import { TextField } from "@/components/ui/field";
import { FormMessage } from "@/components/ui/form-message";
import { useFormAction } from "@/components/ui/use-form-action";
import { signInAction } from "../actions";

export function SignInForm({ callbackUrl }: { callbackUrl: string }) {
  const { action, pending, errors, values, formError } = useFormAction(signInAction);
  return (
    <form action={action} className="grid gap-4" noValidate>
      <input type="hidden" name="callbackUrl" value={callbackUrl} />
      <FormMessage error={formError} />
      <TextField
        name="email"
        label="Email"
        errors={errors?.email}
        type="email"
        autoComplete="email"
        defaultValue={values?.email}
        required
      />
      <TextField
        name="password"
        label="Password"
        errors={errors?.password}
        type="password"
        autoComplete="current-password"
        required
      />
      <Button type="submit" disabled={pending}>
        {pending ? "Signing in…" : "Sign in"}
      </Button>
    </form>
  );
}

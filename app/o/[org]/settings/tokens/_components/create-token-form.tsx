"use client";

import { useActionState } from "react";
import { Button } from "@/components/ui/button";
import { CopyField } from "@/components/ui/copy-field";
import { Field, fieldProps } from "@/components/ui/field";
import { FormMessage } from "@/components/ui/form-message";
import { Input, Select } from "@/components/ui/input";
import type { ActionState } from "@/lib/action-result";

export function CreateTokenForm({
  action,
  roles,
  lifetimes,
  defaultLifetime,
}: {
  action: (
    prev: ActionState<{ token: string }>,
    formData: FormData,
  ) => Promise<ActionState<{ token: string }>>;
  roles: { value: string; label: string }[];
  lifetimes: { value: number; label: string }[];
  defaultLifetime: number;
}) {
  const [state, formAction, pending] = useActionState(action, null);
  const errors = state?.ok === false ? state.fieldErrors : undefined;
  const values = state?.ok === false ? state.values : undefined;
  return (
    <div className="grid gap-4">
      <form
        action={formAction}
        className="grid gap-4 sm:grid-cols-[1fr_11rem_11rem_auto] sm:items-start"
        noValidate
      >
        <Field id="token-name" label="Name" errors={errors?.name}>
          <Input
            {...fieldProps("token-name", errors?.name)}
            name="name"
            placeholder="Incident bridge"
            defaultValue={values?.name}
          />
        </Field>
        <Field id="token-role" label="Acts as role" errors={errors?.role}>
          <Select
            {...fieldProps("token-role", errors?.role)}
            name="role"
            defaultValue={values?.role ?? "contributor"}
          >
            {roles.map((r) => (
              <option key={r.value} value={r.value}>
                {r.label}
              </option>
            ))}
          </Select>
        </Field>
        <Field id="token-expiry" label="Expires after" errors={errors?.expiresInDays}>
          <Select
            {...fieldProps("token-expiry", errors?.expiresInDays)}
            name="expiresInDays"
            defaultValue={values?.expiresInDays ?? String(defaultLifetime)}
          >
            {lifetimes.map((l) => (
              <option key={l.value} value={l.value}>
                {l.label}
              </option>
            ))}
          </Select>
        </Field>
        <Button type="submit" disabled={pending} className="sm:mt-6.5">
          {pending ? "Creating…" : "Create token"}
        </Button>
      </form>
      <FormMessage error={state?.ok === false && !errors ? state.error : null} />
      {state?.ok && state.data ? (
        <div className="grid gap-1">
          <CopyField id="new-token" label="Your new token" value={state.data.token} />
          <p className="text-xs text-muted-foreground">
            Copy it now: it is shown only once. Send it as <code>Authorization: Bearer …</code> to{" "}
            <code>/api/v1</code>. It stops working when it expires, and while you are no longer a
            member, are demoted below its role, or your account is disabled.
          </p>
        </div>
      ) : null}
    </div>
  );
}

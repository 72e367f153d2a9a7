"use client";

import { Button } from "@/components/ui/button";
import { CopyField } from "@/components/ui/copy-field";
import { SelectField, TextField } from "@/components/ui/field";
import { FormMessage } from "@/components/ui/form-message";
import { useFormAction } from "@/components/ui/use-form-action";
import type { FormAction } from "@/lib/action-result";

export function CreateTokenForm({
  action,
  roles,
  lifetimes,
  defaultLifetime,
}: {
  action: FormAction<{ token: string }>;
  roles: { value: string; label: string }[];
  lifetimes: { value: number; label: string }[];
  defaultLifetime: number;
}) {
  const { action: formAction, pending, field, formError, data } = useFormAction(action);
  return (
    <div className="grid gap-4">
      <form
        action={formAction}
        className="grid gap-4 sm:grid-cols-[1fr_11rem_11rem_auto] sm:items-start"
        noValidate
      >
        <TextField {...field("name")} id="token-name" label="Name" placeholder="Incident bridge" />
        <SelectField
          {...field("role", "contributor")}
          id="token-role"
          label="Acts as role"
          options={roles}
        />
        <SelectField
          {...field("expiresInDays", String(defaultLifetime))}
          id="token-expiry"
          label="Expires after"
          options={lifetimes}
        />
        <Button type="submit" disabled={pending} className="sm:mt-6.5">
          {pending ? "Creating…" : "Create token"}
        </Button>
      </form>
      <FormMessage error={formError} />
      {data ? (
        <CopyField
          id="new-token"
          label="Your new token"
          value={data.token}
          note={
            <>
              Copy it now: it is shown only once. Send it as <code>Authorization: Bearer …</code> to{" "}
              <code>/api/v1</code>. It stops working when it expires, and while you are no longer a
              member, are demoted below its role, or your account is disabled.
            </>
          }
        />
      ) : null}
    </div>
  );
}

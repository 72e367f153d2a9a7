"use client";

import { Button } from "@/components/ui/button";
import { CopyField } from "@/components/ui/copy-field";
import { SelectField, TextField } from "@/components/ui/field";
import { FormMessage } from "@/components/ui/form-message";
import { useFormAction } from "@/components/ui/use-form-action";
import type { FormAction } from "@/lib/action-result";

export function InviteForm({
  action,
  roles,
}: {
  action: FormAction<{ url: string }>;
  roles: { value: string; label: string }[];
}) {
  const { action: formAction, pending, errors, formError, data } = useFormAction(action);
  return (
    <div className="grid gap-4">
      <form
        action={formAction}
        className="grid gap-4 sm:grid-cols-[12rem_1fr_auto] sm:items-end"
        noValidate
      >
        <SelectField
          name="role"
          label="Role"
          errors={errors?.role}
          defaultValue="contributor"
          options={roles}
        />
        <TextField
          name="email"
          label="Email of the person you invite"
          errors={errors?.email}
          type="email"
          placeholder="name@company.com"
        />
        <Button type="submit" disabled={pending}>
          {pending ? "Creating…" : "Create invitation link"}
        </Button>
      </form>
      <FormMessage error={formError} />
      {data ? (
        <CopyField
          id="invitation-url"
          label="Invitation link"
          value={data.url}
          note="Send this link to the person you invite. It works once, for 7 days, and is not shown again."
        />
      ) : null}
    </div>
  );
}

"use client";

import { Button } from "@/components/ui/button";
import { Select } from "@/components/ui/input";
import { useFormAction } from "@/components/ui/use-form-action";
import type { FormAction } from "@/lib/action-result";

/** Inline role change for one member; the version guards against concurrent edits. */
export function RoleForm({
  action,
  membershipId,
  memberName,
  role,
  version,
  roles,
}: {
  action: FormAction;
  membershipId: string;
  memberName: string;
  role: string;
  version: number;
  roles: { value: string; label: string }[];
}) {
  const { action: formAction, pending, error, success } = useFormAction(action);
  const id = `role-${membershipId}`;
  return (
    <form action={formAction} className="flex flex-col gap-1">
      <input type="hidden" name="membershipId" value={membershipId} />
      <input type="hidden" name="version" value={version} />
      <div className="flex items-center gap-2">
        <label htmlFor={id} className="sr-only">
          Role of {memberName}
        </label>
        <Select id={id} name="role" defaultValue={role} className="h-8 w-40" options={roles} />
        <Button type="submit" size="sm" variant="outline" disabled={pending}>
          {pending ? "Saving…" : "Save"}
        </Button>
      </div>
      {error ? (
        <p role="alert" className="max-w-72 text-xs text-destructive">
          {error}
        </p>
      ) : success ? (
        <p role="status" className="text-xs text-success">
          {success}
        </p>
      ) : null}
    </form>
  );
}

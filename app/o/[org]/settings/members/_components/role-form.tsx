"use client";

import { useActionState } from "react";
import { Button } from "@/components/ui/button";
import { Select } from "@/components/ui/input";
import type { ActionState } from "@/lib/action-result";

/** Inline role change for one member; the version guards against concurrent edits. */
export function RoleForm({
  action,
  membershipId,
  memberName,
  role,
  version,
  roles,
}: {
  action: (prev: ActionState, formData: FormData) => Promise<ActionState>;
  membershipId: string;
  memberName: string;
  role: string;
  version: number;
  roles: { value: string; label: string }[];
}) {
  const [state, formAction, pending] = useActionState(action, null);
  const id = `role-${membershipId}`;
  return (
    <form action={formAction} className="flex flex-col gap-1">
      <input type="hidden" name="membershipId" value={membershipId} />
      <input type="hidden" name="version" value={version} />
      <div className="flex items-center gap-2">
        <label htmlFor={id} className="sr-only">
          Role of {memberName}
        </label>
        <Select id={id} name="role" defaultValue={role} className="h-8 w-36">
          {roles.map((r) => (
            <option key={r.value} value={r.value}>
              {r.label}
            </option>
          ))}
        </Select>
        <Button type="submit" size="sm" variant="outline" disabled={pending}>
          {pending ? "Saving…" : "Save"}
        </Button>
      </div>
      {state?.ok === false ? (
        <p role="alert" className="max-w-72 text-xs text-destructive">
          {state.error}
        </p>
      ) : state?.ok ? (
        <p role="status" className="text-xs text-success">
          {state.message}
        </p>
      ) : null}
    </form>
  );
}

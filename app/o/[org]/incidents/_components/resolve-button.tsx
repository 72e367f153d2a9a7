"use client";

import { useActionState } from "react";
import { Button } from "@/components/ui/button";
import type { ActionState } from "@/lib/action-result";

/** Resolves (now) or reopens an incident, sending the version the page was rendered with. */
export function ResolveButton({
  action,
  version,
  resolved,
}: {
  action: (prev: ActionState, formData: FormData) => Promise<ActionState>;
  version: number;
  resolved: boolean;
}) {
  const [state, formAction, pending] = useActionState(action, null);
  return (
    <form action={formAction} className="flex flex-col items-end gap-1">
      <input type="hidden" name="version" value={version} />
      <Button type="submit" variant={resolved ? "outline" : "default"} disabled={pending}>
        {pending ? "Saving…" : resolved ? "Reopen" : "Resolve now"}
      </Button>
      {state?.ok === false ? (
        <p role="alert" className="max-w-72 text-right text-xs text-destructive">
          {state.error}
        </p>
      ) : null}
    </form>
  );
}

"use client";

import { useActionState } from "react";
import { Button } from "@/components/ui/button";
import { FormMessage } from "@/components/ui/form-message";
import type { ActionState } from "@/lib/action-result";

/** "Send a new link": asks for another verification email (rate-limited on the server). */
export function ResendVerificationForm({
  action,
}: {
  action: (prev: ActionState, formData: FormData) => Promise<ActionState>;
}) {
  const [state, formAction, pending] = useActionState(action, null);
  return (
    <form action={formAction} className="grid justify-items-start gap-2">
      <Button type="submit" size="sm" variant="outline" disabled={pending}>
        {pending ? "Sending…" : "Send a new link"}
      </Button>
      <FormMessage
        error={state?.ok === false ? state.error : null}
        success={state?.ok ? state.message : null}
      />
    </form>
  );
}

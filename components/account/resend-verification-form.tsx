"use client";

import { Button } from "@/components/ui/button";
import { FormMessage } from "@/components/ui/form-message";
import { useFormAction } from "@/components/ui/use-form-action";
import type { FormAction } from "@/lib/action-result";

/** "Send a new link": asks for another verification email (rate-limited on the server). */
export function ResendVerificationForm({ action }: { action: FormAction }) {
  const { action: formAction, pending, error, success } = useFormAction(action);
  return (
    <form action={formAction} className="grid justify-items-start gap-2">
      <Button type="submit" size="sm" variant="outline" disabled={pending}>
        {pending ? "Sending…" : "Send a new link"}
      </Button>
      <FormMessage error={error} success={success} />
    </form>
  );
}

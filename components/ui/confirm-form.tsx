"use client";

import { AlertDialog } from "radix-ui";
import { useRef } from "react";
import type { FormAction } from "@/lib/action-result";
import { Button } from "./button";
import { useFormAction } from "./use-form-action";

/**
 * A button that asks once before submitting a destructive action, then shows the
 * action's error (if any) next to it.
 */
export function ConfirmForm({
  action,
  fields,
  triggerLabel,
  title,
  description,
  confirmLabel,
  primary = false,
}: {
  action: FormAction;
  fields: Record<string, string | number>;
  triggerLabel: string;
  title: string;
  description: string;
  confirmLabel: string;
  /** A main, non-destructive step (like submitting) rather than a removal. */
  primary?: boolean;
}) {
  const { action: formAction, pending, error } = useFormAction(action);
  const formRef = useRef<HTMLFormElement>(null);
  return (
    <form ref={formRef} action={formAction} className="inline-flex flex-col items-end gap-1">
      {Object.entries(fields).map(([name, value]) => (
        <input key={name} type="hidden" name={name} value={value} />
      ))}
      <AlertDialog.Root>
        <AlertDialog.Trigger asChild>
          <Button
            type="button"
            variant={primary ? "default" : "outline"}
            size={primary ? "default" : "sm"}
            disabled={pending}
          >
            {pending ? "Working…" : triggerLabel}
          </Button>
        </AlertDialog.Trigger>
        <AlertDialog.Portal>
          <AlertDialog.Overlay className="fixed inset-0 z-40 bg-black/40" />
          <AlertDialog.Content className="fixed top-1/2 left-1/2 z-50 grid w-[min(92vw,28rem)] -translate-x-1/2 -translate-y-1/2 gap-4 rounded-lg border bg-card p-6 shadow-lg">
            <AlertDialog.Title className="text-base font-semibold">{title}</AlertDialog.Title>
            <AlertDialog.Description className="text-sm text-muted-foreground">
              {description}
            </AlertDialog.Description>
            <div className="flex justify-end gap-2">
              <AlertDialog.Cancel asChild>
                <Button variant="outline">Cancel</Button>
              </AlertDialog.Cancel>
              <AlertDialog.Action asChild>
                <Button
                  variant={primary ? "default" : "destructive"}
                  onClick={() => formRef.current?.requestSubmit()}
                >
                  {confirmLabel}
                </Button>
              </AlertDialog.Action>
            </div>
          </AlertDialog.Content>
        </AlertDialog.Portal>
      </AlertDialog.Root>
      {error ? (
        <p role="alert" className="max-w-64 text-right text-xs text-destructive">
          {error}
        </p>
      ) : null}
    </form>
  );
}

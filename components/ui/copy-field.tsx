"use client";

import { Check, Copy } from "lucide-react";
import type * as React from "react";
import { useState } from "react";
import { Button } from "./button";

/** A read-only secret or link with a copy button; shown once, so it says so. */
export function CopyField({
  id,
  label,
  value,
  note,
}: {
  id: string;
  label: string;
  value: string;
  /** What to do with it, under the field. */
  note?: React.ReactNode;
}) {
  const [copied, setCopied] = useState(false);
  return (
    <div className="grid gap-1.5">
      <label htmlFor={id} className="text-sm font-medium">
        {label}
      </label>
      <div className="flex gap-2">
        <input
          id={id}
          readOnly
          value={value}
          data-testid={id}
          className="h-9 w-full rounded-md border border-input bg-muted px-3 font-mono text-xs"
          onFocus={(e) => e.currentTarget.select()}
        />
        <Button
          type="button"
          variant="outline"
          onClick={async () => {
            await navigator.clipboard?.writeText(value).catch(() => undefined);
            setCopied(true);
          }}
        >
          {copied ? <Check aria-hidden /> : <Copy aria-hidden />}
          {copied ? "Copied" : "Copy"}
        </Button>
      </div>
      {note ? <p className="text-xs text-muted-foreground">{note}</p> : null}
    </div>
  );
}

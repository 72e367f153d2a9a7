"use client";

import type * as React from "react";
import { useState } from "react";
import { cn } from "@/lib/utils";

/**
 * A chart's numbers as a table, one click away below it (charts are hidden from screen readers).
 * The table is drawn when the disclosure opens, unless `eager`: a page of charts does not carry
 * the HTML of every closed table.
 */
export function TableAlternative({
  children,
  className,
  bodyClassName,
  eager = false,
}: {
  children: React.ReactNode;
  className?: string;
  /** Classes for the box around the table (a maximum height that scrolls). */
  bodyClassName?: string;
  /** Draw the table while closed too (something reads it without opening). */
  eager?: boolean;
}) {
  const [open, setOpen] = useState(false);
  return (
    <details className={className} onToggle={(e) => setOpen(e.currentTarget.open)}>
      <summary className="cursor-pointer text-xs text-primary">Table of the same numbers</summary>
      {open || eager ? <div className={cn("mt-2", bodyClassName)}>{children}</div> : null}
    </details>
  );
}

import type * as React from "react";
import { cn } from "@/lib/utils";

/** A chart's numbers as a table, one click away below it (charts are hidden from screen readers). */
export function TableAlternative({
  children,
  className,
  bodyClassName,
}: {
  children: React.ReactNode;
  className?: string;
  /** Classes for the box around the table (a maximum height that scrolls). */
  bodyClassName?: string;
}) {
  return (
    <details className={className}>
      <summary className="cursor-pointer text-xs text-primary">Table of the same numbers</summary>
      <div className={cn("mt-2", bodyClassName)}>{children}</div>
    </details>
  );
}

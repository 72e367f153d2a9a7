"use client";

import type * as React from "react";
import { useState } from "react";

/**
 * A disclosure whose contents are drawn when it opens: a page sends the HTML of a form or table
 * its reader may never open only once they do.
 */
export function LazyDetails({
  summary,
  children,
  className,
  summaryClassName,
  testId,
}: {
  summary: React.ReactNode;
  children: React.ReactNode;
  className?: string;
  summaryClassName?: string;
  testId?: string;
}) {
  const [open, setOpen] = useState(false);
  return (
    <details
      className={className}
      data-testid={testId}
      onToggle={(e) => setOpen(e.currentTarget.open)}
    >
      <summary className={summaryClassName}>{summary}</summary>
      {open ? children : null}
    </details>
  );
}

import type * as React from "react";
import { cn } from "@/lib/utils";

export type Fact = {
  label: string;
  value: React.ReactNode;
  /** Classes for the value (`tabular-nums`, `whitespace-pre-wrap`…). */
  valueClassName?: string;
  /** A longer explanation of the label, shown on hover. */
  title?: string;
  /** Stack this one's label over its value even in an `inline` list (a long note). */
  stacked?: boolean;
  testId?: string;
};

/**
 * Labelled values as a definition list: each label muted above its value, or, `inline`, the
 * label on the left and the value on the right of one line. Each pair is a `<div>` of a
 * `<dt>` and a `<dd>`.
 */
export function Facts({
  facts,
  inline = false,
  className,
  testId,
}: {
  facts: (Fact | null | false)[];
  inline?: boolean;
  /** Classes for the list (its gap, columns, a top border). */
  className?: string;
  testId?: string;
}) {
  return (
    <dl className={cn("grid gap-2 text-sm", className)} data-testid={testId}>
      {facts.map((f) =>
        f ? (
          <div
            key={f.label}
            className={
              inline && !f.stacked
                ? "flex justify-between gap-3"
                : f.stacked
                  ? "grid gap-1"
                  : undefined
            }
            title={f.title}
          >
            <dt className="text-muted-foreground">{f.label}</dt>
            <dd className={f.valueClassName} data-testid={f.testId}>
              {f.value}
            </dd>
          </div>
        ) : null,
      )}
    </dl>
  );
}

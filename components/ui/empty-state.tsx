import type { LucideIcon } from "lucide-react";
import type * as React from "react";

/** What a list or chart shows when it has nothing yet: what it is and what to do next. */
export function EmptyState({
  icon: Icon,
  title,
  children,
  action,
}: {
  icon: LucideIcon;
  title: string;
  children: React.ReactNode;
  action?: React.ReactNode;
}) {
  return (
    <div className="flex flex-col items-center gap-3 rounded-lg border border-dashed px-6 py-12 text-center">
      <Icon className="size-8 text-muted-foreground" aria-hidden />
      <h2 className="text-base font-semibold">{title}</h2>
      <div className="max-w-prose text-sm text-muted-foreground">{children}</div>
      {action}
    </div>
  );
}

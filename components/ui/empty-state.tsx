import type { LucideIcon } from "lucide-react";
import type * as React from "react";
import { cn } from "@/lib/utils";

export type EmptyStateProps = {
  icon: LucideIcon;
  title: string;
  children: React.ReactNode;
  action?: React.ReactNode;
  /** Smaller, with a third-level heading: a list inside a card rather than a page's list. */
  compact?: boolean;
};

/** What a list or chart shows when it has nothing yet: what it is and what to do next. */
export function EmptyState({ icon: Icon, title, children, action, compact }: EmptyStateProps) {
  return (
    <div
      className={cn(
        "flex flex-col items-center gap-3 rounded-lg border border-dashed text-center",
        compact ? "px-4 py-6" : "px-6 py-12",
      )}
    >
      <Icon className={cn("text-muted-foreground", compact ? "size-6" : "size-8")} aria-hidden />
      {compact ? (
        <h3 className="text-base font-semibold">{title}</h3>
      ) : (
        <h2 className="text-base font-semibold">{title}</h2>
      )}
      <div className="max-w-prose text-sm text-muted-foreground">{children}</div>
      {action}
    </div>
  );
}

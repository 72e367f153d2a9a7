import Link from "next/link";
import type * as React from "react";
import { cn } from "@/lib/utils";
import { PageHeader } from "./page-header";
import { PrintButton } from "./print-button";

/**
 * The header of a printable report: on paper, a line naming the kind of report and the
 * organisation above the title; on screen, a link back and a "Print or save as PDF" button
 * beside any other actions.
 */
export function ReportHeader({
  kind,
  orgName,
  back,
  title,
  description,
  actions,
  className,
}: {
  /** "Preflight pilot report". */
  kind: string;
  orgName: string;
  back: { href: string; label: string };
  title: string;
  description: React.ReactNode;
  actions?: React.ReactNode;
  className?: string;
}) {
  return (
    <header
      data-testid="report-header"
      className={cn("print:mb-2 print:border-b print:pb-2", className)}
    >
      <p className="mb-1 hidden justify-between gap-4 text-xs text-muted-foreground print:flex">
        <span>{kind}</span>
        <span className="font-medium text-foreground">{orgName}</span>
      </p>
      <p className="mb-2 text-sm no-print">
        <Link href={back.href} className="text-muted-foreground hover:underline">
          ← {back.label}
        </Link>
      </p>
      <PageHeader
        title={title}
        description={description}
        action={
          <div className="flex gap-2 no-print">
            {actions}
            <PrintButton />
          </div>
        }
      />
    </header>
  );
}

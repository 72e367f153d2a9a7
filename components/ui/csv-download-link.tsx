import { Download } from "lucide-react";
import type * as React from "react";
import { Button } from "./button";

/**
 * A link to a list's CSV export, carrying the list's search parameters so the file holds what
 * the list shows (its filters; the export ignores paging and sorting).
 */
export function CsvDownloadLink({
  href,
  params = {},
  children = "Download CSV",
}: {
  /** The export's route, e.g. `/o/demo/use-cases/export.csv`. */
  href: string;
  /** The list's search parameters; empty ones are left out. */
  params?: Record<string, string | undefined>;
  children?: React.ReactNode;
}) {
  const query = new URLSearchParams(
    Object.entries(params).filter((entry): entry is [string, string] => Boolean(entry[1])),
  ).toString();
  return (
    <Button asChild variant="outline" size="sm">
      <a href={query ? `${href}?${query}` : href} download>
        <Download aria-hidden /> {children}
      </a>
    </Button>
  );
}

"use client";

import { cn } from "@/lib/utils";

type TableRow = (string | number)[];

/**
 * A chart's numbers as a table: the first column names the row, the others are numbers. A
 * client component drawing the same markup as `DataTable`, so that the page's payload carries
 * the numbers once rather than a tree of cells.
 */
export function NumbersTable({
  caption,
  head,
  rows,
  textColumns = 1,
  testId,
}: {
  caption: string;
  head: string[];
  rows: TableRow[];
  /** How many leading columns hold words (left-aligned); the rest hold numbers. */
  textColumns?: number;
  testId?: string;
}) {
  const edge = (i: number) => (i === 0 ? "pl-0" : "pl-3");
  const numeric = (i: number) => i >= textColumns;
  return (
    // A named section is a region landmark: screen readers announce the table by name.
    <section
      className="scroll-shadow-x relative overflow-x-auto [container-type:scroll-state]"
      aria-label={caption}
      // biome-ignore lint/a11y/noNoninteractiveTabindex: keyboard users scroll a wide table with the arrow keys once it has focus
      tabIndex={0}
    >
      <p className="scroll-hint sticky left-0 pb-1 text-xs text-muted-foreground" aria-hidden>
        Scroll sideways for more columns →
      </p>
      <table className="w-full text-sm" data-testid={testId}>
        <caption className="sr-only">{caption}</caption>
        <thead className="text-left text-xs text-muted-foreground">
          <tr className="border-b">
            {head.map((h, i) => (
              <th
                key={h}
                scope="col"
                className={cn(
                  "py-2 font-medium whitespace-nowrap",
                  edge(i),
                  numeric(i) && "text-right",
                )}
              >
                {h}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {rows.length === 0 ? (
            <tr>
              <td colSpan={head.length} className="py-4 text-muted-foreground">
                Nothing to show.
              </td>
            </tr>
          ) : null}
          {rows.map((row) => (
            <tr key={row.join("|")} className="align-baseline border-b last:border-0">
              {row.map((value, i) => (
                <td
                  key={head[i]}
                  data-label={head[i]}
                  className={cn("py-2", edge(i), numeric(i) && "text-right tabular-nums")}
                >
                  {value}
                </td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
}

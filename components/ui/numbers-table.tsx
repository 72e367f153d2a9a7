"use client";

import Link from "next/link";

/** A cell: words or a number, or words that link somewhere (a row's name opening its page). */
export type NumbersCell = string | number | { text: string; href: string };
type TableRow = NumbersCell[];

const textOf = (c: NumbersCell) => (typeof c === "object" ? c.text : String(c));

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
  wordColumns = [],
  stackOnPhones = false,
  testId,
  rowTestId,
}: {
  caption: string;
  head: string[];
  rows: TableRow[];
  /** How many leading columns hold words (left-aligned); the rest hold numbers. */
  textColumns?: number;
  /** Other columns that hold words, by index (a band between two numbers). */
  wordColumns?: number[];
  /** Each row a card of label/value lines on phones, as `DataTable` does. */
  stackOnPhones?: boolean;
  testId?: string;
  /** `data-testid` of every row. */
  rowTestId?: string;
}) {
  const numeric = (i: number) => i >= textColumns && !wordColumns.includes(i);
  // Rows that become blocks on phones lose their table semantics in some browsers: stated.
  const role = (r: string) => (stackOnPhones ? { role: r } : {});
  const cell = (value: NumbersCell) =>
    typeof value === "object" ? (
      <Link href={value.href} className="text-primary underline">
        {value.text}
      </Link>
    ) : (
      value
    );
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
      <table
        className={
          stackOnPhones ? "data-table dt-stack w-full text-sm" : "data-table w-full text-sm"
        }
        data-testid={testId}
        {...role("table")}
      >
        <caption className="sr-only">{caption}</caption>
        <thead
          className={
            stackOnPhones
              ? "text-left text-xs text-muted-foreground max-sm:sr-only"
              : "text-left text-xs text-muted-foreground"
          }
          {...role("rowgroup")}
        >
          <tr className="border-b" {...role("row")}>
            {head.map((h, i) => (
              <th
                key={h}
                scope="col"
                className={`py-2 font-medium whitespace-nowrap ${i === 0 ? "pl-0" : "pl-3"}${numeric(i) ? " text-right" : ""}`}
                {...role("columnheader")}
              >
                {h}
              </th>
            ))}
          </tr>
        </thead>
        <tbody {...role("rowgroup")}>
          {rows.length === 0 ? (
            <tr {...role("row")}>
              <td colSpan={head.length} className="py-4 text-muted-foreground" {...role("cell")}>
                Nothing to show.
              </td>
            </tr>
          ) : null}
          {rows.map((row) => (
            <tr key={row.map(textOf).join("|")} data-testid={rowTestId} {...role("row")}>
              {row.map((value, i) =>
                i === 0 && stackOnPhones ? (
                  <th key={head[i]} scope="row" className="font-medium" {...role("rowheader")}>
                    {cell(value)}
                  </th>
                ) : (
                  <td
                    key={head[i]}
                    data-label={head[i]}
                    className={numeric(i) ? "num" : undefined}
                    {...role("cell")}
                  >
                    {stackOnPhones ? <div>{cell(value)}</div> : cell(value)}
                  </td>
                ),
              )}
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
}

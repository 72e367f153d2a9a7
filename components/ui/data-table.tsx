// Our own small component, not TanStack Table: tables render on the server from rows already filtered, and sort by links, so a client-side table engine would only add JavaScript.
import { ArrowDown, ArrowUp, ArrowUpDown } from "lucide-react";
import Link from "next/link";
import type * as React from "react";
import { z } from "zod";
import { cn } from "@/lib/utils";
import { EmptyState, type EmptyStateProps } from "./empty-state";

export type SortDirection = "asc" | "desc";
export type SortState = { key: string; dir: SortDirection };
type SortValue = string | number | Date | null | undefined;

export type Column<T> = {
  /** Stable id of the column; also its `?sort=` value when it sorts. */
  key: string;
  /** Header text; also the label of the cell when rows stack as cards on phones. */
  header: string;
  /** Keep the header for screen readers only (a column of buttons). */
  headerHidden?: boolean;
  cell: (row: T) => React.ReactNode;
  /** Numbers align right, in tabular figures. */
  align?: "right";
  /** The cell is the row's header (`<th scope="row">`): what the other cells describe. */
  rowHeader?: boolean;
  /** Sorts by this value (nulls last, either way) when the table has `sort`. */
  sortValue?: (row: T) => SortValue;
  /** The direction of the first click on this column's header. */
  firstDir?: SortDirection;
  /** Leave the column out on screens narrower than this breakpoint. */
  hideBelow?: "sm" | "md" | "lg";
  /** Extra classes for this column's cells (e.g. `whitespace-nowrap`). */
  className?: string;
};

const HIDE_BELOW = {
  sm: "hidden sm:table-cell",
  md: "hidden md:table-cell",
  lg: "hidden lg:table-cell",
} as const;

/**
 * `?sort=…&dir=…` of a page, parsed against the columns that sort; anything else falls back
 * to `fallback` (a bookmarked link to a column that no longer sorts still shows the list).
 */
export function parseSort(
  params: Record<string, string | undefined>,
  keys: readonly [string, ...string[]],
  fallback: SortState,
): SortState {
  const parsed = z
    .object({
      sort: z.enum(keys).catch(fallback.key),
      dir: z.enum(["asc", "desc"]).optional().catch(undefined),
    })
    .parse(params);
  return {
    key: parsed.sort,
    dir: parsed.dir ?? (parsed.sort === fallback.key ? fallback.dir : "asc"),
  };
}

function compare(a: SortValue, b: SortValue): number {
  const x = a instanceof Date ? a.getTime() : a;
  const y = b instanceof Date ? b.getTime() : b;
  if (typeof x === "string" && typeof y === "string") {
    return x.localeCompare(y, "en-GB", { sensitivity: "base", numeric: true });
  }
  return (x as number) - (y as number);
}

function sortRows<T>(rows: T[], column: Column<T> | undefined, dir: SortDirection): T[] {
  const value = column?.sortValue;
  if (!value) return rows;
  return [...rows].sort((a, b) => {
    const x = value(a);
    const y = value(b);
    const xMissing = x === null || x === undefined;
    const yMissing = y === null || y === undefined;
    if (xMissing || yMissing) return Number(xMissing) - Number(yMissing);
    return dir === "asc" ? compare(x, y) : compare(y, x);
  });
}

export type DataTableSort = {
  state: SortState;
  /** The page's path and its other search parameters, kept by the sort links (filters). */
  pathname: string;
  params?: Record<string, string | undefined>;
};

/** What tells rows apart: a row with an id is keyed by it unless told otherwise. */
type RowKey<T> = [T] extends [{ id: string | number }]
  ? { rowKey?: (row: T) => string }
  : { rowKey: (row: T) => string };

/**
 * The one table of the app: a caption, typed columns, optional sorting by links, an empty
 * state, and a keyboard-scrollable container that shows when more columns are off-screen.
 * On phones, `stackOnPhones` turns each row into a card of label/value lines instead.
 */
export function DataTable<T>({
  caption,
  captionVisible = false,
  columns,
  rows,
  rowKey,
  rowTestId,
  empty,
  sort,
  stackOnPhones = false,
  inset = false,
  testId,
}: {
  caption: string;
  captionVisible?: boolean;
  columns: Column<T>[];
  rows: T[];
  rowTestId?: (row: T) => string;
  /** What to show instead of an empty table. Without it an empty table shows its caption and a line. */
  empty?: EmptyStateProps;
  sort?: DataTableSort;
  stackOnPhones?: boolean;
  /** The table spans a card without padding: give the outer cells the card's padding. */
  inset?: boolean;
  testId?: string;
} & RowKey<T>) {
  if (rows.length === 0 && empty) return <EmptyState {...empty} />;
  const keyOf = rowKey ?? ((row: T) => String((row as { id: string | number }).id));
  const sorted = sort
    ? sortRows(
        rows,
        columns.find((c) => c.key === sort.state.key),
        sort.state.dir,
      )
    : rows;
  // A table whose rows become blocks on phones loses its table semantics in some browsers,
  // so it states them explicitly; a table that stays a table needs no roles.
  const role = (r: string) => (stackOnPhones ? { role: r } : {});
  // A body cell's classes, only where it has some (an absent prop costs nothing in the payload).
  const classOf = (c: Column<T>) => {
    const className = cn(
      c.align === "right" && "num",
      c.hideBelow && HIDE_BELOW[c.hideBelow],
      c.className,
    );
    return className ? { className } : {};
  };
  const sortable = (c: Column<T>) => Boolean(sort && c.sortValue && !c.headerHidden);
  const edge = (i: number) =>
    cn(i === 0 ? (inset ? "pl-5" : "pl-0") : "pl-3", i === columns.length - 1 && inset && "pr-5");
  // On phones a stacked table's header becomes a "Sort by" line of its sortable columns
  // (or stays for screen readers only), and each row a card of label/value lines. The body's
  // cells are styled by the table's classes (`data-table`, `dt-stack`, `dt-inset`, `num` in globals.css),
  // not class by class: a class list on every cell is written twice (HTML and payload) per row.
  const stack = stackOnPhones
    ? {
        head: sort ? "max-sm:block" : "max-sm:sr-only",
        headRow: sort
          ? "max-sm:flex max-sm:flex-wrap max-sm:items-center max-sm:gap-x-4 max-sm:border-0 max-sm:pb-2 max-sm:before:content-['Sort_by']"
          : "",
        th: (c: Column<T>) => (sort ? (sortable(c) ? "max-sm:p-0" : "max-sm:hidden") : ""),
      }
    : null;
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
        className={cn("data-table w-full text-sm", stack && "dt-stack", inset && "dt-inset")}
        data-testid={testId}
        {...role("table")}
      >
        <caption className={captionVisible ? "mb-2 text-left text-sm font-medium" : "sr-only"}>
          {caption}
        </caption>
        <thead
          className={cn("text-left text-xs text-muted-foreground", stack?.head)}
          {...role("rowgroup")}
        >
          <tr className={cn("border-b", stack?.headRow)} {...role("row")}>
            {columns.map((c, i) => {
              const active = sort?.state.key === c.key ? sort.state.dir : null;
              return (
                <th
                  key={c.key}
                  scope="col"
                  aria-sort={active ? (active === "asc" ? "ascending" : "descending") : undefined}
                  className={cn(
                    "py-2 font-medium whitespace-nowrap",
                    edge(i),
                    c.align === "right" && "text-right",
                    c.hideBelow && HIDE_BELOW[c.hideBelow],
                    stack?.th(c),
                  )}
                  {...role("columnheader")}
                >
                  {c.headerHidden ? (
                    <span className="sr-only">{c.header}</span>
                  ) : sort && sortable(c) ? (
                    <SortLink column={c} sort={sort} active={active} />
                  ) : (
                    c.header
                  )}
                </th>
              );
            })}
          </tr>
        </thead>
        <tbody {...role("rowgroup")}>
          {sorted.length === 0 ? (
            <tr {...role("row")}>
              <td colSpan={columns.length} className="py-4 text-muted-foreground" {...role("cell")}>
                Nothing to show.
              </td>
            </tr>
          ) : null}
          {sorted.map((row) => (
            <tr
              key={keyOf(row)}
              {...(rowTestId ? { "data-testid": rowTestId(row) } : {})}
              {...role("row")}
            >
              {columns.map((c) => {
                const Cell = c.rowHeader ? "th" : "td";
                return (
                  <Cell
                    key={c.key}
                    // Attributes only where they apply: every prop of every cell, `undefined`
                    // ones too, is written into the page's payload once per row.
                    {...(c.rowHeader ? { scope: "row" } : {})}
                    {...(c.headerHidden || c.rowHeader ? {} : { "data-label": c.header })}
                    {...classOf(c)}
                    {...role(c.rowHeader ? "rowheader" : "cell")}
                  >
                    {stack && !c.rowHeader ? <div>{c.cell(row)}</div> : c.cell(row)}
                  </Cell>
                );
              })}
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
}

function SortLink<T>({
  column,
  sort,
  active,
}: {
  column: Column<T>;
  sort: DataTableSort;
  active: SortDirection | null;
}) {
  const dir: SortDirection = active
    ? active === "asc"
      ? "desc"
      : "asc"
    : (column.firstDir ?? "asc");
  const query = Object.fromEntries(
    Object.entries({ ...sort.params, sort: column.key, dir }).filter(
      (e): e is [string, string] => typeof e[1] === "string" && e[1] !== "",
    ),
  );
  const Icon = active === "asc" ? ArrowUp : active === "desc" ? ArrowDown : ArrowUpDown;
  return (
    <Link
      href={{ pathname: sort.pathname, query }}
      className={cn(
        "inline-flex items-center gap-1 align-bottom hover:text-foreground",
        column.align === "right" && "sm:flex-row-reverse",
        active && "text-foreground",
      )}
      scroll={false}
    >
      {column.header}
      <Icon className="size-3.5 shrink-0" aria-hidden />
      <span className="sr-only">{`, sort ${dir === "asc" ? "ascending" : "descending"}`}</span>
    </Link>
  );
}

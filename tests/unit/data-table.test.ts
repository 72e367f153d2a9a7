import { Inbox } from "lucide-react";
import { createElement } from "react";
import { renderToStaticMarkup } from "react-dom/server";
import { describe, expect, test } from "vitest";
import { type Column, DataTable, parseSort, type SortState } from "@/components/ui/data-table";

type Row = { id: string; name: string; score: number | null };

const ROWS: Row[] = [
  { id: "a", name: "beta", score: 40 },
  { id: "b", name: "Alpha", score: null },
  { id: "c", name: "gamma", score: 72.5 },
  { id: "d", name: "delta", score: 9 },
];

const COLUMNS: Column<Row>[] = [
  { key: "name", header: "Name", rowHeader: true, sortValue: (r) => r.name, cell: (r) => r.name },
  {
    key: "score",
    header: "Score",
    align: "right",
    firstDir: "desc",
    sortValue: (r) => r.score,
    cell: (r) => String(r.score ?? "—"),
  },
  { key: "remove", header: "Remove", headerHidden: true, cell: () => "x" },
];

function render(props: Partial<Parameters<typeof DataTable<Row>>[0]> = {}) {
  return renderToStaticMarkup(
    createElement(DataTable<Row>, {
      caption: "Things",
      columns: COLUMNS,
      rows: ROWS,
      rowKey: (r) => r.id,
      ...props,
    }),
  );
}

/** The row headers in the order the table shows them. */
function order(html: string): string[] {
  return [...html.matchAll(/<th scope="row"[^>]*>(?:<div[^>]*>)?([^<]*)/g)].map((m) => m[1]!);
}

const sortBy = (state: SortState) => ({
  state,
  pathname: "/o/acme/things",
  params: { q: "refund", sort: "name", dir: "asc", empty: undefined },
});

describe("parseSort", () => {
  const keys = ["updated", "name", "score"] as const;
  const fallback: SortState = { key: "updated", dir: "desc" };
  test.each([
    [{}, { key: "updated", dir: "desc" }],
    [{ sort: "name" }, { key: "name", dir: "asc" }],
    [
      { sort: "score", dir: "desc" },
      { key: "score", dir: "desc" },
    ],
    [
      { sort: "updated", dir: "asc" },
      { key: "updated", dir: "asc" },
    ],
    [
      { sort: "password", dir: "asc" },
      { key: "updated", dir: "asc" },
    ],
    [
      { sort: "name", dir: "sideways" },
      { key: "name", dir: "asc" },
    ],
    [
      { sort: "updated", dir: "DROP TABLE" },
      { key: "updated", dir: "desc" },
    ],
  ])("%j → %j", (params, expected) => {
    expect(parseSort(params, keys, fallback)).toEqual(expected);
  });
});

describe("DataTable", () => {
  test("keeps the rows' order without sorting", () => {
    expect(order(render())).toEqual(["beta", "Alpha", "gamma", "delta"]);
  });

  test("sorts text without regard to case, and numbers with missing values last either way", () => {
    expect(order(render({ sort: sortBy({ key: "name", dir: "asc" }) }))).toEqual([
      "Alpha",
      "beta",
      "delta",
      "gamma",
    ]);
    expect(order(render({ sort: sortBy({ key: "score", dir: "desc" }) }))).toEqual([
      "gamma",
      "beta",
      "delta",
      "Alpha",
    ]);
    expect(order(render({ sort: sortBy({ key: "score", dir: "asc" }) }))).toEqual([
      "delta",
      "beta",
      "gamma",
      "Alpha",
    ]);
  });

  test("marks the sorted column and links each sortable header to the next order, keeping the filters", () => {
    const html = render({ sort: sortBy({ key: "name", dir: "asc" }) });
    expect(html).toContain('aria-sort="ascending"');
    expect(html.match(/aria-sort=/g)).toHaveLength(1);
    // The sorted column flips; another starts at its first direction; filters stay.
    expect(html).toContain('href="/o/acme/things?q=refund&amp;sort=name&amp;dir=desc"');
    expect(html).toContain('href="/o/acme/things?q=refund&amp;sort=score&amp;dir=desc"');
    // A column without a sort value, or with a hidden header, is no link.
    expect(html.match(/<a /g)).toHaveLength(2);
  });

  test("names its scroll region after the caption and lets the keyboard focus it", () => {
    const html = render();
    expect(html).toMatch(/<section[^>]*aria-label="Things"[^>]*tabindex="0"/);
    expect(html).toContain('<caption class="sr-only">Things</caption>');
    // The region is positioned, so screen-reader text inside stays within it.
    expect(html).toMatch(/<section class="[^"]*\brelative\b[^"]*\boverflow-x-auto\b/);
  });

  test("shows the empty state instead of an empty table", () => {
    const html = render({
      rows: [],
      empty: { icon: Inbox, title: "Nothing here yet", children: "Add one." },
    });
    expect(html).not.toContain("<table");
    expect(html).toContain("Nothing here yet");
  });

  test("stacked on phones, it states table roles and labels each value with its header", () => {
    const html = render({ stackOnPhones: true });
    expect(html).toContain('role="table"');
    expect(html.match(/role="rowheader"/g)).toHaveLength(4);
    expect(html.match(/data-label="Score"/g)).toHaveLength(4);
    // The row header and a column of buttons need no label.
    expect(html).not.toContain('data-label="Name"');
    expect(html).not.toContain('data-label="Remove"');
    expect(render()).not.toContain('role="table"');
  });
});

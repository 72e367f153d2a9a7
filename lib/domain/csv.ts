import Papa from "papaparse";
import { formatIsoDate } from "@/lib/format";

export type CsvCell = string | number | null | undefined;

// What makes a spreadsheet read a cell as a formula: = + - @, a tab or carriage return (OWASP's
// list), and the full-width = + - @ that some locales of Excel also accept.
const FORMULA_START = /^[=+\-@\t\r＝＋－＠]/;
const LINE = /(\r\n|\r|\n)/;

/**
 * Neutralises a text cell that could run as a formula: every line that starts like one gets a
 * leading apostrophe. Excel, LibreOffice and Google Sheets decide "formula or text" from a
 * cell's first character, and a leading apostrophe is their own mark for "this is text", so
 * the start of the cell is what protects them. The other lines are escaped too because
 * whatever splits a multi-line cell into rows (a naive importer, or pasting the cell's text
 * into a sheet) makes each line the start of a new cell.
 */
export function escapeFormula(value: string): string {
  // Split with the separators kept: even indices are lines, odd ones the breaks between them.
  // The first line is judged on the whole value, so a cell that starts with a break is escaped.
  return value
    .split(LINE)
    .map((part, i) =>
      i % 2 === 0 && FORMULA_START.test(i === 0 ? value : part) ? `'${part}` : part,
    )
    .join("");
}

/**
 * Rows as CSV, with formula escaping on every text cell; numbers stay numbers. The one CSV
 * writer every export uses: papaparse's own `escapeFormulae` looks only at the start of the
 * whole value, so a formula after a line break got through.
 */
export function toCsv(rows: readonly (readonly CsvCell[])[], header?: readonly string[]): string {
  return Papa.unparse(
    {
      fields: header ? [...header] : [],
      data: rows.map((row) =>
        row.map((cell) => (typeof cell === "string" ? escapeFormula(cell) : (cell ?? ""))),
      ),
    },
    { header: Boolean(header), escapeFormulae: false, newline: "\r\n" },
  );
}

/** One column of an export: its header, and the cell a row gives it. */
export type CsvColumn<T> = { header: string; value: (row: T) => CsvCell };

/** The header line of an export with these columns, ending with its line break. */
export function csvHeader<T>(columns: readonly CsvColumn<T>[]): string {
  return toCsv(
    [],
    columns.map((c) => c.header),
  );
}

/** Rows as CSV lines under these columns, without the header (a streamed export writes it once). */
export function csvRows<T>(columns: readonly CsvColumn<T>[], rows: readonly T[]): string {
  return toCsv(rows.map((row) => columns.map((c) => c.value(row))));
}

/** A whole export: the header line, then one line per row. */
export function csvTable<T>(columns: readonly CsvColumn<T>[], rows: readonly T[]): string {
  return toCsv(
    rows.map((row) => columns.map((c) => c.value(row))),
    columns.map((c) => c.header),
  );
}

/**
 * The file name of an export: the organisation, what it holds and the day it was taken (UTC),
 * so downloads from several organisations and days never overwrite each other:
 * "northwind-use-cases-2026-11-24.csv".
 */
export function csvFilename(orgSlug: string, what: string, now: Date): string {
  return `${orgSlug}-${what}-${formatIsoDate(now)}.csv`;
}

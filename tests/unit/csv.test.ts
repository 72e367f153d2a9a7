import fs from "node:fs";
import path from "node:path";
import Papa from "papaparse";
import { describe, expect, test } from "vitest";
import { escapeFormula, toCsv } from "@/lib/domain/csv";
import { INCIDENT_CSV_COLUMNS, incidentsToCsv } from "@/lib/domain/incidents/csv";
import { runMetricsToCsv } from "@/lib/domain/pilots/csv";

/** The cells a spreadsheet would see, after a standard CSV parse. */
const cells = (csv: string) => Papa.parse<string[]>(csv.trim()).data;

describe("formula escaping", () => {
  test.each([
    ["=1+1", "'=1+1"],
    ["+1", "'+1"],
    ["-cmd|' /C calc'!A0", "'-cmd|' /C calc'!A0"],
    ["@SUM(A1)", "'@SUM(A1)"],
    ["\t=1", "'\t=1"],
    ["\r=1", "'\r'=1"],
    ["＝1+1", "'＝1+1"],
    // The review's bypass: a line break after the formula hid it from papaparse's check.
    ['=HYPERLINK("http://x")\nfoo', `'=HYPERLINK("http://x")\nfoo`],
    // Every line, so a consumer that splits the cell into rows meets no formula either.
    ["foo\n=HYPERLINK(1)", "foo\n'=HYPERLINK(1)"],
    ["a\r\n+b\r-c", "a\r\n'+b\r'-c"],
    ["plain title", "plain title"],
    ["a = b", "a = b"],
    ["", ""],
  ])("%j → %j", (value, escaped) => {
    expect(escapeFormula(value)).toBe(escaped);
  });

  test("numbers are written as numbers, negative ones included", () => {
    expect(toCsv([[1, -2.5, 0, null, undefined]])).toBe("1,-2.5,0,,");
  });

  test("a multi-line formula comes out escaped, inside one quoted cell", () => {
    const csv = toCsv([['=HYPERLINK("http://x")\nfoo', "ok"]], ["title", "other"]);
    expect(cells(csv)).toEqual([
      ["title", "other"],
      ['\'=HYPERLINK("http://x")\nfoo', "ok"],
    ]);
  });
});

describe("every CSV export uses the one escaping helper", () => {
  test("the incidents export escapes titles and pilot names on every line", () => {
    const csv = incidentsToCsv([
      {
        id: "5d0d7b8e-8b3f-4c0e-9f59-1a2b3c4d5e6f",
        title: 'Refund loop\n=HYPERLINK("http://evil.example","Open")',
        severity: "sev2",
        category: "stale_data",
        detectionSource: "automated_check",
        outcome: "contained",
        pilotName: "@pilot",
        stage: "supervised",
        startedAt: new Date("2026-11-01T10:00:00Z"),
        detectedAt: null,
        acknowledgedAt: null,
        mitigatedAt: null,
        resolvedAt: null,
        costEstimate: 1200,
        actions: ["fix"],
      },
    ]);
    const [row] = cells(csv);
    expect(row?.[INCIDENT_CSV_COLUMNS.indexOf("title")]).toBe(
      'Refund loop\n\'=HYPERLINK("http://evil.example","Open")',
    );
    expect(row?.[INCIDENT_CSV_COLUMNS.indexOf("pilot")]).toBe("'@pilot");
    expect(row?.[INCIDENT_CSV_COLUMNS.indexOf("cost_estimate")]).toBe("1200");
  });

  test("the run metrics export still imports back", () => {
    expect(
      cells(
        runMetricsToCsv([
          {
            period: "day",
            periodStart: "2026-05-01",
            attempted: 4,
            correct: 3,
            overrides: 1,
            escalations: 0,
          },
        ]),
      )[1],
    ).toEqual(["day", "2026-05-01", "4", "3", "1", "0", "", ""]);
  });

  test("no other code calls papaparse's unparse", () => {
    const offenders: string[] = [];
    const walk = (dir: string) => {
      for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
        const file = path.join(dir, entry.name);
        if (entry.isDirectory()) walk(file);
        else if (/\.tsx?$/.test(entry.name) && /\.unparse\(/.test(fs.readFileSync(file, "utf8"))) {
          offenders.push(path.relative(process.cwd(), file));
        }
      }
    };
    for (const dir of ["app", "components", "db", "lib", "scripts"]) walk(dir);
    expect(offenders).toEqual(["lib/domain/csv.ts"]);
  });
});

import fs from "node:fs";
import path from "node:path";
import Papa from "papaparse";
import { describe, expect, test } from "vitest";
import { csvFilename, csvHeader, csvRows, csvTable, escapeFormula, toCsv } from "@/lib/domain/csv";
import { incidentCsvColumns, incidentsToCsv } from "@/lib/domain/incidents/csv";
import {
  pilotRunMetricsToCsv,
  RUN_METRICS_CSV_COLUMNS,
  runMetricsToCsv,
  stageHistoryToCsv,
} from "@/lib/domain/pilots/csv";
import { type AnswerCsvRow, assessmentAnswersToCsv } from "@/lib/domain/question-bank/csv";
import { QUESTION_BANK_V2 } from "@/lib/domain/question-bank/v2";
import { type UseCaseCsvRow, useCasesToCsv } from "@/lib/domain/use-cases/csv";

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
    const INCIDENT_CSV_COLUMNS = incidentCsvColumns("EUR").map((c) => c.header);
    const csv = incidentsToCsv(
      [
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
      ],
      "EUR",
    );
    const [row] = cells(csv);
    expect(row?.[INCIDENT_CSV_COLUMNS.indexOf("title")]).toBe(
      'Refund loop\n\'=HYPERLINK("http://evil.example","Open")',
    );
    expect(row?.[INCIDENT_CSV_COLUMNS.indexOf("pilot")]).toBe("'@pilot");
    expect(row?.[INCIDENT_CSV_COLUMNS.indexOf("cost_estimate")]).toBe("1200");
    expect(row?.[INCIDENT_CSV_COLUMNS.indexOf("currency")]).toBe("EUR");
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
    ).toEqual(["day", "2026-05-01", "4", "3", "1", "0", "", "", "", ""]);
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

describe("the shared export columns", () => {
  const columns = [
    { header: "name", value: (r: { name: string; n: number | null }) => r.name },
    { header: "n", value: (r: { name: string; n: number | null }) => r.n },
  ];

  test("a header, then one line per row; a streamed export writes the header once", () => {
    const rows = [
      { name: "a", n: 1 },
      { name: "b", n: null },
    ];
    expect(csvTable(columns, rows)).toBe("name,n\r\na,1\r\nb,");
    expect(csvHeader(columns) + csvRows(columns, rows)).toBe(csvTable(columns, rows));
    expect(csvTable(columns, [])).toBe("name,n\r\n");
  });

  test("commas, quotes and line breaks are quoted, and read back as they were", () => {
    const name = 'Refunds, "urgent"\nsecond line';
    const csv = csvTable(columns, [{ name, n: 2 }]);
    expect(csv).toBe('name,n\r\n"Refunds, ""urgent""\nsecond line",2');
    expect(cells(csv)[1]).toEqual([name, "2"]);
  });

  test("file names carry the organisation, what the file holds and the day (UTC)", () => {
    expect(csvFilename("northwind", "use-cases", new Date("2026-11-24T23:30:00-02:00"))).toBe(
      "northwind-use-cases-2026-11-25.csv",
    );
  });
});

const header = (csv: string) => cells(csv)[0] ?? [];
/** The cells of each data row by column name. */
const records = (csv: string) => {
  const [head = [], ...rows] = cells(csv);
  return rows.map((row) => Object.fromEntries(head.map((h, i) => [h, row[i]])));
};

describe("the use cases export", () => {
  const useCase: UseCaseCsvRow = {
    id: "5d0d7b8e-8b3f-4c0e-9f59-1a2b3c4d5e6f",
    name: '=HYPERLINK("http://evil.example")',
    status: "piloting",
    ownerName: "+Dana",
    businessValue: 4,
    annualValue: 180000,
    systems: ["Zendesk", "-Stripe"],
    archivedAt: null,
    updatedAt: new Date("2026-11-02T10:00:00Z"),
    latest: {
      id: "7f0d7b8e-8b3f-4c0e-9f59-1a2b3c4d5e6f",
      overall: 49.64,
      band: "sandbox_only",
      confidence: 0.4567,
      bankVersion: "v2",
      submittedAt: new Date("2026-10-01T09:00:00Z"),
    },
  };

  test("each use case with its latest score, band and the organisation's currency", () => {
    const [row] = records(useCasesToCsv([useCase], "GBP"));
    expect(row).toMatchObject({
      status: "piloting",
      business_value: "4",
      annual_value: "180000",
      currency: "GBP",
      latest_score: "49.6",
      latest_band: "sandbox_only",
      latest_confidence: "0.46",
      latest_question_bank: "v2",
      latest_assessed_at: "2026-10-01T09:00:00.000Z",
      archived_at: "",
    });
  });

  test("text cells that could run as formulas are neutralised", () => {
    const [row] = records(useCasesToCsv([useCase], "GBP"));
    expect(row?.name).toBe('\'=HYPERLINK("http://evil.example")');
    expect(row?.owner).toBe("'+Dana");
    expect(row?.systems).toBe("Zendesk; -Stripe");
  });

  test("a use case never assessed has empty score cells, not zeros", () => {
    const [row] = records(useCasesToCsv([{ ...useCase, latest: null, annualValue: null }], "USD"));
    expect(row).toMatchObject({
      annual_value: "",
      currency: "USD",
      latest_score: "",
      latest_band: "",
      latest_assessment_id: "",
    });
  });
});

describe("the assessment answers export", () => {
  const [first, second] = QUESTION_BANK_V2.questions;
  const answer = (over: Partial<AnswerCsvRow>): AnswerCsvRow => ({
    assessmentId: "a1",
    useCaseName: "Ticket triage",
    status: "submitted",
    bankVersion: "v2",
    submittedAt: new Date("2026-10-01T09:00:00Z"),
    overall: 61.25,
    band: "shadow",
    questionId: first!.id,
    optionId: first!.options[0]!.id,
    dontKnow: false,
    evidence: null,
    answeredByName: "Dana",
    answeredAt: new Date("2026-09-30T12:00:00Z"),
    ...over,
  });

  test("one row per answer, with the question's id, text, dimension and bank version", () => {
    const csv = assessmentAnswersToCsv([
      answer({ questionId: second!.id, optionId: second!.options.at(-1)!.id }),
      answer({}),
      answer({ assessmentId: "a2", questionId: second!.id, optionId: null, dontKnow: true }),
    ]);
    expect(header(csv)).toEqual(
      expect.arrayContaining([
        "question_id",
        "question",
        "question_bank",
        "answer",
        "answer_score",
      ]),
    );
    const rows = records(csv);
    expect(rows).toHaveLength(3);
    // Within an assessment, answers follow the bank's order; assessments keep theirs.
    expect(rows.map((r) => [r.assessment_id, r.question_id])).toEqual([
      ["a1", first!.id],
      ["a1", second!.id],
      ["a2", second!.id],
    ]);
    expect(rows[0]).toMatchObject({
      question: first!.prompt,
      dimension: QUESTION_BANK_V2.dimensions.find((d) => d.id === first!.dimensionId)!.title,
      question_bank: "v2",
      answer_id: first!.options[0]!.id,
      answer: first!.options[0]!.label,
      answer_score: String(first!.options[0]!.score),
      overall_score: "61.3",
      band: "shadow",
    });
    expect(rows[2]).toMatchObject({
      answer_id: "dont_know",
      answer: "Don't know",
      answer_score: "",
    });
  });

  test("evidence and names that could run as formulas are neutralised", () => {
    const [row] = records(
      assessmentAnswersToCsv([
        answer({ evidence: "@SUM(A1)\n=1+1", answeredByName: "-x", useCaseName: "=cmd" }),
      ]),
    );
    expect(row?.evidence).toBe("'@SUM(A1)\n'=1+1");
    expect(row?.answered_by).toBe("'-x");
    expect(row?.use_case).toBe("'=cmd");
  });
});

describe("the pilot exports", () => {
  test("stage history: one row per move, with overridden criteria in words", () => {
    const csv = stageHistoryToCsv([
      {
        pilotId: "p1",
        pilotName: "Refunds",
        ownerName: "Dana",
        stage: "supervised",
        status: "active",
        startDate: "2026-03-01",
        kind: "promote",
        fromStage: "shadow",
        toStage: "supervised",
        at: new Date("2026-05-01T08:00:00Z"),
        actor: "Sam",
        reason: "=Approved by the board",
        overridden: [{ label: "Accuracy", threshold: "at least 95%", measured: "93.1%" }],
        requestedBy: "Lee",
      },
    ]);
    expect(records(csv)).toEqual([
      {
        pilot_id: "p1",
        pilot: "Refunds",
        owner: "Dana",
        current_stage: "supervised",
        status: "active",
        start_date: "2026-03-01",
        event: "promote",
        from_stage: "shadow",
        to_stage: "supervised",
        at: "2026-05-01T08:00:00.000Z",
        by: "Sam",
        requested_by: "Lee",
        reason: "'=Approved by the board",
        overridden_criteria: "Accuracy: needed at least 95%, measured 93.1%",
      },
    ]);
  });

  test("run metrics across pilots name the pilot and keep the import's columns", () => {
    const csv = pilotRunMetricsToCsv([
      {
        pilotId: "p1",
        pilotName: "@Refunds",
        period: "week",
        periodStart: "2026-05-04",
        stage: "shadow",
        attempted: 3,
        correct: 2,
        overrides: 1,
        escalations: 0,
        accuracy: 2 / 3,
        overrideRate: 1 / 3,
        escalationRate: 0,
      },
    ]);
    expect(header(csv).slice(0, 8)).toEqual(["pilot_id", "pilot", ...RUN_METRICS_CSV_COLUMNS]);
    expect(records(csv)[0]).toMatchObject({
      pilot: "'@Refunds",
      stage: "shadow",
      accuracy: "0.6667",
      override_rate: "0.3333",
      escalation_rate: "0",
    });
  });
});

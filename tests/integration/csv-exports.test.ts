import Papa from "papaparse";
import { beforeAll, describe, expect, test } from "vitest";
import { getAssessment } from "@/db/queries/assessments";
import {
  listAssessmentAnswersForExport,
  listRunMetricsForExport,
  listStageHistoryForExport,
  listUseCasesForExport,
} from "@/db/queries/exports";
import { createIncident } from "@/db/queries/incident-writes";
import { listIncidents } from "@/db/queries/incidents";
import { transitionPilot } from "@/db/queries/pilot-transitions";
import { getPilot } from "@/db/queries/pilots";
import { recordRunMetrics } from "@/db/queries/run-metrics";
import { createUseCase, setUseCaseArchived } from "@/db/queries/use-cases";
import { incidentCsvHeader, incidentsToCsv } from "@/lib/domain/incidents/csv";
import { pilotRunMetricsToCsv, stageHistoryToCsv } from "@/lib/domain/pilots/csv";
import { assessmentAnswersToCsv } from "@/lib/domain/question-bank/csv";
import { useCasesToCsv } from "@/lib/domain/use-cases/csv";
import { makeOrg, OPEN_INCIDENT_REST, startedPilot, type TestOrg, uniq } from "./fixtures";

// The rows behind each CSV export, read with the filters of the list they are downloaded
// from: only the caller's organisation, only what the filters keep, formulas neutralised.

/** The data rows of a CSV file, each by column name. */
function records(csv: string): Record<string, string>[] {
  return Papa.parse<Record<string, string>>(csv.trim(), { header: true }).data;
}

const FORMULA = '=HYPERLINK("http://evil.example","Open")';
const today = new Date().toISOString().slice(0, 10);

let org: TestOrg;
let other: TestOrg;
let risky: Awaited<ReturnType<typeof startedPilot>>;
let plain: Awaited<ReturnType<typeof startedPilot>>;
let foreign: Awaited<ReturnType<typeof startedPilot>>;
let unassessedId: string;

beforeAll(async () => {
  [org, other] = [await makeOrg(), await makeOrg()];
  const tag = uniq();
  risky = await startedPilot(org, { name: `${FORMULA} ${tag}`, annualValue: 250_000 });
  plain = await startedPilot(org, { name: `Invoice matching ${tag}`, stage: "shadow" });
  foreign = await startedPilot(other, { name: `Invoice matching ${tag}` });
  unassessedId = (
    await createUseCase(org.ctx.owner, {
      name: `Supplier onboarding ${tag}`,
      description: "",
      ownerId: org.users.lead.id,
      businessValue: 2,
      annualValue: null,
      systems: ["-SAP"],
      status: "candidate",
    })
  ).id;
  // Paused, then retired: two more moves on the history of the plain pilot.
  await transitionPilot(org.ctx.lead, plain.id, {
    to: "paused",
    justification: "Waiting on the vendor",
    version: plain.version,
  });
  await transitionPilot(org.ctx.owner, plain.id, {
    to: "retired",
    justification: "+1 for retiring it",
    version: (await getPilot(org.ctx.owner, plain.id)).version,
  });
  for (const [o, pilot] of [
    [org, risky],
    [other, foreign],
  ] as const) {
    await recordRunMetrics(
      o.ctx.contributor,
      pilot.id,
      [
        {
          period: "day",
          periodStart: today,
          attempted: 10,
          correct: 9,
          overrides: 1,
          escalations: 0,
        },
      ],
      "ui",
    );
  }
});

describe("use cases", () => {
  test("each with its latest score and band, in the organisation's currency, formulas neutralised", async () => {
    const rows = await listUseCasesForExport(org.ctx.viewer, {});
    expect(rows.map((r) => r.id).sort()).toEqual(
      [risky.useCaseId, plain.useCaseId, unassessedId].sort(),
    );
    const assessment = await getAssessment(org.ctx.viewer, risky.assessmentId);
    const csv = records(useCasesToCsv(rows, org.ctx.viewer.currency));
    const row = csv.find((r) => r.id === risky.useCaseId);
    expect(row).toMatchObject({
      name: `'${FORMULA} ${risky.useCaseName.split(" ").at(-1)}`,
      annual_value: "250000",
      currency: "GBP",
      latest_assessment_id: risky.assessmentId,
      latest_band: assessment.band,
      latest_score: String(Math.round(assessment.overall! * 10) / 10),
    });
    expect(csv.find((r) => r.id === unassessedId)).toMatchObject({
      systems: "'-SAP",
      latest_score: "",
      latest_band: "",
    });
  });

  test("the list's filters apply: search, status, owner and archived", async () => {
    const ids = async (filters: Parameters<typeof listUseCasesForExport>[1]) =>
      (await listUseCasesForExport(org.ctx.viewer, filters)).map((r) => r.id);
    expect(await ids({ q: "invoice matching" })).toEqual([plain.useCaseId]);
    expect(await ids({ status: "candidate" })).toEqual([unassessedId]);
    expect(await ids({ ownerId: org.users.lead.id })).toEqual([unassessedId]);
    expect(await ids({ archived: true })).toEqual([]);
    await setUseCaseArchived(org.ctx.lead, unassessedId, true);
    expect(await ids({ archived: true })).toEqual([unassessedId]);
    expect(await ids({})).not.toContain(unassessedId);
    await setUseCaseArchived(org.ctx.lead, unassessedId, false);
  });

  test("another organisation's member gets only their own use cases", async () => {
    const rows = await listUseCasesForExport(other.ctx.owner, { q: "invoice matching" });
    expect(rows.map((r) => r.id)).toEqual([foreign.useCaseId]);
  });
});

describe("assessment answers", () => {
  test("one row per answer, with the question's id, text and question bank version", async () => {
    const assessment = await getAssessment(org.ctx.viewer, risky.assessmentId);
    const rows = await listAssessmentAnswersForExport(org.ctx.viewer, {
      useCaseId: risky.useCaseId,
    });
    expect(rows).toHaveLength(assessment.answers.length);
    expect(assessment.answers.length).toBeGreaterThan(40);
    const csv = records(assessmentAnswersToCsv(rows));
    expect(new Set(csv.map((r) => r.question_id))).toEqual(
      new Set(assessment.answers.map((a) => a.questionId)),
    );
    expect(csv.every((r) => r.question_bank === assessment.bankVersion)).toBe(true);
    expect(csv.every((r) => r.question && r.question !== r.question_id)).toBe(true);
    expect(csv.every((r) => r.use_case?.startsWith("'="))).toBe(true);
  });

  test("without a filter, every assessment of the organisation and none of another's", async () => {
    const rows = await listAssessmentAnswersForExport(org.ctx.viewer, {});
    expect(new Set(rows.map((r) => r.assessmentId))).toEqual(
      new Set([risky.assessmentId, plain.assessmentId]),
    );
    // Another organisation's use case matches nothing, as a filter of the list would.
    expect(
      await listAssessmentAnswersForExport(org.ctx.viewer, { useCaseId: foreign.useCaseId }),
    ).toEqual([]);
    expect(
      await listAssessmentAnswersForExport(other.ctx.owner, { useCaseId: risky.useCaseId }),
    ).toEqual([]);
  });
});

describe("pilot stage history", () => {
  test("one row per move of each pilot on the board, with the board's filters", async () => {
    const active = await listStageHistoryForExport(org.ctx.viewer, {});
    expect(active.map((r) => [r.pilotId, r.kind])).toEqual([[risky.id, "start"]]);
    const retired = records(
      stageHistoryToCsv(await listStageHistoryForExport(org.ctx.viewer, { status: "retired" })),
    );
    expect(retired.map((r) => [r.pilot_id, r.event, r.to_stage])).toEqual([
      [plain.id, "start", "shadow"],
      [plain.id, "pause", "shadow"],
      [plain.id, "retire", "shadow"],
    ]);
    expect(retired[1]).toMatchObject({ reason: "Waiting on the vendor", status: "retired" });
    expect(retired[2]?.reason).toBe("'+1 for retiring it");
    expect(
      await listStageHistoryForExport(org.ctx.viewer, { q: "no such pilot", status: "retired" }),
    ).toEqual([]);
  });

  test("another organisation's member sees only their own pilots", async () => {
    const rows = await listStageHistoryForExport(other.ctx.viewer, {});
    expect(rows.map((r) => r.pilotId)).toEqual([foreign.id]);
  });
});

describe("run metrics across pilots", () => {
  test("each period names its pilot; formulas in the pilot's name are neutralised", async () => {
    const csv = records(pilotRunMetricsToCsv(await listRunMetricsForExport(org.ctx.viewer, {})));
    expect(csv).toEqual([
      expect.objectContaining({
        pilot_id: risky.id,
        period_start: today,
        attempted: "10",
        accuracy: "0.9",
        override_rate: "0.1",
      }),
    ]);
    expect(csv[0]?.pilot?.startsWith("'=HYPERLINK")).toBe(true);
    expect(await listRunMetricsForExport(org.ctx.viewer, { q: "invoice" })).toEqual([]);
    expect((await listRunMetricsForExport(other.ctx.viewer, {})).map((r) => r.pilotId)).toEqual([
      foreign.id,
    ]);
  });
});

describe("incidents", () => {
  test("the incident export neutralises formulas and names the currency", async () => {
    await createIncident(org.ctx.contributor, risky.id, {
      ...OPEN_INCIDENT_REST,
      title: `@SUM(A1) ${uniq()}`,
      description: "",
      severity: "sev3",
      category: "stale_data",
      detectionSource: "human_reviewer",
      outcome: "prevented",
      startedAt: new Date(),
      costEstimate: 1200,
    });
    const page = await listIncidents(org.ctx.viewer, { pilotId: risky.id }, { limit: 10 });
    const [row] = records(incidentCsvHeader("GBP") + incidentsToCsv(page.items, "GBP"));
    expect(row).toMatchObject({ severity: "sev3", cost_estimate: "1200", currency: "GBP" });
    expect(row?.title?.startsWith("'@SUM(A1)")).toBe(true);
    expect(
      (await listIncidents(other.ctx.viewer, { pilotId: risky.id }, { limit: 10 })).items,
    ).toEqual([]);
  });
});

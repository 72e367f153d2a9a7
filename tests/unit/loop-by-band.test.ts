import { expect, test } from "vitest";
import { buildLoop, type LoopPilotInput } from "@/lib/domain/loop";
import { loopByBand } from "@/lib/domain/portfolio";
import type { Band } from "@/lib/domain/scoring/bands";

function pilot(
  id: string,
  band: Band | null,
  actions: number,
  incidents: number,
  rollbacks = 0,
): LoopPilotInput {
  return {
    pilotId: id,
    useCaseId: `uc-${id}`,
    useCaseName: `Use case ${id}`,
    stage: "shadow",
    status: "active",
    assessment:
      band === null
        ? null
        : { id: `a-${id}`, overall: 50, band, confidence: 0.8, submittedAt: new Date(0) },
    since: new Date(0),
    actions,
    rollbacks,
    dimensions: [],
    incidents: incidents
      ? [
          {
            category: "other",
            count: incidents,
            cost: incidents * 10,
            onRegister: 0,
            writtenAfter: 0,
          },
        ]
      : [],
  };
}

test("the loop in a few rows: one per band at the start, worst first, then pilots without an assessment", () => {
  const loop = buildLoop("portfolio", [
    pilot("1", "shadow", 1000, 2, 1),
    pilot("2", null, 500, 5),
    pilot("3", "not_ready", 2000, 10),
    pilot("4", "shadow", 3000, 6),
    pilot("5", "supervised", 0, 0),
  ]);
  const rows = loopByBand(loop);
  expect(rows.map((r) => r.band)).toEqual(["not_ready", "shadow", "supervised", null]);
  const shadow = rows[1]!;
  expect(shadow).toMatchObject({ pilots: 2, actions: 4000, incidents: 8, rollbacks: 1 });
  expect(shadow.incidentCost).toBe(80);
  expect(shadow.incidentRate).toBeCloseTo(2);
  expect(rows[0]!.incidentRate).toBeCloseTo(5);
  // No actions: no rate rather than zero.
  expect(rows[2]!.incidentRate).toBeNull();
  expect(rows[3]).toMatchObject({ pilots: 1, incidents: 5, incidentRate: 10 });
});

test("no pilots, no rows", () => {
  expect(loopByBand(buildLoop("portfolio", []))).toEqual([]);
});

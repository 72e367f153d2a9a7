import fs from "node:fs";
import path from "node:path";
import { describe, expect, test } from "vitest";
import { BAND_LABELS, bandIndex } from "@/lib/domain/scoring";
import { calibrationTable, scoreReferenceCases } from "@/scripts/lib/reference-cases";

const scored = scoreReferenceCases();

describe("calibration set: described workflows against their expected bands", () => {
  test("there are at least 10 cases, a third of them partially known", () => {
    expect(scored.length).toBeGreaterThanOrEqual(10);
    const partial = scored.filter(
      (s) =>
        (s.result.counts.dontKnow + s.result.counts.unanswered) / s.result.counts.applicable >=
        0.25,
    );
    expect(partial.length).toBeGreaterThanOrEqual(3);
  });

  test.each(scored.map((s) => [s.case.id, s] as const))(
    "%s lands in its expected band range",
    (_, s) => {
      expect(
        s.inRange,
        `${s.case.title}: scored ${BAND_LABELS[s.result.band]} (${s.result.overall}), expected ${s.case.expectedBand.min}–${s.case.expectedBand.max}.\n${s.result.trace.join("\n")}`,
      ).toBe(true);
    },
  );

  // Rank by band, then by the score on what is known: ranking by the score with unknowns
  // as gaps would rank partly described workflows by how much was known, not how ready.
  const key = (s: (typeof scored)[number]) =>
    bandIndex(s.result.band) * 1000 + (s.result.knownScore ?? 0);

  test("the cases rank in their expected order: bands never inverted, and a case expected wholly below another scores below it", () => {
    for (const a of scored) {
      for (const b of scored) {
        if (a.case.order >= b.case.order) continue;
        const label = `${a.case.title} (${BAND_LABELS[a.result.band]}, ${a.result.knownScore} on known answers) should not rank above ${b.case.title} (${BAND_LABELS[b.result.band]}, ${b.result.knownScore})`;
        expect(bandIndex(a.result.band) <= bandIndex(b.result.band), label).toBe(true);
        if (bandIndex(a.case.expectedBand.max) < bandIndex(b.case.expectedBand.min))
          expect(key(a) < key(b), label).toBe(true);
      }
    }
  });

  test("unknowns read as unverified, never as facts, in the partially known cases", () => {
    for (const s of scored) {
      for (const b of s.result.blockers) {
        if (b.status === "unverified")
          expect(b.findOut.length, `${s.case.id}: ${b.id}`).toBeGreaterThan(0);
      }
    }
  });

  test("the README shows the table as the engine scores it today", () => {
    const readme = fs.readFileSync(path.resolve(import.meta.dirname, "../../README.md"), "utf8");
    expect(
      readme,
      "run `npm run calibration -- --write` after changing the bank or the model",
    ).toContain(calibrationTable(scored));
  });

  test("the read-only, evaluated documentation assistant ranks above the batch-job restart agent", () => {
    const doc = scored.find((s) => /documentation/i.test(s.case.title));
    const restart = scored.find((s) => /restart/i.test(s.case.title));
    expect(doc && restart).toBeTruthy();
    expect(key(doc!)).toBeGreaterThan(key(restart!));
  });
});

import type { LoopDto } from "../loop";
import { BANDS, type Band } from "../scoring/bands";

/** Pilots grouped by the readiness band of their assessment at the start, and what followed. */
export type LoopBandRow = {
  /** `null`: pilots without an assessment from before their start. */
  band: Band | null;
  pilots: number;
  actions: number;
  incidents: number;
  /** Incidents per 1,000 actions attempted since the start; null without actions. */
  incidentRate: number | null;
  incidentCost: number;
  rollbacks: number;
};

/**
 * The loop across a portfolio in a handful of rows: one per readiness band at the start (worst
 * first, bands with no pilot left out), then the pilots without an assessment. What the
 * dashboard shows of the loop; the report draws it pilot by pilot.
 */
export function loopByBand(loop: LoopDto): LoopBandRow[] {
  const rows = new Map<Band | null, LoopBandRow>();
  for (const p of loop.pilots) {
    const band = p.assessment?.band ?? null;
    const row = rows.get(band) ?? {
      band,
      pilots: 0,
      actions: 0,
      incidents: 0,
      incidentRate: null,
      incidentCost: 0,
      rollbacks: 0,
    };
    row.pilots += 1;
    row.actions += p.actions;
    row.incidents += p.incidents;
    row.incidentCost += p.incidentCost;
    row.rollbacks += p.rollbacks;
    rows.set(band, row);
  }
  return [...BANDS, null].flatMap((band) => {
    const row = rows.get(band);
    if (!row) return [];
    return [
      { ...row, incidentRate: row.actions > 0 ? (row.incidents / row.actions) * 1000 : null },
    ];
  });
}

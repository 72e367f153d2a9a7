import { type Stage, stageIndex } from "../stages";

/** Readiness bands, from worst to best. */
export const BANDS = [
  "not_ready",
  "sandbox_only",
  "shadow",
  "supervised",
  "limited_production",
] as const;
export type Band = (typeof BANDS)[number];

export const BAND_LABELS: Record<Band, string> = {
  not_ready: "Not ready",
  sandbox_only: "Sandbox only",
  shadow: "Shadow",
  supervised: "Supervised",
  limited_production: "Ready for limited production",
};

/** The lowest overall score (0–100) that earns each band, before blockers. */
export const BAND_THRESHOLDS: Record<Band, number> = {
  not_ready: 0,
  sandbox_only: 30,
  shadow: 50,
  supervised: 65,
  limited_production: 80,
};

/** Where a pilot should start, and how much it may do on its own, for each band. */
export const BAND_START: Record<Band, { stage: Stage; autonomy: Autonomy }> = {
  not_ready: { stage: "proposed", autonomy: "human_decides" },
  sandbox_only: { stage: "sandbox", autonomy: "human_decides" },
  shadow: { stage: "shadow", autonomy: "human_decides" },
  supervised: { stage: "supervised", autonomy: "human_approves" },
  limited_production: { stage: "limited_production", autonomy: "human_monitors" },
};

/** How much the AI may do without a person: the levels used for recommendations. */
export const AUTONOMY_LEVELS = [
  "human_decides",
  "human_approves",
  "human_monitors",
  "autonomous",
] as const;
export type Autonomy = (typeof AUTONOMY_LEVELS)[number];

export const AUTONOMY_LABELS: Record<Autonomy, string> = {
  human_decides: "A person decides; the AI only suggests",
  human_approves: "The AI proposes each action; a person approves it",
  human_monitors: "The AI acts; people watch and can override at once",
  autonomous: "The AI acts on its own",
};

/** Position of a band (not ready = 0). */
export function bandIndex(band: Band): number {
  return BANDS.indexOf(band);
}

/** The band an overall score earns by itself. */
export function bandForScore(overall: number): Band {
  let band: Band = "not_ready";
  for (const b of BANDS) if (overall >= BAND_THRESHOLDS[b]) band = b;
  return band;
}

/** The lower of two bands. */
export function minBand(a: Band, b: Band): Band {
  return bandIndex(a) <= bandIndex(b) ? a : b;
}

/**
 * The furthest stage a pilot may reach without an override, for the band of its latest
 * assessment. The top band allows production: from limited production on, the gate's live
 * measurements decide, not the questionnaire.
 */
export const BAND_MAX_STAGE: Record<Band, Stage> = {
  not_ready: "proposed",
  sandbox_only: "sandbox",
  shadow: "shadow",
  supervised: "supervised",
  limited_production: "production",
};

/** The band a stage needs without an override (the lowest band whose limit reaches it). */
export function bandNeededFor(stage: Stage): Band {
  const target = stageIndex(stage);
  for (const band of BANDS) if (stageIndex(BAND_MAX_STAGE[band]) >= target) return band;
  return "limited_production";
}

/** Whether a band lets a pilot enter `stage` without an override. */
export function bandAllowsStage(band: Band, stage: Stage): boolean {
  return bandIndex(bandNeededFor(stage)) <= bandIndex(band);
}

/** The higher of two bands. */
export function maxBand(a: Band, b: Band): Band {
  return bandIndex(a) >= bandIndex(b) ? a : b;
}

/** The rollout stages a pilot moves through, in order. */
export const STAGES = [
  "proposed",
  "sandbox",
  "shadow",
  "supervised",
  "limited_production",
  "production",
] as const;

export type Stage = (typeof STAGES)[number];

export const STAGE_LABELS: Record<Stage, string> = {
  proposed: "Proposed",
  sandbox: "Sandbox",
  shadow: "Shadow",
  supervised: "Supervised",
  limited_production: "Limited production",
  production: "Production",
};

/** Position of a stage in the rollout order (proposed = 0). */
export function stageIndex(stage: Stage): number {
  return STAGES.indexOf(stage);
}

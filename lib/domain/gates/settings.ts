import { z } from "zod";
import { ROLES } from "../roles";
import { STAGES } from "../stages";
import {
  BAND_CRITERION,
  DEFAULT_GATE_CRITERIA,
  type GateCriterion,
  type GatedStage,
} from "./index";

export const GATED_STAGES = STAGES.filter((s): s is GatedStage => s !== "production");

const count = z.number().int().min(0).max(10_000_000);
const rate = z.number().min(0).max(1);

/** One criterion as an organisation may tune it; thresholds stay in sensible ranges. */
export const gateCriterionSchema = z.discriminatedUnion("kind", [
  z.object({ kind: z.literal("band_allows_stage") }),
  z.object({ kind: z.literal("min_readiness_score"), threshold: z.number().int().min(0).max(100) }),
  z.object({ kind: z.literal("min_days_in_stage"), threshold: z.number().int().min(0).max(365) }),
  z.object({ kind: z.literal("min_actions_observed"), threshold: count }),
  z.object({ kind: z.literal("min_accuracy"), threshold: rate }),
  z.object({ kind: z.literal("max_override_rate"), threshold: rate }),
  z.object({
    kind: z.literal("max_incident_rate_per_1000"),
    threshold: z.number().min(0).max(1000),
  }),
  z.object({ kind: z.literal("no_open_sev1_sev2") }),
  z.object({ kind: z.literal("assumptions_resolved") }),
  z.object({ kind: z.literal("rollback_plan_recorded") }),
  z.object({
    kind: z.literal("required_signoffs"),
    roles: z.array(z.enum(ROLES)).min(1, "Name at least one role that must sign off."),
  }),
]);

/** Per-stage criteria an organisation chose; stages it left alone use the defaults. */
export const gateSettingsSchema = z
  .object(
    Object.fromEntries(
      GATED_STAGES.map((s) => [
        s,
        z
          .array(gateCriterionSchema)
          .refine((list) => new Set(list.map((c) => c.kind)).size === list.length, {
            message: "Each criterion may appear once per stage.",
          })
          .optional(),
      ]),
    ) as Record<GatedStage, z.ZodOptional<z.ZodArray<typeof gateCriterionSchema>>>,
  )
  .strict();

export type GateSettings = Partial<Record<GatedStage, GateCriterion[]>>;

/**
 * The criteria in force for every stage: the organisation's own where it tuned a stage,
 * the defaults elsewhere. Settings that no longer parse fall back to the defaults per stage.
 * The band criterion is always first: an organisation cannot tune it away.
 */
export function effectiveGateCriteria(stored: unknown): Record<GatedStage, GateCriterion[]> {
  const raw = (stored && typeof stored === "object" ? stored : {}) as Record<string, unknown>;
  const result = {} as Record<GatedStage, GateCriterion[]>;
  for (const stage of GATED_STAGES) {
    const parsed = z.array(gateCriterionSchema).safeParse(raw[stage]);
    const list =
      raw[stage] !== undefined && parsed.success ? parsed.data : DEFAULT_GATE_CRITERIA[stage];
    result[stage] = [BAND_CRITERION, ...list.filter((c) => c.kind !== "band_allows_stage")];
  }
  return result;
}

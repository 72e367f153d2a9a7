import { z } from "zod";
import { CRITERION_KINDS, type CriterionKind, type GateCriterion } from "@/lib/domain/gates";
import { GATED_STAGES } from "@/lib/domain/gates/settings";
import { ROLES } from "@/lib/domain/roles";
import { AppError } from "@/lib/errors";

/** Criteria entered as percentages in the form and stored as fractions. */
export const PERCENT_KINDS: CriterionKind[] = ["min_accuracy", "max_override_rate"];
export const THRESHOLD_KINDS: CriterionKind[] = [
  "min_readiness_score",
  "min_days_in_stage",
  "min_actions_observed",
  "min_accuracy",
  "max_override_rate",
  "max_incident_rate_per_1000",
];

const LIMITS: Partial<Record<CriterionKind, [number, number, boolean]>> = {
  min_readiness_score: [0, 100, true],
  min_days_in_stage: [0, 365, true],
  min_actions_observed: [0, 10_000_000, true],
  min_accuracy: [0, 100, false],
  max_override_rate: [0, 100, false],
  max_incident_rate_per_1000: [0, 1000, false],
};

export const gateStageSchema = z.object({
  stage: z.enum(GATED_STAGES),
  version: z.coerce.number().int().min(1),
  reset: z.string().optional(),
});

/** The override approval switch (an unticked checkbox sends nothing). */
export const overridePolicySchema = z.object({
  overridesNeedSecondApprover: z
    .string()
    .optional()
    .transform((v) => v === "on"),
  version: z.coerce.number().int().min(1),
});

/** Turns one stage's gate form into criteria, with a message per wrong field. */
export function parseGateForm(formData: FormData): GateCriterion[] {
  const criteria: GateCriterion[] = [];
  const fields: Record<string, string[]> = {};
  for (const kind of CRITERION_KINDS) {
    if (formData.get(`${kind}.enabled`) !== "on") continue;
    if (kind === "required_signoffs") {
      const roles = ROLES.filter((r) => formData.get(`${kind}.${r}`) === "on");
      if (roles.length === 0) fields[kind] = ["Tick at least one role, or switch sign-offs off."];
      else criteria.push({ kind, roles });
      continue;
    }
    const limits = LIMITS[kind];
    if (!limits) {
      criteria.push({ kind } as GateCriterion);
      continue;
    }
    const [min, max, integer] = limits;
    const raw = String(formData.get(`${kind}.threshold`) ?? "")
      .trim()
      .replace(",", ".");
    const value = Number(raw);
    if (
      raw === "" ||
      !Number.isFinite(value) ||
      value < min ||
      value > max ||
      (integer && !Number.isInteger(value))
    ) {
      fields[kind] = [
        `Enter ${integer ? "a whole number" : "a number"} from ${min} to ${max.toLocaleString("en-GB")}.`,
      ];
      continue;
    }
    criteria.push({
      kind,
      threshold: PERCENT_KINDS.includes(kind) ? Math.round(value * 100) / 10_000 : value,
    } as GateCriterion);
  }
  if (Object.keys(fields).length > 0) {
    throw new AppError("invalid_input", "Some thresholds need your attention.", fields);
  }
  return criteria;
}

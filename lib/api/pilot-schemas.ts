import { z } from "zod";
import { CRITERION_KINDS } from "@/lib/domain/gates";
import { OVERRIDE_DECISIONS, OVERRIDE_REQUEST_STATUSES } from "@/lib/domain/gates/overrides";
import {
  ASSUMPTION_STATUSES,
  METRIC_PERIODS,
  PILOT_STATUSES,
  TRANSITION_KINDS,
} from "@/lib/domain/pilots";
import { STAGES } from "@/lib/domain/stages";
import { calendarDay, listSchema, MAX_VERSION, searchParam, useCaseRecordHead } from "./schemas";

const isoDate = calendarDay("A calendar date, YYYY-MM-DD.");

export const pilotQuerySchema = z.object({
  stage: z.enum(STAGES).optional(),
  status: z.enum(PILOT_STATUSES).optional(),
  ownerId: z.uuid().optional(),
  q: searchParam("Search in the use case's name."),
});

export const startPilotInputSchema = z
  .object({
    useCaseId: z.uuid(),
    stage: z.enum(STAGES).optional().meta({
      description:
        "Where the pilot starts; defaults to the stage the latest assessment recommends. A later stage needs `justification`.",
    }),
    ownerId: z.uuid().nullable().default(null),
    startDate: isoDate.optional().meta({ description: "Defaults to today." }),
    targetDate: isoDate.nullable().default(null),
    rollbackPlan: z.string().trim().max(4000).default(""),
    justification: z.string().trim().max(2000).nullable().default(null),
  })
  .meta({ id: "StartPilot" });

const criterionResultSchema = z
  .object({
    kind: z.enum(CRITERION_KINDS),
    label: z.string(),
    threshold: z.string().meta({ description: "The requirement, with its unit." }),
    measured: z.string().meta({ description: "What was measured, with its unit." }),
    pass: z.boolean(),
  })
  .meta({ id: "GateCriterionResult" });

const signoffSchema = z.object({
  id: z.uuid(),
  criterion: z.string(),
  userId: z.uuid(),
  userName: z.string().nullable(),
  role: z.string(),
  note: z.string().nullable(),
  createdAt: z.iso.datetime(),
});

/** Who owns a pilot, where it stands and its dates, in a list row and in a pilot alike. */
const pilotPlan = {
  ownerId: z.uuid().nullable(),
  ownerName: z.string().nullable(),
  stage: z.enum(STAGES),
  status: z.enum(PILOT_STATUSES),
  stageEnteredAt: z.iso.datetime(),
  startDate: z.string(),
  targetDate: z.string().nullable(),
};

export const pilotSummarySchema = z
  .object({
    ...useCaseRecordHead,
    ...pilotPlan,
    version: z.number().int().meta({ description: "Send it back with a transition or edit." }),
    daysInStage: z.number().int(),
    gatePass: z.boolean().nullable().meta({ description: "Null in production." }),
    failingCriteria: z.number().int(),
    openIncidents: z.number().int(),
    brokenAssumptions: z.number().int(),
    warning: z.string().nullable(),
  })
  .meta({ id: "PilotSummary" });

export const pilotListSchema = listSchema(pilotSummarySchema, "PilotList");

const transitionSchema = z
  .object({
    id: z.uuid(),
    kind: z.enum(TRANSITION_KINDS),
    fromStage: z.enum(STAGES).nullable(),
    toStage: z.enum(STAGES),
    actor: z.string(),
    reason: z.string().nullable(),
    overridden: z.array(criterionResultSchema),
    createdAt: z.iso.datetime(),
  })
  .meta({ id: "PilotTransition" });

export const pilotSchema = z
  .object({
    ...useCaseRecordHead,
    assessmentId: z.uuid().nullable(),
    ...pilotPlan,
    rollbackPlan: z.string(),
    version: z.number().int(),
    gate: z
      .object({
        nextStage: z.enum(STAGES).nullable(),
        pass: z.boolean().nullable(),
        criteria: z.array(criterionResultSchema),
        signoffs: z.array(signoffSchema),
      })
      .meta({ description: "The gate out of the current stage, checked against live data now." }),
    timeline: z.array(transitionSchema),
    assumptions: z.array(
      z.object({
        id: z.uuid(),
        text: z.string(),
        status: z.enum(ASSUMPTION_STATUSES),
        evidence: z.string().nullable(),
        version: z.number().int(),
        updatedAt: z.iso.datetime(),
      }),
    ),
  })
  .meta({ id: "Pilot" });

export const transitionInputSchema = z
  .object({
    to: z.enum([...STAGES, "paused", "active", "retired"]).meta({
      description:
        "The next stage (promote), an earlier stage (roll back), `paused`, `active` (resume) or `retired`.",
    }),
    justification: z.string().trim().max(2000).optional().meta({
      description:
        "Why. Required (10+ characters) for rollbacks, pauses, resumes and retirements; from an owner or admin token it also overrides failing gate criteria (20+ characters, answering each failing criterion).",
    }),
    version: z
      .number()
      .int()
      .min(1)
      .max(MAX_VERSION)
      .meta({ description: "The pilot's version you last read." }),
  })
  .meta({ id: "PilotTransitionInput" });

export const transitionResultSchema = z
  .object({ pilot: pilotSummarySchema.partial(), transition: transitionSchema })
  .meta({ id: "PilotTransitionResult" });

export const overrideRequestSchema = z
  .object({
    id: z.uuid(),
    pilotId: z.uuid(),
    fromStage: z.enum(STAGES),
    toStage: z.enum(STAGES),
    pilotVersion: z
      .number()
      .int()
      .meta({ description: "The pilot's version when asked: approval needs it unchanged." }),
    justification: z.string(),
    failing: z.array(criterionResultSchema).meta({ description: "As measured when asked." }),
    requestedBy: z.string(),
    requestedAt: z.iso.datetime(),
    status: z.enum(OVERRIDE_REQUEST_STATUSES),
    decidedBy: z.string().nullable(),
    decidedAt: z.iso.datetime().nullable(),
    decisionNote: z.string().nullable(),
    staleReason: z.string().nullable().meta({
      description: "Why a pending request can no longer be approved (the pilot changed since).",
    }),
    version: z.number().int().meta({ description: "Send it back with a decision." }),
  })
  .meta({ id: "GateOverrideRequest" });

export const overrideRequestCreatedSchema = z
  .object({ pilot: pilotSummarySchema.partial(), request: overrideRequestSchema })
  .meta({ id: "GateOverrideRequested" });

export const overrideRequestListSchema = listSchema(
  overrideRequestSchema,
  "GateOverrideRequestList",
);

export const overrideDecisionInputSchema = z
  .object({
    decision: z.enum(OVERRIDE_DECISIONS).meta({
      description:
        "`approve` (performs the promotion) or `reject`, by an owner or admin other than the requester; `withdraw`, by the requester.",
    }),
    note: z.string().trim().max(2000).optional().meta({
      description: "Why: required (10+ characters) to reject.",
    }),
    version: z
      .number()
      .int()
      .min(1)
      .max(MAX_VERSION)
      .meta({ description: "The request's version you last read." }),
  })
  .meta({ id: "GateOverrideDecision" });

export const overrideDecisionResultSchema = z
  .object({
    request: overrideRequestSchema,
    pilot: pilotSummarySchema.partial(),
    transition: transitionSchema.nullable().meta({ description: "The promotion, when approved." }),
  })
  .meta({ id: "GateOverrideDecisionResult" });

export const gateBlockedSchema = z
  .object({
    error: z.object({
      code: z.literal("invalid_input"),
      message: z.string(),
      reason: z.string(),
      failing: z.array(criterionResultSchema),
    }),
  })
  .meta({ id: "GateBlocked" });

const count = z.number().int().min(0).max(100_000_000);

export const runMetricInputSchema = z
  .object({
    period: z.enum(METRIC_PERIODS).default("day"),
    periodStart: isoDate.meta({
      description: "The day, or any day of the week (stored as its Monday).",
    }),
    attempted: count,
    correct: count,
    overrides: count,
    escalations: count.default(0),
  })
  .refine((m) => m.correct <= m.attempted, {
    message: "Correct actions cannot exceed actions attempted.",
    path: ["correct"],
  })
  .refine((m) => m.overrides <= m.attempted, {
    message: "Human overrides cannot exceed actions attempted.",
    path: ["overrides"],
  })
  .refine((m) => m.escalations <= m.attempted, {
    message: "Escalations cannot exceed actions attempted.",
    path: ["escalations"],
  });

export const runMetricsInputSchema = z
  .object({ metrics: z.array(runMetricInputSchema).min(1).max(1000) })
  .meta({ id: "RunMetricsInput" });

export const runMetricsResultSchema = z
  .object({
    data: z.array(
      z.object({
        id: z.uuid(),
        period: z.enum(METRIC_PERIODS),
        periodStart: z.string(),
        stage: z.enum(STAGES),
        attempted: z.number().int(),
        correct: z.number().int(),
        overrides: z.number().int(),
        escalations: z.number().int(),
        accuracy: z.number().nullable(),
        overrideRate: z.number().nullable(),
        escalationRate: z.number().nullable(),
      }),
    ),
  })
  .meta({ id: "RunMetrics" });

export const assumptionPatchSchema = z
  .object({
    status: z.enum(ASSUMPTION_STATUSES),
    evidence: z.string().trim().max(2000).nullable().optional().meta({
      description: "Required unless the status is `open`: what shows it.",
    }),
    version: z.number().int().min(1).max(MAX_VERSION),
  })
  .meta({ id: "AssumptionPatch" });

export const assumptionSchema = z
  .object({
    id: z.uuid(),
    text: z.string(),
    status: z.enum(ASSUMPTION_STATUSES),
    evidence: z.string().nullable(),
    updatedByName: z.string().nullable(),
    version: z.number().int(),
    updatedAt: z.iso.datetime(),
  })
  .meta({ id: "Assumption" });

export const idempotencyHeaderSchema = z.object({
  "idempotency-key": z.string().max(200).optional().meta({
    description:
      "Makes retries safe: the same key and body replay the first response; the same key with another body is a 409.",
  }),
});

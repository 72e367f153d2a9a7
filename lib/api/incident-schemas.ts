import { z } from "zod";
import {
  DETECTION_SOURCES,
  INCIDENT_ACTIONS,
  INCIDENT_CATEGORIES,
  OUTCOMES,
  SEVERITIES,
  type Severity,
} from "@/lib/domain/incidents";
import {
  INCIDENT_BATCH_MAX,
  incidentActionsSchema,
  RESOLUTION_NOTE_MAX,
} from "@/lib/domain/incidents/schemas";
import { STAGES } from "@/lib/domain/stages";
import { singleLine } from "@/lib/text";
import { calendarDay, cursorParam, MAX_VERSION, pageSchema, searchParam } from "./schemas";

const timestamp = z.iso
  .datetime({ offset: true })
  .refine((v) => v >= "1900", "Use a time from 1900 on.")
  .transform((v) => new Date(v))
  .meta({ description: "An ISO 8601 date-time with a time zone, e.g. 2026-11-24T09:30:00Z." });
const optionalTimestamp = timestamp.nullable().optional();

const fields = {
  title: singleLine().min(3).max(200),
  description: z.string().trim().max(8000),
  severity: z.enum(SEVERITIES),
  category: z.enum(INCIDENT_CATEGORIES),
  detectionSource: z.enum(DETECTION_SOURCES),
  outcome: z.enum(OUTCOMES),
  startedAt: timestamp,
  detectedAt: optionalTimestamp,
  acknowledgedAt: optionalTimestamp,
  mitigatedAt: optionalTimestamp,
  resolvedAt: optionalTimestamp,
  resolutionNote: z.string().trim().max(RESOLUTION_NOTE_MAX).nullable().optional().meta({
    description:
      "How it was resolved. Required to resolve an incident (with `resolvedAt`); cleared when it is reopened.",
  }),
  costEstimate: z.number().int().min(0).max(1e13).nullable().optional(),
  assumptionId: z.uuid().nullable().optional().meta({
    description: "An assumption of the pilot this incident broke; it is marked broken.",
  }),
  actions: incidentActionsSchema.optional(),
};

export const incidentInputSchema = z
  .object({ ...fields, description: fields.description.default("") })
  .meta({ id: "IncidentInput" });

export const incidentBatchSchema = z
  .object({
    incidents: z
      .array(incidentInputSchema)
      .min(1)
      .max(INCIDENT_BATCH_MAX)
      .meta({
        description: `1 to ${INCIDENT_BATCH_MAX} incidents, each as a single one is logged.`,
      }),
  })
  .meta({ id: "IncidentBatch" });

export const incidentBatchResultSchema = z
  .object({
    ids: z
      .array(z.uuid())
      .meta({ description: "The new incidents' ids, in the order they were sent." }),
  })
  .meta({ id: "IncidentBatchResult" });

export const incidentPatchSchema = z
  .object({
    ...Object.fromEntries(Object.entries(fields).map(([k, v]) => [k, v.optional()])),
    version: z
      .number()
      .int()
      .min(1)
      .max(MAX_VERSION)
      .meta({ description: "The incident's version you last read." }),
  } as { [K in keyof typeof fields]: z.ZodOptional<(typeof fields)[K]> } & { version: z.ZodNumber })
  .meta({ id: "IncidentPatch" });

const dateFilter = calendarDay("YYYY-MM-DD (UTC).");

export const incidentQuerySchema = z.object({
  pilotId: z.uuid().optional(),
  severity: z.enum(SEVERITIES).optional(),
  category: z.enum(INCIDENT_CATEGORIES).optional(),
  outcome: z.enum(OUTCOMES).optional(),
  status: z.enum(["open", "resolved"]).optional(),
  from: dateFilter.optional().meta({ description: "Started on or after this day." }),
  to: dateFilter.optional().meta({ description: "Started before this day." }),
  q: searchParam("Search in title and description."),
  cursor: cursorParam,
  limit: z.coerce.number().int().min(1).max(500).optional(),
});

export const incidentMetricsQuerySchema = incidentQuerySchema
  .omit({ cursor: true, limit: true })
  .extend({ groupBy: z.enum(["week", "month"]).default("month") });

export const incidentSchema = z
  .object({
    id: z.uuid(),
    pilotId: z.uuid().nullable(),
    pilotName: z.string().nullable(),
    title: z.string(),
    description: z.string(),
    severity: z.enum(SEVERITIES),
    category: z.enum(INCIDENT_CATEGORIES),
    detectionSource: z.enum(DETECTION_SOURCES),
    outcome: z.enum(OUTCOMES),
    stage: z.enum(STAGES).nullable().meta({ description: "The pilot's stage when it started." }),
    startedAt: z.iso.datetime(),
    detectedAt: z.iso.datetime().nullable(),
    acknowledgedAt: z.iso.datetime().nullable(),
    mitigatedAt: z.iso.datetime().nullable(),
    resolvedAt: z.iso.datetime().nullable(),
    resolutionNote: z.string().nullable(),
    costEstimate: z.number().nullable(),
    assumptionId: z.uuid().nullable(),
    actions: z.array(z.enum(INCIDENT_ACTIONS)),
    externalId: z.string().nullable(),
    currency: z.string().meta({
      description: "ISO 4217 code of the organisation's currency: `costEstimate` is in it.",
    }),
    version: z.number().int(),
  })
  .meta({ id: "Incident" });

export const incidentPageSchema = pageSchema(
  incidentSchema.omit({
    description: true,
    resolutionNote: true,
    assumptionId: true,
    externalId: true,
    currency: true,
    version: true,
  }),
  "IncidentPage",
  { total: z.number().int().nullable() },
);

const duration = z.object({
  median: z.number().nullable(),
  p90: z.number().nullable(),
  count: z.number().int(),
});
const aggregate = {
  count: z.number().int(),
  open: z.number().int(),
  bySeverity: z.record(z.string(), z.number().int()),
  byOutcome: z.record(z.string(), z.number().int()),
  timeToDetect: duration,
  timeToAcknowledge: duration,
  timeToMitigate: duration,
  timeToResolve: duration,
  caughtBeforeImpact: z.number().nullable(),
  totalCost: z.number(),
  actionsAttempted: z.number().int(),
  ratePer1000: z.number().nullable(),
};

export const incidentMetricsSchema = z
  .object({
    groupBy: z.enum(["week", "month"]),
    currency: z
      .string()
      .meta({ description: "ISO 4217 code of the organisation's currency: costs are in it." }),
    definitions: z.record(z.string(), z.string()),
    summary: z.object(aggregate),
    series: z.array(z.object({ period: z.string(), ...aggregate })),
    actionsByPeriod: z
      .array(z.object({ period: z.string(), attempted: z.number().int() }))
      .meta({ description: "Actions attempted per period, periods without incidents included." }),
    byCategory: z.array(
      z.object({ category: z.enum(INCIDENT_CATEGORIES), count: z.number().int() }),
    ),
    byStage: z.array(
      z.object({
        stage: z.enum(STAGES),
        count: z.number().int(),
        actionsAttempted: z.number().int(),
        ratePer1000: z.number().nullable(),
      }),
    ),
    byPilot: z.array(
      z.object({
        pilotId: z.uuid(),
        name: z.string(),
        count: z.number().int(),
        open: z.number().int(),
        ttrMedian: z.number().nullable(),
      }),
    ),
  })
  .meta({
    id: "IncidentMetrics",
    description:
      "Durations are in minutes; periods start on Monday (week) or the 1st (month), UTC.",
  });

const SEVERITY_ALIASES: Record<string, Severity> = {
  sev1: "sev1",
  sev2: "sev2",
  sev3: "sev3",
  sev4: "sev4",
  p1: "sev1",
  p2: "sev2",
  p3: "sev3",
  p4: "sev4",
  p5: "sev4",
  critical: "sev1",
  high: "sev2",
  error: "sev2",
  medium: "sev3",
  warning: "sev3",
  low: "sev4",
  info: "sev4",
  "1": "sev1",
  "2": "sev2",
  "3": "sev3",
  "4": "sev4",
};

export const webhookSchema = z
  .object({
    external_id: z
      .string()
      .trim()
      .min(1)
      .max(200)
      .meta({ description: "The sender's id of the incident; repeats update it." }),
    title: singleLine().min(3).max(200),
    description: z.string().max(8000).optional(),
    severity: z
      .union([z.string(), z.number()])
      .transform((v, ctx) => {
        const severity = SEVERITY_ALIASES[String(v).trim().toLowerCase()];
        if (!severity) {
          ctx.addIssue({
            code: "custom",
            message: "Use sev1–sev4, P1–P5, critical/high/medium/low/info, or 1–4.",
          });
          return z.NEVER;
        }
        return severity;
      })
      .meta({
        description: "sev1–sev4, P1–P5, critical, high, error, medium, warning, low, info, or 1–4.",
      }),
    pilot_id: z.uuid().optional().meta({ description: "The pilot it belongs to, if any." }),
    started_at: timestamp.meta({ description: "When it started (or was triggered)." }),
    detected_at: optionalTimestamp,
    acknowledged_at: optionalTimestamp,
    mitigated_at: optionalTimestamp,
    resolved_at: optionalTimestamp,
    resolution_note: z.string().trim().max(RESOLUTION_NOTE_MAX).optional().meta({
      description:
        "How it was resolved. Without one, an event that resolves the incident notes that it did.",
    }),
  })
  .meta({ id: "IncidentWebhook" });

/** The webhook's names for the incident fields a refusal can name. */
const WEBHOOK_FIELDS: Record<string, string> = {
  title: "title",
  description: "description",
  severity: "severity",
  pilotId: "pilot_id",
  startedAt: "started_at",
  detectedAt: "detected_at",
  acknowledgedAt: "acknowledged_at",
  mitigatedAt: "mitigated_at",
  resolvedAt: "resolved_at",
  resolutionNote: "resolution_note",
};

/** Field errors of an incident, renamed to the fields of the webhook event. */
export function webhookFieldErrors(fields: Record<string, string[]>): Record<string, string[]> {
  return Object.fromEntries(
    Object.entries(fields).map(([field, messages]) => [WEBHOOK_FIELDS[field] ?? field, messages]),
  );
}

import { z } from "zod";
import {
  DETECTION_SOURCES,
  INCIDENT_CATEGORIES,
  OUTCOMES,
  SEVERITIES,
} from "@/lib/domain/incidents";
import {
  incidentActionsSchema,
  optionalResolutionNoteSchema,
  resolutionNoteSchema,
} from "@/lib/domain/incidents/schemas";
import { moneyInputSchema } from "@/lib/domain/money";
import { STAGES } from "@/lib/domain/stages";
import { AppError, fieldErrorsFrom } from "@/lib/errors";
import { singleLine } from "@/lib/text";

/** A `datetime-local` value, read as UTC (the form says so). */
const utcTime = (label: string) =>
  z
    .string()
    .trim()
    .regex(
      /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2})?$/,
      `Enter when it was ${label}, as a date and time.`,
    )
    .transform((v) => new Date(`${v.length === 16 ? `${v}:00` : v}Z`))
    .refine((d) => !Number.isNaN(d.getTime()), `Enter when it was ${label}, as a date and time.`);

const optionalUtcTime = (label: string) =>
  z
    .string()
    .trim()
    .transform((v) => v || null)
    .pipe(utcTime(label).nullable());

/**
 * The incident form, as submitted (all strings), turned into an incident input; the cost is
 * typed as people write amounts in the organisation's currency ("£1,200", "1.2k").
 */
export const incidentFormSchema = (currency: string) =>
  z.object({
    pilotId: z
      .string()
      .trim()
      .transform((v) => v || null)
      .pipe(z.uuid("Choose a pilot from the list.").nullable()),
    title: singleLine()
      .min(3, "Give the incident a title of at least 3 characters.")
      .max(200, "Use at most 200 characters."),
    description: z.string().trim().max(8000, "Use at most 8,000 characters.").default(""),
    severity: z.enum(SEVERITIES, "Choose a severity."),
    category: z.enum(INCIDENT_CATEGORIES, "Choose a category."),
    detectionSource: z.enum(DETECTION_SOURCES, "Choose how it was detected."),
    outcome: z.enum(OUTCOMES, "Choose the outcome."),
    startedAt: utcTime("started"),
    detectedAt: optionalUtcTime("detected"),
    acknowledgedAt: optionalUtcTime("acknowledged"),
    mitigatedAt: optionalUtcTime("mitigated"),
    resolvedAt: optionalUtcTime("resolved"),
    // Left out by a form without the field: the incident keeps its note.
    resolutionNote: optionalResolutionNoteSchema.optional(),
    costEstimate: moneyInputSchema(currency),
    // A disabled select (no pilot chosen) sends nothing at all.
    assumptionId: z
      .string()
      .trim()
      .optional()
      .transform((v) => v || null)
      .pipe(z.uuid("Choose an assumption from the list.").nullable()),
    // The ticked checkboxes: several values under one name, gathered by parseIncidentForm.
    actions: incidentActionsSchema,
  });

/**
 * The incident form's data, parsed (the actions checkboxes as one list), with every wrong
 * field named; a wrong action is reported on the group.
 */
export function parseIncidentForm(
  formData: FormData,
  currency: string,
): z.infer<ReturnType<typeof incidentFormSchema>> {
  const raw: Record<string, unknown> = {};
  for (const [key, value] of formData.entries()) {
    if (!key.startsWith("$ACTION") && key !== "actions" && typeof value === "string") {
      raw[key] = value;
    }
  }
  raw.actions = formData.getAll("actions");
  const parsed = incidentFormSchema(currency).safeParse(raw);
  if (!parsed.success) {
    throw new AppError(
      "invalid_input",
      "Some fields need your attention.",
      fieldErrorsFrom(
        parsed.error.issues.map((issue) =>
          issue.path[0] === "actions" ? { ...issue, path: ["actions"] } : issue,
        ),
      ),
    );
  }
  return parsed.data;
}

export const versionSchema = z.object({ version: z.coerce.number().int().min(1) });

/** Resolving from the incident page: the version it was opened at, and how it was resolved. */
export const resolveFormSchema = versionSchema.extend({ resolutionNote: resolutionNoteSchema });

const optionalEnum = <T extends readonly [string, ...string[]]>(values: T) =>
  z
    .string()
    .optional()
    .transform((v) => (values.includes(v ?? "") ? (v as T[number]) : undefined));

const optionalDay = z
  .string()
  .optional()
  .transform((v) =>
    v && /^\d{4}-\d{2}-\d{2}$/.test(v) && !Number.isNaN(Date.parse(v)) ? v : undefined,
  );

/** Filters of the incidents page, from the query string; unknown values are ignored. */
export const incidentFilterSchema = z.object({
  pilot: z
    .string()
    .optional()
    .transform((v) => (v && z.uuid().safeParse(v).success ? v : undefined)),
  /** Incidents of the pilots this person owns. */
  owner: z
    .string()
    .optional()
    .transform((v) => (v && z.uuid().safeParse(v).success ? v : undefined)),
  /** Incidents of the pilots now in this stage. */
  stage: optionalEnum(STAGES),
  severity: optionalEnum(SEVERITIES),
  category: optionalEnum(INCIDENT_CATEGORIES),
  outcome: optionalEnum(OUTCOMES),
  status: optionalEnum(["open", "resolved"] as const),
  from: optionalDay,
  to: optionalDay,
  q: z
    .string()
    .optional()
    .transform((v) => v?.trim().slice(0, 100) || undefined),
  groupBy: optionalEnum(["week", "month"] as const),
  cursor: z.string().max(200).optional(),
});

export type IncidentFilterParams = z.infer<typeof incidentFilterSchema>;

/** The query layer's filters for these parameters (days are UTC; `to` is inclusive). */
export function toFilters(p: IncidentFilterParams) {
  return {
    pilotId: p.pilot,
    ownerId: p.owner,
    pilotStage: p.stage,
    severity: p.severity,
    category: p.category,
    outcome: p.outcome,
    status: p.status,
    q: p.q,
    from: p.from ? new Date(`${p.from}T00:00:00Z`) : undefined,
    to: p.to ? new Date(new Date(`${p.to}T00:00:00Z`).getTime() + 86_400_000) : undefined,
  };
}

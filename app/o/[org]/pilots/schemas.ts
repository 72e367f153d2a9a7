import { z } from "zod";
import { OVERRIDE_DECISIONS } from "@/lib/domain/gates/overrides";
import { ASSUMPTION_STATUSES, METRIC_PERIODS } from "@/lib/domain/pilots";
import { STAGES } from "@/lib/domain/stages";

const dateField = (message: string) =>
  z
    .string()
    .trim()
    .regex(/^\d{4}-\d{2}-\d{2}$/, message)
    .refine((v) => !Number.isNaN(new Date(`${v}T00:00:00Z`).getTime()), message);

const optionalDate = (message: string) =>
  z
    .string()
    .trim()
    .transform((v) => v || null)
    .pipe(dateField(message).nullable());

const ownerField = z
  .string()
  .trim()
  .transform((v) => v || null)
  .pipe(z.uuid("Choose an owner from the list.").nullable());

const rollbackPlan = z.string().trim().max(4000, "Use at most 4,000 characters.").default("");

/** The start-a-pilot form. */
export const startPilotFormSchema = z.object({
  useCaseId: z.uuid("Choose an assessed use case."),
  stage: z.enum(STAGES, "Choose the stage the pilot starts in."),
  ownerId: ownerField,
  startDate: dateField("Enter the start date."),
  targetDate: optionalDate("Enter a valid target date, or leave it empty."),
  rollbackPlan,
  justification: z.string().trim().max(2000, "Use at most 2,000 characters.").default(""),
});

/** Editing a pilot: owner, dates and rollback plan, at the version the form was loaded with. */
export const editPilotFormSchema = z.object({
  ownerId: ownerField,
  startDate: dateField("Enter the start date."),
  targetDate: optionalDate("Enter a valid target date, or leave it empty."),
  rollbackPlan,
  version: z.coerce.number().int().min(1),
});

/** A promotion, rollback, pause, resume or retirement from the pilot page. */
export const transitionFormSchema = z.object({
  to: z.enum([...STAGES, "paused", "active", "retired"], "Choose where to move the pilot."),
  justification: z.string().trim().max(2000, "Use at most 2,000 characters.").default(""),
  override: z
    .string()
    .optional()
    .transform((v) => v === "on" || v === "true"),
  version: z.coerce.number().int().min(1),
});

/** A decision on a gate override request; the query checks who may make it. */
export const overrideDecisionFormSchema = z.object({
  requestId: z.uuid("Choose an override request."),
  decision: z.enum(OVERRIDE_DECISIONS, "Choose approve, reject or withdraw."),
  note: z.string().trim().max(2000, "Use at most 2,000 characters.").default(""),
  version: z.coerce.number().int().min(1),
});

/** Withdrawing one's own sign-off. */
export const withdrawSignoffFormSchema = z.object({
  signoffId: z.uuid("Choose a sign-off to withdraw."),
});

/** The CSV import of run metrics: the file (at most 1 MB) and the period of rows that name none. */
export const runMetricsImportFormSchema = z.object({
  file: z
    .instanceof(File, { message: "Choose a CSV file." })
    .refine((f) => f.size > 0, "Choose a CSV file.")
    .refine(
      (f) => f.size <= 1_000_000,
      "The file is larger than 1 MB: split it and import the parts.",
    ),
  period: z.enum(METRIC_PERIODS, "Choose days or weeks.").default("day"),
});

export const signoffFormSchema = z.object({
  criterion: z.string().trim().min(1, "Choose a criterion.").max(60),
  note: z.string().trim().max(1000, "Use at most 1,000 characters.").default(""),
});

const count = (label: string) =>
  z
    .string()
    .trim()
    .transform((v) => v.replace(/[,_\s]/g, ""))
    .pipe(
      z
        .string()
        .regex(/^\d{1,9}$/, `Enter ${label} as a whole number of 0 or more.`)
        .transform(Number),
    );

/** One period of run metrics typed in by hand. */
export const runMetricFormSchema = z.object({
  period: z.enum(METRIC_PERIODS, "Choose day or week."),
  periodStart: dateField("Enter the day (or a day of the week) the numbers cover."),
  attempted: count("actions attempted"),
  correct: count("actions correct"),
  overrides: count("human overrides"),
  escalations: z
    .string()
    .trim()
    .transform((v) => v || "0")
    .pipe(count("escalations")),
});

export const assumptionFormSchema = z.object({
  assumptionId: z.uuid(),
  status: z.enum(ASSUMPTION_STATUSES, "Choose a status."),
  evidence: z.string().trim().max(2000, "Use at most 2,000 characters.").default(""),
  version: z.coerce.number().int().min(1),
});

export const newAssumptionFormSchema = z.object({
  text: z
    .string()
    .trim()
    .min(5, "Describe the assumption in at least 5 characters.")
    .max(500, "Use at most 500 characters."),
});

const optionalEnum = <T extends readonly [string, ...string[]]>(values: T) =>
  z
    .string()
    .optional()
    .transform((v) => (values.includes(v ?? "") ? (v as T[number]) : undefined));

/** Board filters from the query string; unknown values are ignored rather than failing. */
export const pilotBoardFilterSchema = z.object({
  q: z
    .string()
    .optional()
    .transform((v) => v?.trim().slice(0, 100) || undefined),
  owner: z
    .string()
    .optional()
    .transform((v) => (v && z.uuid().safeParse(v).success ? v : undefined)),
  status: optionalEnum(["active", "paused", "retired"] as const),
  stage: optionalEnum(STAGES),
});

/** The start form's query string: `?useCase=` preselects a use case; anything else is ignored. */
export const newPilotQuerySchema = z.object({
  useCase: z
    .unknown()
    .optional()
    .transform((v) => (typeof v === "string" && z.uuid().safeParse(v).success ? v : undefined)),
});

/** The query layer's filters for the board's parameters (the board and its CSV exports). */
export function toPilotFilters(f: z.infer<typeof pilotBoardFilterSchema>) {
  return { q: f.q, ownerId: f.owner, status: f.status, stage: f.stage };
}

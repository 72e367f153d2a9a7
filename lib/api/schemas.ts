import { z } from "zod";
import { TOKEN_REFUSALS } from "@/lib/domain/api-tokens";
import { ROLES } from "@/lib/domain/roles";
import { USE_CASE_STATUSES } from "@/lib/domain/use-cases";
import { CURRENCIES } from "@/lib/format";
import { singleLine } from "@/lib/text";

/** A list response: `{ data: [item, …] }`, documented under `id`. */
export function listSchema<T extends z.ZodType>(item: T, id: string) {
  return z.object({ data: z.array(item) }).meta({ id });
}

/** A page response: `{ data: [item, …], nextCursor }` (and whatever `extra` adds). */
export function pageSchema<T extends z.ZodType, E extends z.ZodRawShape = Record<never, never>>(
  item: T,
  id: string,
  extra: E = {} as E,
) {
  return z
    .object({ data: z.array(item), nextCursor: z.string().nullable(), ...extra })
    .meta({ id });
}

/** The `cursor` query parameter of a paged list. */
/**
 * A calendar day, YYYY-MM-DD, from 1900 to 9999: the databases have no year 0, and no record
 * of this product is dated before 1900.
 */
export const calendarDay = (description: string) =>
  z.iso
    .date()
    .refine((v) => v >= "1900-01-01", "Use a day from 1900-01-01 on.")
    .meta({ description });

export const cursorParam = z
  .string()
  .max(200)
  .optional()
  .meta({ description: "`nextCursor` of the previous page." });

/** The `q` query parameter of a list: a free-text search, described by what it searches. */
export const searchParam = (description: string) =>
  z.string().max(100).optional().meta({ description });

/** What a pilot or a workshop starts with: its id and the use case it is of. */
export const useCaseRecordHead = { id: z.uuid(), useCaseId: z.uuid(), useCaseName: z.string() };

/** The API's error body, as documented in the OpenAPI document. */
export const errorSchema = z
  .object({
    error: z.object({
      code: z.enum([
        "bad_request",
        "unauthorized",
        "forbidden",
        "not_found",
        "conflict",
        "invalid_input",
        "rate_limited",
        "internal",
      ]),
      message: z.string(),
      fields: z.record(z.string(), z.array(z.string())).optional(),
      reason: z.enum(TOKEN_REFUSALS).optional().meta({
        description:
          "With a 401 for a token: why it was refused. A token stops working when it expires or is revoked, and while the member who created it is removed from the organisation, demoted below the token's role, or disabled.",
      }),
    }),
  })
  .meta({ id: "Error" });

export const healthSchema = z
  .object({ status: z.literal("ok"), db: z.enum(["pglite", "postgres"]) })
  .meta({ id: "Health" });

export const organisationSchema = z
  .object({
    id: z.uuid(),
    slug: z.string(),
    name: z.string(),
    currency: z.enum(CURRENCIES).meta({
      description:
        "ISO 4217 code of the currency every amount of the organisation is in (annual values, incident costs). Owners and admins change it in Settings; amounts are relabelled, not converted.",
    }),
    createdAt: z.iso.datetime(),
    token: z
      .object({ role: z.enum(ROLES) })
      .meta({ description: "The role the calling token acts with." }),
  })
  .meta({ id: "Organisation" });

export const memberSchema = z
  .object({
    id: z.uuid(),
    userId: z.uuid(),
    name: z.string(),
    email: z.email(),
    role: z.enum(ROLES),
    joinedAt: z.iso.datetime(),
  })
  .meta({ id: "Member" });

export const memberListSchema = listSchema(memberSchema, "MemberList");

export const auditQuerySchema = z.object({
  action: z
    .string()
    .max(100)
    .optional()
    .meta({ description: "Only events with this action, e.g. member.role_changed." }),
  entityType: z.string().max(100).optional(),
  from: z.iso.datetime().optional().meta({ description: "Inclusive lower bound (ISO 8601)." }),
  to: z.iso.datetime().optional().meta({ description: "Inclusive upper bound (ISO 8601)." }),
  cursor: cursorParam,
  limit: z.coerce
    .number()
    .int()
    .min(1)
    .max(200)
    .optional()
    .meta({ description: "Page size, 1–200 (default 50)." }),
});

export const auditEventSchema = z
  .object({
    id: z.number().int(),
    action: z.string(),
    entityType: z.string(),
    entityId: z.string().nullable(),
    actor: z.string().meta({
      description:
        "Who acted: the person's email, or the label of an API token or of the command line.",
    }),
    actorType: z.enum(["user", "token", "system"]),
    actorUserId: z.uuid().nullable(),
    actorTokenId: z.uuid().nullable(),
    actorEmail: z.string().nullable().meta({
      description:
        "Email of the person who acted or, for a token, who created it, as it was when the event was written. Null for the command line and command-line tokens.",
    }),
    actorName: z.string().nullable().meta({
      description: "Their display name then (not unique: identify people by email).",
    }),
    before: z.unknown(),
    after: z.unknown(),
    createdAt: z.iso.datetime(),
  })
  .meta({ id: "AuditEvent" });

export const auditPageSchema = pageSchema(auditEventSchema, "AuditEventPage");

const ANNUAL_VALUE_MESSAGE =
  'Send a whole, non-negative number of the organisation\'s currency (at most 10,000,000,000,000), like 180000, or null; text such as "£180k" is for the web form.';

/** The fields of a use case as the API takes them; creating fills defaults, a patch does not. */
const useCaseFields = {
  name: singleLine().min(2).max(120),
  description: z.string().trim().max(4000),
  ownerId: z.uuid().nullable(),
  businessValue: z
    .number()
    .int()
    .min(1)
    .max(5)
    .meta({ description: "1 (marginal) to 5 (strategic)." }),
  annualValue: z
    .number({ error: ANNUAL_VALUE_MESSAGE })
    .int(ANNUAL_VALUE_MESSAGE)
    .min(0, ANNUAL_VALUE_MESSAGE)
    .max(1e13, ANNUAL_VALUE_MESSAGE)
    .nullable()
    .meta({
      description:
        'Estimated value per year in whole units of the organisation\'s currency (`currency` of GET /api/v1/organisation), or null. A JSON number such as 180000: text such as "£180k" is refused with 422 (the web form accepts it).',
    }),
  systems: z.array(singleLine().min(1).max(60)).max(20),
  status: z.enum(USE_CASE_STATUSES),
};
const ownerIdMeta = { description: "A member's user id, or null." };

export const useCaseInputSchema = z
  .object({
    ...useCaseFields,
    description: useCaseFields.description.default(""),
    ownerId: useCaseFields.ownerId.default(null).meta(ownerIdMeta),
    annualValue: useCaseFields.annualValue.default(null),
    systems: useCaseFields.systems.default([]),
    status: useCaseFields.status.default("candidate"),
  })
  .meta({ id: "UseCaseInput" });

/** Versions are PostgreSQL integers: a larger one could never match, and must not reach a query. */
export const MAX_VERSION = 2_147_483_647;

/** The version a client last read, from a JSON body (a number). */
export const versionField = z
  .number()
  .int()
  .min(1)
  .max(MAX_VERSION)
  .meta({ description: "The version you last read; a stale one is a 409 and changes nothing." });

/** The version a client last read, as a query parameter (DELETE requests have no body). */
export const versionQuerySchema = z.object({
  version: z.coerce
    .number({ message: "Send the version you last read as ?version=, a whole number from 1." })
    .int()
    .positive()
    .max(MAX_VERSION)
    .meta({ description: "The version you last read; a stale one is a 409 and removes nothing." }),
});

/** True when a patch names at least one field besides `version`. */
export const changesSomething = (patch: Record<string, unknown>) =>
  Object.entries(patch).some(([key, value]) => key !== "version" && value !== undefined);

export const useCasePatchSchema = z
  .object({ ...useCaseFields, ownerId: useCaseFields.ownerId.meta(ownerIdMeta) })
  .partial()
  .extend({ version: versionField })
  .refine(changesSomething, { message: "Send at least one field to change." })
  .meta({ id: "UseCasePatch" });

export const useCaseSchema = z
  .object({
    id: z.uuid(),
    name: z.string(),
    description: z.string(),
    ownerId: z.uuid().nullable(),
    ownerName: z.string().nullable(),
    businessValue: z.number().int(),
    annualValue: z.number().int().nullable(),
    currency: z.enum(CURRENCIES).meta({
      description: "The organisation's currency, which `annualValue` is in.",
    }),
    systems: z.array(z.string()),
    status: z.enum(USE_CASE_STATUSES),
    archivedAt: z.iso.datetime().nullable(),
    version: z.number().int(),
    createdAt: z.iso.datetime(),
    updatedAt: z.iso.datetime(),
  })
  .meta({ id: "UseCase" });

export const useCaseListSchema = listSchema(useCaseSchema, "UseCaseList");

export const useCaseQuerySchema = z.object({
  q: searchParam("Search in name, description and systems."),
  status: z.enum(USE_CASE_STATUSES).optional(),
  archived: z
    .enum(["true", "false"])
    .optional()
    .meta({ description: "`true` lists archived use cases instead." }),
});

export const questionBankQuerySchema = z.object({
  version: z
    .string()
    .max(20)
    .optional()
    .meta({ description: "A shipped version, e.g. v1 (default: the current one)." }),
});

export const questionBankSchema = z
  .object({
    version: z.string(),
    hash: z
      .string()
      .meta({ description: "SHA-256 of the content; never changes for a shipped version." }),
    title: z.string(),
    dimensions: z.array(
      z.object({ id: z.string(), title: z.string(), description: z.string(), weight: z.number() }),
    ),
    questions: z.array(
      z.object({
        id: z.string(),
        dimensionId: z.string(),
        prompt: z.string(),
        help: z.string(),
        options: z.array(
          z.object({ id: z.string(), label: z.string(), score: z.number().int().min(0).max(4) }),
        ),
        weight: z.number(),
        recommendation: z.string(),
        assumption: z.string(),
        showIf: z
          .unknown()
          .optional()
          .meta({ description: "Condition under which the question applies." }),
      }),
    ),
    blockers: z.array(
      z.object({ id: z.string(), when: z.unknown(), capBand: z.string(), reason: z.string() }),
    ),
  })
  .meta({ id: "QuestionBank" });

export const startAssessmentSchema = z
  .object({ useCaseId: z.uuid() })
  .meta({ id: "StartAssessment" });

export const answersInputSchema = z
  .object({
    answers: z
      .array(
        z
          .object({
            questionId: z.string().min(1).max(100),
            optionId: z.string().min(1).max(100).optional(),
            dontKnow: z.literal(true).optional(),
            evidence: z
              .string()
              .max(2000)
              .optional()
              .meta({ description: "A note or link backing the answer." }),
          })
          .refine((a) => Boolean(a.optionId) !== Boolean(a.dontKnow), {
            message: "Give exactly one of optionId or dontKnow: true.",
            path: ["optionId"],
          }),
      )
      .min(1)
      .max(200),
  })
  .meta({ id: "AnswersInput" });

const answerSchema = z.object({
  questionId: z.string(),
  optionId: z.string().nullable(),
  dontKnow: z.boolean(),
  evidence: z.string().nullable(),
  answeredBy: z.string().nullable(),
  updatedAt: z.iso.datetime(),
});

export const assessmentSchema = z
  .object({
    id: z.uuid(),
    useCaseId: z.uuid(),
    useCaseName: z.string(),
    bankVersion: z.string(),
    status: z.enum(["in_progress", "submitted"]),
    previousId: z.uuid().nullable(),
    submittedAt: z.iso.datetime().nullable(),
    answers: z.array(answerSchema),
    applicable: z.array(z.string()).meta({ description: "Ids of the questions that apply now." }),
    result: z.record(z.string(), z.unknown()).meta({
      description:
        "Overall (0–100), band, confidence, dimensions, blockers with causes, recommendations, recommended stage and autonomy, assumptions and the trace. Frozen at submission; a live preview before.",
    }),
  })
  .meta({ id: "Assessment" });

export const answersResultSchema = z
  .object({ answers: z.array(answerSchema), applicable: z.array(z.string()) })
  .meta({ id: "AnswersSaved" });

export const assessmentQuerySchema = z.object({
  useCaseId: z.uuid().optional().meta({
    description:
      "Only assessments of this use case (an id of another organisation matches nothing).",
  }),
  status: z.enum(["in_progress", "submitted"]).optional(),
});

export const assessmentSummarySchema = z
  .object({
    id: z.uuid(),
    useCaseId: z.uuid(),
    useCaseName: z.string(),
    bankVersion: z.string(),
    status: z.enum(["in_progress", "submitted"]),
    overall: z.number().int().nullable().meta({ description: "0–100 once submitted." }),
    band: z.string().nullable().meta({ description: "The final band once submitted." }),
    confidence: z.number().nullable().meta({ description: "0–1 once submitted." }),
    answered: z.number().int(),
    createdBy: z.string().nullable(),
    createdAt: z.iso.datetime(),
    submittedAt: z.iso.datetime().nullable(),
  })
  .meta({ id: "AssessmentSummary" });

export const assessmentListSchema = listSchema(assessmentSummarySchema, "AssessmentList");

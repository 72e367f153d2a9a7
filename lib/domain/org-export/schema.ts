import { z } from "zod";
import { CURRENCIES } from "@/lib/format";
import { ACTION_ACCESS, BLAST_RADIUS, FREQUENCY, REVERSIBILITY } from "../actions";
import { OVERRIDE_REQUEST_STATUSES } from "../gates/overrides";
import { gateSettingsSchema } from "../gates/settings";
import {
  DETECTION_SOURCES,
  INCIDENT_ACTIONS,
  INCIDENT_CATEGORIES,
  OUTCOMES,
  SEVERITIES,
} from "../incidents";
import { ASSUMPTION_STATUSES, METRIC_PERIODS, PILOT_STATUSES, TRANSITION_KINDS } from "../pilots";
import { getQuestionBank } from "../question-bank";
import type { Question } from "../question-bank/types";
import { ROLES } from "../roles";
import { BANDS } from "../scoring/bands";
import { STAGES } from "../stages";
import { USE_CASE_STATUSES } from "../use-cases";
import {
  MAX_WORKSHOP_PARTICIPANTS,
  WORKSHOP_PACE_MODES,
  WORKSHOP_STATES,
  workshopQuestions,
} from "../workshops";

/**
 * The document an organisation is exported as and imported from: everything it holds except
 * secrets (no password, token or invitation hashes, no sessions, no API tokens). Rows keep
 * their ids so the document can say what refers to what; an import gives every row a new id.
 * Bump the version when the shape changes, and keep reading the old one.
 *
 * Version 2 added workshops (`workshops`, `workshopParticipants`); a version 1 document is read
 * as a version 2 one without workshops.
 */
export const ORG_DOCUMENT_FORMAT = "preflight-organisation";
export const ORG_DOCUMENT_VERSION = 2;

const id = z.guid("Expected an id (a UUID).");
const ref = id.nullable();
const timestamp = z.iso.datetime({ message: "Expected a date and time (ISO 8601, UTC)." });
const day = z.iso.date({ message: "Expected a date (YYYY-MM-DD)." });
const version = z
  .number()
  .int()
  .min(1)
  .max(2 ** 31 - 1);
const count = z
  .number()
  .int()
  .min(0)
  .max(2 ** 31 - 1);
const amount = z.number().int().min(0).max(Number.MAX_SAFE_INTEGER).nullable();
const text = z.string().max(100_000);
const name = z.string().trim().min(1).max(500);
const stamps = { createdAt: timestamp, updatedAt: timestamp };
/** A gate criterion as evaluated (on transitions and override requests). */
const criterionResults = z.array(z.looseObject({ kind: z.string() }));

const personSchema = z.strictObject({
  id,
  email: z
    .string()
    .max(320)
    .regex(/^[^\s@]+@[^\s@]+$/, "Expected an email address."),
  name,
  /** Their membership of the organisation; null for a former member whose name the data keeps. */
  membership: z.strictObject({ role: z.enum(ROLES), version, ...stamps }).nullable(),
});

const useCaseSchema = z.strictObject({
  id,
  name,
  description: text,
  ownerId: ref,
  businessValue: z.number().int().min(1).max(5),
  annualValue: amount,
  systems: z.array(z.string().max(200)),
  status: z.enum(USE_CASE_STATUSES),
  archivedAt: timestamp.nullable(),
  version,
  ...stamps,
});

const inventoryActionSchema = z.strictObject({
  id,
  useCaseId: id,
  name,
  system: z.string().max(500),
  access: z.enum(ACTION_ACCESS),
  reversibility: z.enum(REVERSIBILITY),
  blastRadius: z.enum(BLAST_RADIUS),
  frequency: z.enum(FREQUENCY),
  version,
  ...stamps,
});

/** An answer to one question: an option, or "don't know" (then no option). */
const chosen = {
  questionId: z.string().min(1),
  optionId: z.string().min(1).nullable(),
  dontKnow: z.boolean(),
};

const answerSchema = z.strictObject({
  ...chosen,
  evidence: text.nullable(),
  answeredBy: ref,
  revision: version,
  updatedAt: timestamp,
});

const assessmentSchema = z.strictObject({
  id,
  useCaseId: id,
  bankVersion: z.string().min(1),
  status: z.enum(["in_progress", "submitted"]),
  previousId: ref,
  createdBy: ref,
  submittedBy: ref,
  submittedAt: timestamp.nullable(),
  overall: z.number().min(0).max(100).nullable(),
  band: z.enum(BANDS).nullable(),
  confidence: z.number().min(0).max(1).nullable(),
  inventorySnapshot: z.json().nullable(),
  result: z.json().nullable(),
  version,
  ...stamps,
  answers: z.array(answerSchema),
});

const pilotSchema = z.strictObject({
  id,
  useCaseId: id,
  assessmentId: ref,
  ownerId: ref,
  stage: z.enum(STAGES),
  status: z.enum(PILOT_STATUSES),
  stageEnteredAt: timestamp,
  startDate: day,
  targetDate: day.nullable(),
  rollbackPlan: text,
  startJustification: text.nullable(),
  version,
  ...stamps,
});

const transitionSchema = z.strictObject({
  id,
  pilotId: id,
  kind: z.enum(TRANSITION_KINDS),
  fromStage: z.enum(STAGES).nullable(),
  toStage: z.enum(STAGES),
  actorUserId: ref,
  actorLabel: z.string().max(500),
  reason: text.nullable(),
  overridden: criterionResults,
  gate: criterionResults.nullable(),
  createdAt: timestamp,
});

const signoffSchema = z.strictObject({
  id,
  pilotId: id,
  stage: z.enum(STAGES),
  criterion: z.string().min(1).max(100),
  userId: id,
  role: z.enum(ROLES),
  note: text.nullable(),
  createdAt: timestamp,
});

const overrideRequestSchema = z.strictObject({
  id,
  pilotId: id,
  fromStage: z.enum(STAGES),
  toStage: z.enum(STAGES),
  pilotVersion: version,
  justification: text,
  failing: criterionResults,
  requestedBy: ref,
  requestedByLabel: z.string().max(500),
  /** A person's id, "token:<token id>", or "system". */
  requesterKey: z.string().min(1).max(100),
  status: z.enum(OVERRIDE_REQUEST_STATUSES),
  decidedBy: ref,
  decidedByLabel: z.string().max(500).nullable(),
  decidedAt: timestamp.nullable(),
  decisionNote: text.nullable(),
  transitionId: ref,
  version,
  ...stamps,
});

const runMetricSchema = z
  .strictObject({
    id,
    pilotId: id,
    period: z.enum(METRIC_PERIODS),
    periodStart: day,
    stage: z.enum(STAGES),
    attempted: count,
    correct: count,
    overrides: count,
    escalations: count,
    source: z.string().min(1).max(100),
    recordedBy: ref,
    ...stamps,
  })
  .refine(
    (m) => m.correct <= m.attempted && m.overrides <= m.attempted && m.escalations <= m.attempted,
    { message: "correct, overrides and escalations cannot exceed attempted.", path: ["attempted"] },
  );

const assumptionSchema = z.strictObject({
  id,
  pilotId: id,
  questionId: z.string().nullable(),
  dimensionId: z.string().nullable(),
  text: z.string().min(1).max(100_000),
  status: z.enum(ASSUMPTION_STATUSES),
  evidence: text.nullable(),
  updatedBy: ref,
  version,
  ...stamps,
});

const incidentSchema = z.strictObject({
  id,
  pilotId: ref,
  title: name,
  description: text,
  severity: z.enum(SEVERITIES),
  category: z.enum(INCIDENT_CATEGORIES),
  detectionSource: z.enum(DETECTION_SOURCES),
  outcome: z.enum(OUTCOMES),
  stage: z.enum(STAGES).nullable(),
  startedAt: timestamp,
  detectedAt: timestamp.nullable(),
  acknowledgedAt: timestamp.nullable(),
  mitigatedAt: timestamp.nullable(),
  resolvedAt: timestamp.nullable(),
  resolutionNote: text.nullable(),
  costEstimate: amount,
  assumptionId: ref,
  actions: z.array(z.enum(INCIDENT_ACTIONS)),
  externalId: z.string().max(500).nullable(),
  createdBy: ref,
  version,
  ...stamps,
});

/** What the room agreed for one question of a workshop. */
const consensusSchema = z.strictObject({
  ...chosen,
  note: text.nullable(),
  recordedBy: ref,
  updatedAt: timestamp,
});

/** A workshop; its join code is not exported (codes are unique per installation). */
const workshopSchema = z.strictObject({
  id,
  useCaseId: id,
  title: name,
  date: day,
  bankVersion: z.string().min(1),
  dimensions: z.array(z.string().min(1).max(100)).min(1),
  roleTags: z.array(z.string().min(1).max(100)).max(12),
  anonymous: z.boolean(),
  state: z.enum(WORKSHOP_STATES),
  pace: z.enum(WORKSHOP_PACE_MODES),
  currentDimension: z.string().min(1).max(100).nullable(),
  assessmentId: ref,
  createdBy: ref,
  closedAt: timestamp.nullable(),
  version,
  ...stamps,
  consensus: z.array(consensusSchema),
});

/**
 * Someone who joined a workshop, with their answers. Their session is a secret and is not
 * exported: after an import everyone joins again.
 */
const workshopParticipantSchema = z.strictObject({
  id,
  workshopId: id,
  /** The member who joined with their account; null for a guest. */
  userId: ref,
  displayName: z.string().min(1).max(500),
  roleTag: z.string().min(1).max(100).nullable(),
  createdAt: timestamp,
  answers: z.array(
    z.strictObject({
      ...chosen,
      comment: text.nullable(),
      updatedAt: timestamp,
    }),
  ),
});

const auditEventSchema = z.strictObject({
  /** A person of the document, or null (a command, a token, or someone no longer known). */
  actorUserId: ref,
  /** The API token that acted, as an opaque id: tokens themselves are never exported. */
  actorTokenId: ref,
  actorLabel: z.string().max(500),
  actorEmail: z.string().max(320).nullable(),
  actorName: z.string().max(500).nullable(),
  action: z.string().min(1).max(100),
  entityType: z.string().min(1).max(100),
  entityId: z.string().max(200).nullable(),
  before: z.json().nullable(),
  after: z.json().nullable(),
  createdAt: timestamp,
});

const organisationSchema = z.strictObject({
  id,
  name,
  slug: z.string().min(1).max(40),
  currency: z.enum(CURRENCIES),
  settings: z.looseObject({ gates: gateSettingsSchema.optional() }),
  overridesNeedSecondApprover: z.boolean(),
  version,
  ...stamps,
});

const documentShape = z.strictObject({
  format: z.literal(ORG_DOCUMENT_FORMAT, {
    message: `Expected "${ORG_DOCUMENT_FORMAT}": this is not an organisation export.`,
  }),
  version: z.literal(ORG_DOCUMENT_VERSION, {
    message: `Expected version 1 or ${ORG_DOCUMENT_VERSION}: this installation reads those versions.`,
  }),
  exportedAt: timestamp,
  organisation: organisationSchema,
  people: z.array(personSchema),
  useCases: z.array(useCaseSchema),
  inventoryActions: z.array(inventoryActionSchema),
  assessments: z.array(assessmentSchema),
  pilots: z.array(pilotSchema),
  pilotTransitions: z.array(transitionSchema),
  pilotSignoffs: z.array(signoffSchema),
  gateOverrideRequests: z.array(overrideRequestSchema),
  runMetrics: z.array(runMetricSchema),
  pilotAssumptions: z.array(assumptionSchema),
  incidents: z.array(incidentSchema),
  workshops: z.array(workshopSchema),
  workshopParticipants: z.array(workshopParticipantSchema),
  auditEvents: z.array(auditEventSchema),
});

export type OrgDocument = z.infer<typeof documentShape>;
export type OrgDocumentPerson = OrgDocument["people"][number];

/** The collections whose rows carry an id, in the order an import writes them. */
export const ID_COLLECTIONS = [
  "people",
  "useCases",
  "inventoryActions",
  "assessments",
  "pilots",
  "pilotTransitions",
  "pilotSignoffs",
  "gateOverrideRequests",
  "runMetrics",
  "pilotAssumptions",
  "incidents",
  "workshops",
  "workshopParticipants",
] as const satisfies readonly (keyof OrgDocument)[];

type Issue = { path: (string | number)[]; message: string };

/** The ids of an assessment's predecessors, oldest last, stopping where the chain loops. */
export function previousChain(
  assessments: ReadonlyMap<string, { id: string; previousId: string | null }>,
  from: { previousId: string | null },
): string[] {
  const chain: string[] = [];
  for (let id = from.previousId; id && !chain.includes(id); ) {
    chain.push(id);
    id = assessments.get(id)?.previousId ?? null;
  }
  return chain;
}

/**
 * What a valid document must hold beyond each row's shape: unique ids, every reference
 * pointing at a row of the document (of the same pilot where it matters), answers to questions
 * of the assessment's bank, and at least one owner.
 */
function referenceIssues(doc: OrgDocument): Issue[] {
  const issues: Issue[] = [];
  const seen = new Map<string, string>();
  for (const collection of ID_COLLECTIONS) {
    doc[collection].forEach((row, i) => {
      const where = seen.get(row.id);
      if (where) issues.push({ path: [collection, i, "id"], message: `Already used by ${where}.` });
      else seen.set(row.id, `${collection}.${i}`);
    });
  }
  const byId = <T extends { id: string }>(rows: T[]) => new Map(rows.map((r) => [r.id, r]));
  const people = byId(doc.people);
  const useCases = byId(doc.useCases);
  const assessments = byId(doc.assessments);
  const pilots = byId(doc.pilots);
  const transitions = byId(doc.pilotTransitions);
  const assumptions = byId(doc.pilotAssumptions);
  const need = (
    map: Map<string, unknown>,
    value: string | null,
    path: (string | number)[],
    what: string,
  ) => {
    if (value !== null && !map.has(value)) {
      issues.push({ path, message: `No ${what} with this id in the document.` });
    }
  };
  const person = (value: string | null, path: (string | number)[]) =>
    need(people, value, path, "person");
  const bankOf = (bankVersion: string, path: (string | number)[]) => {
    const bank = getQuestionBank(bankVersion);
    if (!bank) issues.push({ path, message: "No such question bank." });
    return bank;
  };
  /** Each question answered once, with one of its options (when `questions` are known). */
  const answerIssues = (
    questions: readonly Question[] | undefined,
    answers: readonly { questionId: string; optionId: string | null }[],
    at: (index: number, field: string) => (string | number)[],
    unknown: string,
  ) => {
    const answered = new Set<string>();
    answers.forEach((answer, j) => {
      if (answered.has(answer.questionId)) {
        issues.push({ path: at(j, "questionId"), message: "Answered twice." });
      }
      answered.add(answer.questionId);
      const question = questions?.find((q) => q.id === answer.questionId);
      if (questions && !question) {
        issues.push({ path: at(j, "questionId"), message: unknown });
      } else if (
        question &&
        answer.optionId !== null &&
        !question.options.some((o) => o.id === answer.optionId)
      ) {
        issues.push({ path: at(j, "optionId"), message: "No such option." });
      }
    });
  };

  const emails = new Map<string, number>();
  doc.people.forEach((p, i) => {
    const email = p.email.toLowerCase();
    const other = emails.get(email);
    if (other !== undefined) {
      issues.push({ path: ["people", i, "email"], message: `Same email as people.${other}.` });
    } else emails.set(email, i);
  });
  if (!doc.people.some((p) => p.membership?.role === "owner")) {
    issues.push({ path: ["people"], message: "The organisation needs at least one owner." });
  }

  doc.useCases.forEach((u, i) => {
    person(u.ownerId, ["useCases", i, "ownerId"]);
  });
  doc.inventoryActions.forEach((a, i) => {
    need(useCases, a.useCaseId, ["inventoryActions", i, "useCaseId"], "use case");
  });
  doc.assessments.forEach((a, i) => {
    const at = (field: string | number, ...rest: (string | number)[]) => [
      "assessments",
      i,
      field,
      ...rest,
    ];
    need(useCases, a.useCaseId, at("useCaseId"), "use case");
    need(assessments, a.previousId, at("previousId"), "assessment");
    const previous = a.previousId ? assessments.get(a.previousId) : undefined;
    if (previous && previous.useCaseId !== a.useCaseId) {
      issues.push({ path: at("previousId"), message: "That assessment is of another use case." });
    }
    if (previous && previousChain(assessments, a).includes(a.id)) {
      issues.push({ path: at("previousId"), message: "The chain of previous assessments loops." });
    }
    person(a.createdBy, at("createdBy"));
    person(a.submittedBy, at("submittedBy"));
    const bank = bankOf(a.bankVersion, at("bankVersion"));
    answerIssues(
      bank?.questions,
      a.answers,
      (j, field) => at("answers", j, field),
      `No such question in bank ${a.bankVersion}.`,
    );
    a.answers.forEach((answer, j) => {
      person(answer.answeredBy, at("answers", j, "answeredBy"));
    });
  });

  const livePilots = new Map<string, number>();
  doc.pilots.forEach((p, i) => {
    need(useCases, p.useCaseId, ["pilots", i, "useCaseId"], "use case");
    need(assessments, p.assessmentId, ["pilots", i, "assessmentId"], "assessment");
    person(p.ownerId, ["pilots", i, "ownerId"]);
    if (p.status !== "retired") {
      const other = livePilots.get(p.useCaseId);
      if (other !== undefined) {
        issues.push({
          path: ["pilots", i, "useCaseId"],
          message: `pilots.${other} already runs this use case; only one pilot per use case may be live.`,
        });
      } else livePilots.set(p.useCaseId, i);
    }
  });
  const pilotRef = (collection: string, i: number, pilotId: string) =>
    need(pilots, pilotId, [collection, i, "pilotId"], "pilot");
  doc.pilotTransitions.forEach((t, i) => {
    pilotRef("pilotTransitions", i, t.pilotId);
    person(t.actorUserId, ["pilotTransitions", i, "actorUserId"]);
  });
  doc.pilotSignoffs.forEach((s, i) => {
    pilotRef("pilotSignoffs", i, s.pilotId);
    person(s.userId, ["pilotSignoffs", i, "userId"]);
  });
  doc.gateOverrideRequests.forEach((r, i) => {
    const at = (field: string) => ["gateOverrideRequests", i, field];
    pilotRef("gateOverrideRequests", i, r.pilotId);
    person(r.requestedBy, at("requestedBy"));
    person(r.decidedBy, at("decidedBy"));
    need(transitions, r.transitionId, at("transitionId"), "pilot transition");
    const transition = r.transitionId ? transitions.get(r.transitionId) : undefined;
    if (transition && transition.pilotId !== r.pilotId) {
      issues.push({ path: at("transitionId"), message: "That transition is of another pilot." });
    }
  });
  const metricKeys = new Map<string, number>();
  doc.runMetrics.forEach((m, i) => {
    pilotRef("runMetrics", i, m.pilotId);
    person(m.recordedBy, ["runMetrics", i, "recordedBy"]);
    const key = `${m.pilotId} ${m.period} ${m.periodStart}`;
    const other = metricKeys.get(key);
    if (other !== undefined) {
      issues.push({
        path: ["runMetrics", i, "periodStart"],
        message: `runMetrics.${other} already holds this pilot's ${m.period} of ${m.periodStart}.`,
      });
    } else metricKeys.set(key, i);
  });
  doc.pilotAssumptions.forEach((a, i) => {
    pilotRef("pilotAssumptions", i, a.pilotId);
    person(a.updatedBy, ["pilotAssumptions", i, "updatedBy"]);
  });
  doc.incidents.forEach((incident, i) => {
    const at = (field: string) => ["incidents", i, field];
    need(pilots, incident.pilotId, at("pilotId"), "pilot");
    need(assumptions, incident.assumptionId, at("assumptionId"), "assumption");
    person(incident.createdBy, at("createdBy"));
    const assumption = incident.assumptionId ? assumptions.get(incident.assumptionId) : undefined;
    if (assumption && assumption.pilotId !== incident.pilotId) {
      issues.push({ path: at("assumptionId"), message: "That assumption is of another pilot." });
    }
  });
  const workshops = byId(doc.workshops);
  const NOT_ASKED = "Not a question of this workshop.";
  const workshopQuestionsOf = new Map<string, Question[]>();
  doc.workshops.forEach((w, i) => {
    const at = (...path: (string | number)[]) => ["workshops", i, ...path];
    need(useCases, w.useCaseId, at("useCaseId"), "use case");
    need(assessments, w.assessmentId, at("assessmentId"), "assessment");
    const assessment = w.assessmentId ? assessments.get(w.assessmentId) : undefined;
    if (assessment && assessment.useCaseId !== w.useCaseId) {
      issues.push({ path: at("assessmentId"), message: "That assessment is of another use case." });
    }
    person(w.createdBy, at("createdBy"));
    const bank = bankOf(w.bankVersion, at("bankVersion"));
    w.dimensions.forEach((d, j) => {
      if (bank && !bank.dimensions.some((x) => x.id === d)) {
        issues.push({ path: at("dimensions", j), message: "No such dimension in the bank." });
      }
    });
    if (w.currentDimension !== null && !w.dimensions.includes(w.currentDimension)) {
      issues.push({
        path: at("currentDimension"),
        message: "Not one of the workshop's dimensions.",
      });
    }
    const questions = bank ? workshopQuestions(bank, w.dimensions) : undefined;
    if (questions) workshopQuestionsOf.set(w.id, questions);
    answerIssues(questions, w.consensus, (j, field) => at("consensus", j, field), NOT_ASKED);
    w.consensus.forEach((c, j) => {
      person(c.recordedBy, at("consensus", j, "recordedBy"));
    });
  });
  const joined = new Map<string, number>();
  const members = new Set<string>();
  doc.workshopParticipants.forEach((p, i) => {
    const at = (...path: (string | number)[]) => ["workshopParticipants", i, ...path];
    need(workshops, p.workshopId, at("workshopId"), "workshop");
    person(p.userId, at("userId"));
    const n = (joined.get(p.workshopId) ?? 0) + 1;
    joined.set(p.workshopId, n);
    if (n > MAX_WORKSHOP_PARTICIPANTS) {
      issues.push({
        path: at("workshopId"),
        message: `A workshop admits at most ${MAX_WORKSHOP_PARTICIPANTS} participants.`,
      });
    }
    if (p.userId !== null) {
      const key = `${p.workshopId} ${p.userId}`;
      if (members.has(key)) {
        issues.push({ path: at("userId"), message: "This person joined the workshop twice." });
      }
      members.add(key);
    }
    answerIssues(
      workshopQuestionsOf.get(p.workshopId),
      p.answers,
      (j, field) => at("answers", j, field),
      NOT_ASKED,
    );
  });
  doc.auditEvents.forEach((e, i) => {
    person(e.actorUserId, ["auditEvents", i, "actorUserId"]);
  });
  return issues;
}

/** A version 1 document as version 2: the same, without workshops. */
function fromVersion1(value: unknown): unknown {
  if (!value || typeof value !== "object" || !("version" in value) || value.version !== 1) {
    return value;
  }
  return { workshops: [], workshopParticipants: [], ...value, version: 2 };
}

/** The whole document, checked row by row and then for what its rows refer to. */
export const orgDocumentSchema = z.preprocess(
  fromVersion1,
  documentShape.superRefine((doc, ctx) => {
    for (const issue of referenceIssues(doc)) ctx.addIssue({ code: "custom", ...issue });
  }),
);

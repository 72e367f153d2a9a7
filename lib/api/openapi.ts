import { z } from "zod";
import { createDocument, type ZodOpenApiOperationObject } from "zod-openapi";
import {
  incidentBatchResultSchema,
  incidentBatchSchema,
  incidentInputSchema,
  incidentMetricsQuerySchema,
  incidentMetricsSchema,
  incidentPageSchema,
  incidentPatchSchema,
  incidentQuerySchema,
  incidentSchema,
  webhookSchema,
} from "./incident-schemas";
import {
  inventoryActionInputSchema,
  inventoryActionPatchSchema,
  inventoryActionSchema,
  inventoryListSchema,
} from "./inventory-schemas";
import {
  assumptionPatchSchema,
  assumptionSchema,
  gateBlockedSchema,
  idempotencyHeaderSchema,
  overrideDecisionInputSchema,
  overrideDecisionResultSchema,
  overrideRequestCreatedSchema,
  overrideRequestListSchema,
  pilotListSchema,
  pilotQuerySchema,
  pilotSchema,
  runMetricsInputSchema,
  runMetricsResultSchema,
  startPilotInputSchema,
  transitionInputSchema,
  transitionResultSchema,
} from "./pilot-schemas";
import {
  answersInputSchema,
  answersResultSchema,
  assessmentListSchema,
  assessmentQuerySchema,
  assessmentSchema,
  auditPageSchema,
  auditQuerySchema,
  errorSchema,
  healthSchema,
  memberListSchema,
  organisationSchema,
  questionBankQuerySchema,
  questionBankSchema,
  startAssessmentSchema,
  useCaseInputSchema,
  useCaseListSchema,
  useCasePatchSchema,
  useCaseQuerySchema,
  useCaseSchema,
  versionQuerySchema,
} from "./schemas";
import {
  workshopAggregatesSchema,
  workshopAnswerListSchema,
  workshopAnswersQuerySchema,
  workshopInputSchema,
  workshopListSchema,
  workshopQuerySchema,
  workshopSchema,
  workshopStateInputSchema,
} from "./workshop-schemas";

const json = (schema: z.ZodType, description: string) => ({
  description,
  content: { "application/json": { schema } },
});

const errors = {
  401: json(
    errorSchema,
    "Missing, unknown, revoked or expired API token, or one whose creator was removed, demoted below its role or disabled (`error.reason` says which).",
  ),
  403: json(errorSchema, "The token's role does not allow this."),
  422: json(errorSchema, "Invalid input; `fields` names each wrong field."),
};

const op = (o: ZodOpenApiOperationObject): ZodOpenApiOperationObject => ({
  security: [{ bearer: [] }],
  ...o,
  responses: { ...errors, ...o.responses },
});

/** A list that its `useCaseId` query parameter narrows to one use case. */
const listByUseCase = (
  operationId: string,
  summary: string,
  query: z.ZodObject,
  ok: ReturnType<typeof json>,
) =>
  op({
    operationId,
    summary,
    description:
      "`useCaseId` narrows the list to one use case; like every list filter, an id of another organisation matches nothing (an empty list).",
    requestParams: { query },
    responses: { 200: ok },
  });

/** An operation on one workshop: its `{id}`, and a 404 for an id the organisation does not have. */
const onWorkshop = (o: ZodOpenApiOperationObject) =>
  op({
    ...o,
    requestParams: { path: z.object({ id: z.uuid() }), ...o.requestParams },
    responses: { 404: json(errorSchema, "No such workshop in this organisation."), ...o.responses },
  });

/** The OpenAPI 3.1 document of the REST API, generated from the same zod schemas the handlers parse with. */
export function buildOpenApiDocument() {
  return createDocument({
    openapi: "3.1.0",
    info: {
      title: "Preflight API",
      version: "1.0.0",
      description:
        "Push and read an organisation's readiness data. Authenticate with an organisation API token " +
        "(Settings → API tokens) as `Authorization: Bearer <token>`. Errors share one shape: " +
        '`{ "error": { "code", "message", "fields"? } }`.',
    },
    servers: [{ url: "/" }],
    components: {
      securitySchemes: {
        bearer: {
          type: "http",
          scheme: "bearer",
          description: "An organisation API token (pf_…).",
        },
      },
    },
    paths: {
      "/api/health": {
        get: {
          operationId: "getHealth",
          summary: "Liveness and database check",
          responses: { 200: json(healthSchema, "The app and its database answer.") },
        },
      },
      "/api/v1/organisation": {
        get: op({
          operationId: "getOrganisation",
          summary: "The organisation the token belongs to",
          responses: { 200: json(organisationSchema, "The organisation.") },
        }),
      },
      "/api/v1/members": {
        get: op({
          operationId: "listMembers",
          summary: "Members of the organisation and their roles",
          responses: { 200: json(memberListSchema, "All members.") },
        }),
      },
      "/api/v1/audit-events": {
        get: op({
          operationId: "listAuditEvents",
          summary: "The audit log, newest first (admin or owner tokens)",
          requestParams: { query: auditQuerySchema },
          responses: { 200: json(auditPageSchema, "One page of events.") },
        }),
      },
      "/api/v1/use-cases": {
        get: op({
          operationId: "listUseCases",
          summary: "Use cases, most recently changed first",
          requestParams: { query: useCaseQuerySchema },
          responses: { 200: json(useCaseListSchema, "Matching use cases.") },
        }),
        post: op({
          operationId: "createUseCase",
          summary: "Create a use case (contributor tokens and above)",
          requestBody: { content: { "application/json": { schema: useCaseInputSchema } } },
          responses: { 201: json(useCaseSchema, "The new use case.") },
        }),
      },
      "/api/v1/use-cases/{id}": {
        get: op({
          operationId: "getUseCase",
          summary: "One use case with its fields and version",
          requestParams: { path: z.object({ id: z.uuid() }) },
          responses: {
            200: json(useCaseSchema, "The use case."),
            404: json(errorSchema, "No such use case in this organisation."),
          },
        }),
        patch: op({
          operationId: "updateUseCase",
          summary: "Edit a use case (contributor tokens and above)",
          description:
            "Send the fields to change and the `version` you last read; fields left out keep their value. " +
            "If the use case changed since, the answer is 409 (`error.current.version` says where it is now) and nothing changes.",
          requestParams: { path: z.object({ id: z.uuid() }) },
          requestBody: { content: { "application/json": { schema: useCasePatchSchema } } },
          responses: {
            200: json(useCaseSchema, "The use case after the edit, with its new version."),
            404: json(errorSchema, "No such use case in this organisation."),
            409: json(errorSchema, "Someone changed it since `version`."),
          },
        }),
      },
      "/api/v1/use-cases/{id}/actions": {
        get: op({
          operationId: "listInventoryActions",
          summary: "The use case's action inventory, in the order the actions were added",
          requestParams: { path: z.object({ id: z.uuid() }) },
          responses: {
            200: json(inventoryListSchema, "Every action of the use case."),
            404: json(errorSchema, "No such use case in this organisation."),
          },
        }),
        post: op({
          operationId: "addInventoryAction",
          summary: "Add an action to the inventory (contributor tokens and above)",
          description:
            "The inventory stays editable after assessments are submitted: each submitted assessment keeps the inventory it was scored with.",
          requestParams: { path: z.object({ id: z.uuid() }) },
          requestBody: { content: { "application/json": { schema: inventoryActionInputSchema } } },
          responses: {
            201: json(inventoryActionSchema, "The new action, at version 1."),
            404: json(errorSchema, "No such use case in this organisation."),
          },
        }),
      },
      "/api/v1/use-cases/{id}/actions/{actionId}": {
        patch: op({
          operationId: "updateInventoryAction",
          summary: "Change an action's description or ratings (contributor tokens and above)",
          description:
            "Send the fields to change and the `version` you last read; fields left out keep their value. " +
            "A stale version answers 409 with the action as it is now in `error.current`, and changes nothing.",
          requestParams: { path: z.object({ id: z.uuid(), actionId: z.uuid() }) },
          requestBody: { content: { "application/json": { schema: inventoryActionPatchSchema } } },
          responses: {
            200: json(inventoryActionSchema, "The action after the change, with its new version."),
            404: json(errorSchema, "No such use case, or no such action in it."),
            409: json(errorSchema, "Someone changed the action since `version`."),
          },
        }),
        delete: op({
          operationId: "removeInventoryAction",
          summary: "Remove an action from the inventory (contributor tokens and above)",
          description:
            "DELETE has no body: send the version you last read as the `version` query parameter. " +
            "A stale version answers 409 with the action as it is now in `error.current`, and removes nothing.",
          requestParams: {
            path: z.object({ id: z.uuid(), actionId: z.uuid() }),
            query: versionQuerySchema,
          },
          responses: {
            204: { description: "Removed." },
            404: json(errorSchema, "No such use case, or no such action in it."),
            409: json(errorSchema, "Someone changed the action since `version`."),
          },
        }),
      },
      "/api/v1/question-bank": {
        get: op({
          operationId: "getQuestionBank",
          summary:
            "The question bank: dimensions, questions, options with scores, conditions and blockers",
          requestParams: { query: questionBankQuerySchema },
          responses: {
            200: json(questionBankSchema, "The question bank."),
            404: json(errorSchema, "No such version."),
          },
        }),
      },
      "/api/v1/assessments": {
        get: listByUseCase(
          "listAssessments",
          "Assessments, newest first, with their verdict once submitted",
          assessmentQuerySchema,
          json(assessmentListSchema, "Matching assessments."),
        ),
        post: op({
          operationId: "startAssessment",
          summary: "Start an assessment of a use case (contributor tokens and above)",
          description:
            "Starts on the current question bank, prefilled from the last submitted assessment of the use case. " +
            "If one is already in progress it is returned with status 200 instead.",
          requestBody: { content: { "application/json": { schema: startAssessmentSchema } } },
          responses: {
            201: json(assessmentSchema, "The new assessment."),
            200: json(assessmentSchema, "The assessment already in progress."),
            404: json(errorSchema, "No such use case in this organisation."),
          },
        }),
      },
      "/api/v1/assessments/{id}": {
        get: op({
          operationId: "getAssessment",
          summary: "An assessment with its answers and its full result, trace included",
          requestParams: { path: z.object({ id: z.uuid() }) },
          responses: {
            200: json(assessmentSchema, "The assessment."),
            404: json(errorSchema, "No such assessment in this organisation."),
          },
        }),
      },
      "/api/v1/assessments/{id}/answers": {
        put: op({
          operationId: "saveAnswers",
          summary: "Save answers (all or nothing)",
          requestParams: { path: z.object({ id: z.uuid() }) },
          requestBody: { content: { "application/json": { schema: answersInputSchema } } },
          responses: {
            200: json(
              answersResultSchema,
              "All answers of the assessment and the questions that now apply.",
            ),
            404: json(errorSchema, "No such assessment in this organisation."),
            409: json(errorSchema, "The assessment was submitted and is locked."),
          },
        }),
      },
      "/api/v1/assessments/{id}/submit": {
        post: op({
          operationId: "submitAssessment",
          summary: "Submit and lock an assessment, freezing its inventory and result",
          requestParams: { path: z.object({ id: z.uuid() }) },
          responses: {
            200: json(assessmentSchema, "The submitted assessment with its result."),
            404: json(errorSchema, "No such assessment in this organisation."),
            409: json(errorSchema, "Already submitted."),
          },
        }),
      },
      "/api/v1/pilots": {
        get: op({
          operationId: "listPilots",
          summary: "Pilots with their stage, days in stage, gate status and open incidents",
          requestParams: { query: pilotQuerySchema },
          responses: {
            200: json(pilotListSchema, "Matching pilots (retired ones only on request)."),
          },
        }),
        post: op({
          operationId: "startPilot",
          summary: "Start a pilot of an assessed use case (lead tokens and above)",
          description:
            "Starts at the stage the latest submitted assessment recommends unless `stage` says otherwise; " +
            "a later stage needs a justification. The assessment's assumptions register is copied to the pilot.",
          requestBody: { content: { "application/json": { schema: startPilotInputSchema } } },
          responses: {
            201: json(pilotSchema.partial(), "The new pilot."),
            404: json(errorSchema, "No such use case in this organisation."),
            409: json(errorSchema, "The use case already has a live pilot."),
          },
        }),
      },
      "/api/v1/pilots/{id}": {
        get: op({
          operationId: "getPilot",
          summary: "A pilot with its gate evaluated against live data, timeline and assumptions",
          requestParams: { path: z.object({ id: z.uuid() }) },
          responses: {
            200: json(pilotSchema, "The pilot."),
            404: json(errorSchema, "No such pilot in this organisation."),
          },
        }),
      },
      "/api/v1/pilots/{id}/transitions": {
        post: op({
          operationId: "transitionPilot",
          summary: "Promote, roll back, pause, resume or retire a pilot (lead tokens and above)",
          description:
            "Send the `version` you last read: if the pilot changed since, the answer is 409 with its current state. " +
            "A promotion whose gate fails answers 422 with the failing criteria, unless an owner or admin token sends a justification, which overrides them (audited). " +
            "When the organisation has overrides need a second approver on, such an override answers 202 with an override request instead, and the pilot does not move until another owner or admin approves it.",
          requestParams: { path: z.object({ id: z.uuid() }) },
          requestBody: { content: { "application/json": { schema: transitionInputSchema } } },
          responses: {
            201: json(
              transitionResultSchema,
              "The pilot after the transition, and the timeline entry.",
            ),
            202: json(
              overrideRequestCreatedSchema,
              "The override waits for a second owner or admin; the pilot has not moved.",
            ),
            404: json(errorSchema, "No such pilot in this organisation."),
            409: json(errorSchema, "The pilot changed since `version`, or is retired or paused."),
            422: json(gateBlockedSchema, "The gate is not met, or the input is invalid."),
          },
        }),
      },
      "/api/v1/pilots/{id}/override-requests": {
        get: op({
          operationId: "listOverrideRequests",
          summary: "A pilot's gate override requests, newest first",
          requestParams: { path: z.object({ id: z.uuid() }) },
          responses: {
            200: json(overrideRequestListSchema, "Pending and decided requests."),
            404: json(errorSchema, "No such pilot in this organisation."),
          },
        }),
      },
      "/api/v1/pilots/{id}/override-requests/{requestId}": {
        post: op({
          operationId: "decideOverrideRequest",
          summary: "Approve, reject or withdraw a gate override request",
          description:
            "Approving performs the promotion, only while the pilot is at the stage and version the request was made for (409 otherwise). " +
            "Nobody approves or rejects their own request, nor through a token they created (403); rejecting needs a note.",
          requestParams: { path: z.object({ id: z.uuid(), requestId: z.uuid() }) },
          requestBody: {
            content: { "application/json": { schema: overrideDecisionInputSchema } },
          },
          responses: {
            200: json(overrideDecisionResultSchema, "The request after the decision."),
            404: json(errorSchema, "No such pilot or request in this organisation."),
            409: json(
              errorSchema,
              "The request was decided already, changed since `version`, or the pilot moved.",
            ),
            422: json(errorSchema, "The input is invalid (a rejection without a note)."),
          },
        }),
      },
      "/api/v1/pilots/{id}/run-metrics": {
        get: op({
          operationId: "listRunMetrics",
          summary: "A pilot's run metrics per period, with accuracy and rates",
          requestParams: { path: z.object({ id: z.uuid() }) },
          responses: {
            200: json(runMetricsResultSchema, "Every recorded period, oldest first."),
            404: json(errorSchema, "No such pilot in this organisation."),
          },
        }),
        post: op({
          operationId: "recordRunMetrics",
          summary: "Record run metrics for one or more periods (contributor tokens and above)",
          description: "A period already recorded is replaced; the audit log keeps the old values.",
          requestParams: { path: z.object({ id: z.uuid() }), header: idempotencyHeaderSchema },
          requestBody: { content: { "application/json": { schema: runMetricsInputSchema } } },
          responses: {
            201: json(
              runMetricsResultSchema,
              "The recorded periods (or the replayed first answer).",
            ),
            404: json(errorSchema, "No such pilot in this organisation."),
            409: json(errorSchema, "The Idempotency-Key was used with a different body."),
          },
        }),
      },
      "/api/v1/pilots/{id}/incidents": {
        get: op({
          operationId: "listPilotIncidents",
          summary: "A pilot's incidents, newest first (cursor pagination)",
          requestParams: {
            path: z.object({ id: z.uuid() }),
            query: incidentQuerySchema.omit({ pilotId: true }),
          },
          responses: {
            200: json(incidentPageSchema, "One page of incidents."),
            404: json(errorSchema, "No such pilot in this organisation."),
          },
        }),
        post: op({
          operationId: "createIncident",
          summary: "Log an incident on a pilot (contributor tokens and above)",
          description:
            "The stage is filled from the pilot's timeline at `startedAt`. Linking `assumptionId` marks that assumption broken. " +
            "Timestamps must not go backwards (started ≤ detected ≤ acknowledged ≤ mitigated ≤ resolved), and `startedAt` must not be before the pilot started (its start date or when it was recorded, whichever is earlier); a 422 names the wrong field.",
          requestParams: { path: z.object({ id: z.uuid() }), header: idempotencyHeaderSchema },
          requestBody: { content: { "application/json": { schema: incidentInputSchema } } },
          responses: {
            201: json(
              incidentSchema,
              "The incident (or, for a retried Idempotency-Key, the first one).",
            ),
            404: json(errorSchema, "No such pilot in this organisation."),
            409: json(errorSchema, "The Idempotency-Key was used with a different body."),
          },
        }),
      },
      "/api/v1/pilots/{id}/incidents/batch": {
        post: op({
          operationId: "createIncidentBatch",
          summary:
            "Log up to 500 incidents on a pilot at once, all or none (contributor tokens and above)",
          description:
            "For monitoring integrations that send incidents in bulk. Each incident is checked as `createIncident` checks one and gets its own audit event; " +
            "if any is wrong, none is logged and a 422 names the fields by position (`incidents.3.severity`). " +
            "The `Idempotency-Key` header is required: the same key and body replay the first answer, the same key with another body is a 409. " +
            "More than 500 incidents is a 400.",
          requestParams: {
            path: z.object({ id: z.uuid() }),
            header: z.object({
              "idempotency-key": z.string().min(1).max(200).meta({
                description:
                  "Required. Makes retries safe: the same key and body replay the first response; the same key with another body is a 409.",
              }),
            }),
          },
          requestBody: { content: { "application/json": { schema: incidentBatchSchema } } },
          responses: {
            201: json(
              incidentBatchResultSchema,
              "The new incidents' ids in order (or, for a retried Idempotency-Key, the first answer).",
            ),
            400: json(
              errorSchema,
              "No Idempotency-Key header, a body that is not JSON, or more than 500 incidents.",
            ),
            404: json(errorSchema, "No such pilot in this organisation."),
            409: json(errorSchema, "The Idempotency-Key was used with a different body."),
          },
        }),
      },
      "/api/v1/incidents": {
        get: op({
          operationId: "listIncidents",
          summary: "The organisation's incidents, newest first, filtered (cursor pagination)",
          requestParams: { query: incidentQuerySchema },
          responses: { 200: json(incidentPageSchema, "One page of incidents.") },
        }),
      },
      "/api/v1/incidents/{id}": {
        get: op({
          operationId: "getIncident",
          summary: "One incident",
          requestParams: { path: z.object({ id: z.uuid() }) },
          responses: {
            200: json(incidentSchema, "The incident."),
            404: json(errorSchema, "No such incident in this organisation."),
          },
        }),
        patch: op({
          operationId: "updateIncident",
          summary:
            "Change an incident; resolve it with `resolvedAt` and a `resolutionNote`, reopen it with `resolvedAt: null`",
          requestParams: { path: z.object({ id: z.uuid() }) },
          requestBody: { content: { "application/json": { schema: incidentPatchSchema } } },
          responses: {
            200: json(incidentSchema, "The incident."),
            404: json(errorSchema, "No such incident in this organisation."),
            409: json(errorSchema, "Someone changed it since `version`."),
          },
        }),
      },
      "/api/v1/metrics/incidents": {
        get: op({
          operationId: "getIncidentMetrics",
          summary: "Incident outcome metrics by week or month, computed by the database",
          requestParams: { query: incidentMetricsQuerySchema },
          responses: {
            200: json(
              incidentMetricsSchema,
              "Totals, a series, and breakdowns by category, stage and pilot.",
            ),
          },
        }),
      },
      "/api/v1/webhooks/incidents": {
        post: op({
          operationId: "incidentWebhook",
          summary: "Generic incident webhook for pagers and ticketing tools",
          description:
            "Maps a pager-style event onto an incident of the token's organisation. The first event with an `external_id` creates the incident " +
            "(category other, detected by an automated check, outcome contained, until someone edits it); later events with the same id update its title, severity and times. " +
            "An event whose times are out of order, or that starts before its pilot did, is refused with a 422 that names the event and the fields as sent (`started_at`…).",
          requestBody: { content: { "application/json": { schema: webhookSchema } } },
          responses: {
            201: json(incidentSchema, "A new incident."),
            200: json(incidentSchema, "The existing incident, updated."),
            404: json(errorSchema, "`pilot_id` is not a pilot of this organisation."),
          },
        }),
      },
      "/api/v1/workshops": {
        get: listByUseCase(
          "listWorkshops",
          "Workshops, newest date first",
          workshopQuerySchema,
          json(workshopListSchema, "Matching workshops."),
        ),
        post: op({
          operationId: "createWorkshop",
          summary: "Set up a workshop of a use case as a draft (lead tokens and above)",
          description:
            "On the current question bank, with a join code. Organisation API tokens only: a workshop participant's session never reaches the API.",
          requestParams: { header: idempotencyHeaderSchema },
          requestBody: { content: { "application/json": { schema: workshopInputSchema } } },
          responses: {
            201: json(
              workshopSchema,
              "The new workshop, a draft at version 1 (or, for a retried Idempotency-Key, the first one).",
            ),
            404: json(errorSchema, "No such use case in this organisation."),
            409: json(errorSchema, "The Idempotency-Key was used with a different body."),
          },
        }),
      },
      "/api/v1/workshops/{id}": {
        get: onWorkshop({
          operationId: "getWorkshop",
          summary: "One workshop with its state, join code, participant count and version",
          responses: { 200: json(workshopSchema, "The workshop.") },
        }),
      },
      "/api/v1/workshops/{id}/state": {
        post: onWorkshop({
          operationId: "changeWorkshopState",
          summary: "Open, pause or close a workshop (lead tokens and above)",
          description:
            "Send the `version` you last read. A stale version, or a move the state does not allow (a closed workshop is final), is a 409 that changes nothing. Closing ends every participant session.",
          requestBody: { content: { "application/json": { schema: workshopStateInputSchema } } },
          responses: {
            200: json(workshopSchema, "The workshop in its new state, with its new version."),
            409: json(
              errorSchema,
              "The workshop changed since `version`, or cannot make this move.",
            ),
          },
        }),
      },
      "/api/v1/workshops/{id}/aggregates": {
        get: onWorkshop({
          operationId: "getWorkshopAggregates",
          summary:
            "Per question the distribution of answers, the disagreement and the split by role tag",
          description:
            "Counted by the database on each call, as the facilitator's live view shows them: comments with participant numbers instead of names when anonymous.",
          responses: { 200: json(workshopAggregatesSchema, "The room's answers, aggregated.") },
        }),
      },
      "/api/v1/workshops/{id}/answers": {
        get: onWorkshop({
          operationId: "listWorkshopAnswers",
          summary: "Every individual answer, as JSON or CSV",
          description:
            "Participant by participant in the order they joined, in questionnaire order. When the workshop is anonymous names are left out: `displayName` is null and the CSV has no name column.",
          requestParams: { query: workshopAnswersQuerySchema },
          responses: {
            200: {
              description: "The answers (`text/csv` with `?format=csv`).",
              content: {
                "application/json": { schema: workshopAnswerListSchema },
                "text/csv": { schema: z.string() },
              },
            },
          },
        }),
      },
      "/api/v1/pilots/{id}/assumptions/{assumptionId}": {
        patch: op({
          operationId: "updateAssumption",
          summary: "Mark an assumption open, verified, accepted as a risk, or broken",
          requestParams: { path: z.object({ id: z.uuid(), assumptionId: z.uuid() }) },
          requestBody: { content: { "application/json": { schema: assumptionPatchSchema } } },
          responses: {
            200: json(assumptionSchema, "The assumption."),
            404: json(errorSchema, "No such pilot or assumption in this organisation."),
            409: json(errorSchema, "Someone changed it since `version`."),
          },
        }),
      },
    },
  });
}

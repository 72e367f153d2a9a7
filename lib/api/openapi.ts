import { z } from "zod";
import { createDocument, type ZodOpenApiOperationObject } from "zod-openapi";
import {
  answersInputSchema,
  answersResultSchema,
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
  useCaseQuerySchema,
  useCaseSchema,
} from "./schemas";

const json = (schema: z.ZodType, description: string) => ({
  description,
  content: { "application/json": { schema } },
});

const errors = {
  401: json(errorSchema, "Missing, unknown or revoked API token."),
  403: json(errorSchema, "The token's role does not allow this."),
  422: json(errorSchema, "Invalid input; `fields` names each wrong field."),
};

const op = (o: ZodOpenApiOperationObject): ZodOpenApiOperationObject => ({
  security: [{ bearer: [] }],
  ...o,
  responses: { ...errors, ...o.responses },
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
    },
  });
}

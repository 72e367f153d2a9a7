import type { z } from "zod";
import { createDocument, type ZodOpenApiOperationObject } from "zod-openapi";
import {
  auditPageSchema,
  auditQuerySchema,
  errorSchema,
  healthSchema,
  memberListSchema,
  organisationSchema,
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
    },
  });
}

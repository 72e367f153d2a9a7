import { describe, expect, test } from "vitest";
import type { z } from "zod";
import { incidentFormSchema } from "@/app/o/[org]/incidents/schemas";
import { updateOrganisationSchema } from "@/app/o/[org]/settings/schemas";
import { createTokenSchema } from "@/app/o/[org]/settings/tokens/schemas";
import { useCaseFormSchema } from "@/app/o/[org]/use-cases/schemas";
import {
  incidentInputSchema,
  incidentPatchSchema,
  webhookSchema,
} from "@/lib/api/incident-schemas";
import { inventoryActionInputSchema as inventoryActionSchema } from "@/lib/api/inventory-schemas";
import { useCaseInputSchema } from "@/lib/api/schemas";
import { safeCallbackUrl, signUpSchema } from "@/lib/auth/schemas";
import { parseEnv } from "@/lib/env";
import { linkOrigin } from "@/lib/origin";
import { SLUG_PATTERN, slugify } from "@/lib/slug";
import { NO_CONTROL_CHARACTERS, withoutControlCharacters } from "@/lib/text";

const signUp = {
  name: "Ada",
  email: "ada@example.com",
  password: "12345678",
  organisationName: "Acme",
};
const incidentForm = {
  pilotId: "",
  title: "Refund sent twice",
  description: "",
  severity: "sev2",
  category: "stale_data",
  detectionSource: "automated_check",
  outcome: "contained",
  startedAt: "2026-11-01T10:00",
  detectedAt: "",
  acknowledgedAt: "",
  mitigatedAt: "",
  resolvedAt: "",
  costEstimate: "",
  actions: [],
};
const incidentApi = {
  title: "Refund sent twice",
  severity: "sev2",
  category: "stale_data",
  detectionSource: "automated_check",
  outcome: "contained",
  startedAt: "2026-11-01T10:00:00Z",
};
const webhook = {
  external_id: "INC-1",
  title: "Refund sent twice",
  severity: "sev2",
  started_at: "2026-11-01T10:00:00Z",
};
const useCaseForm = {
  name: "Ticket tagging",
  description: "",
  ownerId: "",
  businessValue: "3",
  annualValue: "",
  systems: "Zendesk",
};
const useCaseApi = { name: "Ticket tagging", businessValue: 3 };
const inventoryAction = {
  name: "Issue a refund",
  system: "Stripe",
  access: "write",
  reversibility: "reversible",
  blastRadius: "one_record",
  frequency: "hourly",
};

describe("slugify", () => {
  test.each([
    ["Acme Logistics", "acme-logistics"],
    ["  Zürich Ops — Team #2 ", "zurich-ops-team-2"],
    ["!!!", ""],
    ["a".repeat(60), "a".repeat(40)],
  ])("%j → %j", (name, slug) => {
    expect(slugify(name)).toBe(slug);
    if (slug) expect(slug).toMatch(SLUG_PATTERN);
  });
});

describe("safeCallbackUrl", () => {
  test.each([
    ["/o/acme/pilots?x=1", "/o/acme/pilots?x=1"],
    ["http://localhost:3000/o/acme", "/o/acme"],
    ["https://evil.example/steal", "/steal"],
    ["//evil.example/x", "/x"],
    ["/\\evil.example", "/"],
    ["", "/"],
    [undefined, "/"],
  ])("%j → %j (never another host)", (input, expected) => {
    expect(safeCallbackUrl(input)).toBe(expected);
  });
});

describe("sign-up input", () => {
  const valid = {
    name: "Ada",
    email: "ada@example.com",
    password: "12345678",
    organisationName: "Acme",
  };
  test("accepts passwords of 8 to 128 characters", () => {
    expect(signUpSchema.safeParse(valid).success).toBe(true);
    expect(signUpSchema.safeParse({ ...valid, password: "x".repeat(128) }).success).toBe(true);
  });
  test.each([
    [{ password: "1234567" }, "password", "at least 8"],
    [{ password: "x".repeat(129) }, "password", "at most 128"],
    [{ email: "not-an-email" }, "email", "valid email"],
    [{ organisationName: " " }, "organisationName", "at least 2"],
  ])("rejects %j on the %s field", (patch, field, message) => {
    const result = signUpSchema.safeParse({ ...valid, ...patch });
    expect(result.success).toBe(false);
    const issue = result.error?.issues.find((i) => i.path[0] === field);
    expect(issue?.message).toContain(message);
  });
});

describe("environment", () => {
  test("defaults to the embedded database in ./data", () => {
    const env = parseEnv({});
    expect(env.DATABASE_URL).toBeUndefined();
    expect(env.dataDir).toMatch(/\/data$/);
  });
  test("names the variable that is wrong", () => {
    expect(() => parseEnv({ DATABASE_URL: "mysql://x" })).toThrow(
      /DATABASE_URL: must be a postgres/,
    );
    expect(() => parseEnv({ AUTH_SECRET: "short" })).toThrow(/AUTH_SECRET: must be at least 32/);
    expect(() => parseEnv({ AUTH_OIDC_ISSUER: "https://id.example" })).toThrow(
      /AUTH_OIDC_ISSUER: single sign-on needs/,
    );
    expect(() => parseEnv({ MIGRATION_DATABASE_URL: "postgres://owner@db/preflight" })).toThrow(
      /MIGRATION_DATABASE_URL: only applies to PostgreSQL/,
    );
    expect(() =>
      parseEnv({ DATABASE_URL: "postgres://app@db/preflight", MIGRATION_DATABASE_URL: "x" }),
    ).toThrow(/MIGRATION_DATABASE_URL: must be a postgres/);
  });
  test("treats empty values as unset", () => {
    expect(parseEnv({ DATABASE_URL: "", PREFLIGHT_DATA_DIR: "" }).DATABASE_URL).toBeUndefined();
  });
});

describe("titles and names refuse control characters", () => {
  const cases: [string, z.ZodType, Record<string, unknown>, string][] = [
    ["incident form", incidentFormSchema("GBP"), incidentForm, "title"],
    ["incident API", incidentInputSchema, incidentApi, "title"],
    [
      "incident API patch",
      incidentPatchSchema,
      { version: 1, title: "Refund sent twice" },
      "title",
    ],
    ["incident webhook", webhookSchema, webhook, "title"],
    ["use case form", useCaseFormSchema("GBP"), useCaseForm, "name"],
    ["use case API", useCaseInputSchema, useCaseApi, "name"],
    ["inventory action", inventoryActionSchema, inventoryAction, "name"],
    ["sign-up: your name", signUpSchema, signUp, "name"],
    ["sign-up: organisation", signUpSchema, signUp, "organisationName"],
    [
      "organisation settings",
      updateOrganisationSchema,
      { name: "Acme", currency: "GBP", version: "1" },
      "name",
    ],
    [
      "API token",
      createTokenSchema,
      { name: "PagerDuty bridge", role: "viewer", expiresInDays: "90" },
      "name",
    ],
  ];

  test.each(cases)("%s: a valid value passes", (_label, schema, valid) => {
    expect(schema.safeParse(valid).error?.issues).toBeUndefined();
  });

  test.each(
    cases.flatMap(([label, schema, valid, field]) =>
      ["Refund\n=HYPERLINK(1)", "Tab\there", "Bell\u0007", "Next\u0085line", "Line\u2028sep"].map(
        (value) => [label, field, value, schema, valid] as const,
      ),
    ),
  )("%s: %s %j is refused with a field message", (_label, field, value, schema, valid) => {
    const result = schema.safeParse({ ...valid, [field]: value });
    expect(result.success).toBe(false);
    expect(result.error?.issues.find((i) => i.path[0] === field)?.message).toBe(
      NO_CONTROL_CHARACTERS,
    );
  });

  test("spaces inside and line breaks at either end are fine (they are trimmed)", () => {
    expect(signUpSchema.safeParse({ ...signUp, name: "\n Ada  Lovelace \t" }).data?.name).toBe(
      "Ada  Lovelace",
    );
  });
});

test("a single sign-on display name loses its control characters", () => {
  expect(withoutControlCharacters("Ada\nLovelace\u0007 ")).toBe("Ada Lovelace");
});

describe("AUTH_URL and the links built from it", () => {
  test("production refuses to start without AUTH_URL, naming it", () => {
    expect(() => parseEnv({ NODE_ENV: "production" })).toThrow(
      /AUTH_URL: .*required in production/,
    );
    expect(parseEnv({ NODE_ENV: "production", AUTH_URL: "https://pf.example.com" }).AUTH_URL).toBe(
      "https://pf.example.com",
    );
    // Building the app is not running it.
    expect(() =>
      parseEnv({ NODE_ENV: "production", NEXT_PHASE: "phase-production-build" }),
    ).not.toThrow();
    expect(() => parseEnv({ NODE_ENV: "development" })).not.toThrow();
    expect(() => parseEnv({ AUTH_URL: "pf.example.com" })).toThrow(/AUTH_URL: /);
  });

  const forged = new Headers({
    host: "evil.example",
    "x-forwarded-host": "evil.example",
    "x-forwarded-proto": "https",
  });

  test("in production, links come from AUTH_URL only, whatever the request says", () => {
    const env = parseEnv({ NODE_ENV: "production", AUTH_URL: "https://pf.example.com/app" });
    expect(linkOrigin(env, forged)).toBe("https://pf.example.com");
  });

  test("in development without AUTH_URL, the request's host is used", () => {
    expect(linkOrigin(parseEnv({}), new Headers({ host: "localhost:3000" }))).toBe(
      "http://localhost:3000",
    );
    expect(linkOrigin(parseEnv({ AUTH_URL: "http://127.0.0.1:4000" }), forged)).toBe(
      "http://127.0.0.1:4000",
    );
  });
});

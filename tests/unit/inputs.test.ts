import { describe, expect, test } from "vitest";
import { safeCallbackUrl, signUpSchema } from "@/lib/auth/schemas";
import { parseEnv } from "@/lib/env";
import { SLUG_PATTERN, slugify } from "@/lib/slug";

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

import { describe, expect, test } from "vitest";
import {
  effectiveTokenRole,
  isValidTokenLifetime,
  type TokenFacts,
  type TokenStatus,
  tokenExpiry,
  tokenStatus,
} from "@/lib/domain/api-tokens";
import { ROLES, type Role, roleRank } from "@/lib/domain/roles";

const NOW = new Date("2026-11-26T12:00:00Z");
const LATER = new Date("2027-01-01T00:00:00Z");

const token = (
  role: Role,
  creator: TokenFacts["creator"],
  extra: Partial<TokenFacts> = {},
): TokenFacts => ({ role, expiresAt: LATER, revokedAt: null, creator, ...extra });

describe("tokenStatus", () => {
  test.each<[string, TokenFacts, TokenStatus]>([
    [
      "a member's token within its role",
      token("lead", { role: "admin", disabled: false }),
      "active",
    ],
    ["the creator's own role", token("admin", { role: "admin", disabled: false }), "active"],
    ["a command-line token", token("owner", null), "active"],
    ["creator removed", token("viewer", { role: null, disabled: false }), "creator_removed"],
    ["creator demoted below", token("admin", { role: "lead", disabled: false }), "creator_demoted"],
    ["creator disabled", token("viewer", { role: "owner", disabled: true }), "creator_disabled"],
    ["expired", token("viewer", null, { expiresAt: NOW }), "expired"],
    [
      "revoked beats everything",
      token("admin", { role: null, disabled: true }, { revokedAt: NOW, expiresAt: NOW }),
      "revoked",
    ],
    [
      "expired beats the creator's state",
      token("admin", { role: null, disabled: true }, { expiresAt: new Date(0) }),
      "expired",
    ],
  ])("%s", (_name, facts, status) => {
    expect(tokenStatus(facts, NOW)).toBe(status);
  });

  test("an active token never acts above its creator's current role", () => {
    for (const tokenRole of ROLES) {
      for (const creatorRole of ROLES) {
        const facts = token(tokenRole, { role: creatorRole, disabled: false });
        const role = effectiveTokenRole(facts);
        expect(roleRank(role)).toBeLessThanOrEqual(roleRank(creatorRole));
        expect(roleRank(role)).toBeLessThanOrEqual(roleRank(tokenRole));
        if (tokenStatus(facts, NOW) === "active") expect(role).toBe(tokenRole);
      }
    }
  });
});

describe("lifetimes", () => {
  test.each([
    [1, true],
    [90, true],
    [365, true],
    [0, false],
    [366, false],
    [1.5, false],
    [Number.NaN, false],
  ])("%d days valid: %s", (days, valid) => {
    expect(isValidTokenLifetime(days)).toBe(valid);
  });

  test("expiry is the creation time plus whole days", () => {
    expect(tokenExpiry(NOW, 7).toISOString()).toBe("2026-12-03T12:00:00.000Z");
  });
});

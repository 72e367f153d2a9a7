import { describe, expect, test } from "vitest";
import { assertCanGrant, assertCanManageMember, can } from "@/lib/domain/permissions";
import { ROLES, type Role, roleAtLeast } from "@/lib/domain/roles";

describe("roles", () => {
  test("are ordered owner > admin > lead > contributor > viewer", () => {
    for (const [i, role] of ROLES.entries()) {
      for (const [j, other] of ROLES.entries()) expect(roleAtLeast(role, other)).toBe(i <= j);
    }
  });
});

describe("permissions", () => {
  const table: [string, Role[]][] = [
    ["org:read", ["owner", "admin", "lead", "contributor", "viewer"]],
    ["members:read", ["owner", "admin", "lead", "contributor", "viewer"]],
    ["org:update", ["owner", "admin"]],
    ["members:invite", ["owner", "admin"]],
    ["members:manage", ["owner", "admin"]],
    ["tokens:manage", ["owner", "admin"]],
    ["audit:read", ["owner", "admin"]],
    ["outbox:read", ["owner"]],
    ["org:export", ["owner"]],
    ["pilot:write", ["owner", "admin", "lead"]],
    ["pilot:override", ["owner", "admin"]],
    ["workshop:read", ["owner", "admin", "lead", "contributor", "viewer"]],
    ["workshop:manage", ["owner", "admin", "lead"]],
  ];
  test.each(table)("%s is granted to %j only", (permission, allowed) => {
    for (const role of ROLES) {
      expect(can({ role }, permission as Parameters<typeof can>[1])).toBe(allowed.includes(role));
    }
  });

  test("nobody grants or manages a role above their own", () => {
    expect(() => assertCanGrant({ role: "admin" }, "owner")).toThrow(/above your own/);
    expect(() => assertCanGrant({ role: "admin" }, "admin")).not.toThrow();
    expect(() => assertCanManageMember({ role: "admin" }, "owner")).toThrow(/above yours/);
    expect(() => assertCanManageMember({ role: "owner" }, "owner")).not.toThrow();
  });
});

import { beforeEach, describe, expect, test } from "vitest";
import { cachedForOrg, clearOrgCache } from "@/db/queries/internal/org-cache";
import type { MemberContext } from "@/lib/domain/permissions";

const ctx = (dataVersion: number | undefined): MemberContext => ({
  orgId: "org-1",
  orgSlug: "org",
  orgName: "Org",
  currency: "GBP",
  role: "viewer",
  actor: { type: "user", userId: "user-1", label: "user@example.com" },
  dataVersion,
});

/** A loader that answers how many times it ran. */
function counter() {
  let calls = 0;
  return { load: async () => ++calls, calls: () => calls };
}

beforeEach(() => clearOrgCache());

describe("the per-organisation cache", () => {
  test("computes once per data version, key and name", async () => {
    const c = counter();
    expect(await cachedForOrg(ctx(1), "a", { x: 1 }, c.load, 0)).toBe(1);
    expect(await cachedForOrg(ctx(1), "a", { x: 1 }, c.load, 1000)).toBe(1);
    expect(await cachedForOrg(ctx(1), "a", { x: 2 }, c.load, 1000)).toBe(2);
    expect(await cachedForOrg(ctx(1), "b", { x: 1 }, c.load, 1000)).toBe(3);
    // A new data version is a write: never answered from the old one.
    expect(await cachedForOrg(ctx(2), "a", { x: 1 }, c.load, 1000)).toBe(4);
    expect(c.calls()).toBe(4);
  });

  test("without a data version it always computes", async () => {
    const c = counter();
    await cachedForOrg(ctx(undefined), "a", null, c.load, 0);
    await cachedForOrg(ctx(undefined), "a", null, c.load, 0);
    expect(c.calls()).toBe(2);
  });

  test("concurrent requests share one computation", async () => {
    const c = counter();
    const all = await Promise.all([1, 2, 3].map(() => cachedForOrg(ctx(1), "a", null, c.load, 0)));
    expect(all).toEqual([1, 1, 1]);
    expect(c.calls()).toBe(1);
  });

  test("past its age an entry is answered once more while one request computes it again", async () => {
    const c = counter();
    expect(await cachedForOrg(ctx(1), "a", null, c.load, 0)).toBe(1);
    // Two requests past its age: both answered at once with the old result, one recomputes.
    const [first, second] = [
      cachedForOrg(ctx(1), "a", null, c.load, 61_000),
      cachedForOrg(ctx(1), "a", null, c.load, 61_001),
    ];
    expect([await first, await second]).toEqual([1, 1]);
    await new Promise((resolve) => setTimeout(resolve, 0));
    expect(await cachedForOrg(ctx(1), "a", null, c.load, 61_002)).toBe(2);
    expect(c.calls()).toBe(2);
  });

  test("a failure is not kept", async () => {
    let fail = true;
    const load = async () => {
      if (fail) throw new Error("down");
      return "ok";
    };
    await expect(cachedForOrg(ctx(1), "a", null, load, 0)).rejects.toThrow("down");
    fail = false;
    expect(await cachedForOrg(ctx(1), "a", null, load, 0)).toBe("ok");
  });
});

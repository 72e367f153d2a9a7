import { describe, expect, test } from "vitest";
import { db } from "@/db";
import { listMembers, removeMember } from "@/db/queries/members";
import { createUser, endUserSessions, getSessionMember, setUserDisabled } from "@/db/queries/users";
import { hashPassword } from "@/lib/auth/password";
import { readSessionClaims } from "@/lib/auth/session-token";
import { makeOrg, uniq } from "./fixtures";
import { authEndpoint } from "./http";

const PASSWORD = "a long enough password";

/** Signs in through the Auth.js endpoint and answers the session cookie it sets. */
async function signedIn() {
  const email = `${uniq()}@test.example`;
  const user = await createUser(db, {
    email,
    name: "Signed In",
    passwordHash: await hashPassword(PASSWORD),
    emailVerified: true,
  });
  if (!user) throw new Error("no user");
  const { signIn } = await authEndpoint();
  const response = await signIn(email, PASSWORD);
  const cookie = response.headers
    .getSetCookie()
    .map((c) => c.split(";")[0] ?? "")
    .find((c) => c.startsWith("authjs.session-token="));
  if (!cookie) throw new Error("no session cookie");
  return { user, email, cookie };
}

const over = (cookie: string, proto = "http") =>
  new Headers({ cookie, "x-forwarded-proto": proto });

describe("the session cookie on a page request", () => {
  test("is decoded to the user and the session version it was signed in with", async () => {
    const { user, cookie } = await signedIn();
    expect(await readSessionClaims(over(cookie))).toEqual({ userId: user.id, sessionVersion: 0 });
    expect(await readSessionClaims(over(`theme=dark; ${cookie}`))).toEqual({
      userId: user.id,
      sessionVersion: 0,
    });
  });

  test("answers nothing for a tampered, missing or wrongly named cookie", async () => {
    const { cookie } = await signedIn();
    const [name, value = ""] = cookie.split("=");
    const flipped = `${value.slice(0, -3)}${value.at(-3) === "A" ? "B" : "A"}${value.slice(-2)}`;
    expect(await readSessionClaims(over(`${name}=${flipped}`))).toBeNull();
    expect(await readSessionClaims(over("theme=dark"))).toBeNull();
    expect(await readSessionClaims(new Headers())).toBeNull();
    // Over https Auth.js uses the "__Secure-" name; a plain cookie does not count there.
    const saved = process.env.AUTH_URL;
    delete process.env.AUTH_URL;
    try {
      expect(await readSessionClaims(over(cookie, "https"))).toBeNull();
    } finally {
      if (saved !== undefined) process.env.AUTH_URL = saved;
    }
  });
});

describe("the one session-and-membership lookup", () => {
  test("answers the user, the membership with the data version, and their organisations", async () => {
    const org = await makeOrg();
    const other = await makeOrg();
    const result = await getSessionMember(org.users.admin.id, 0, org.slug);
    if (!result.ok) throw new Error("refused");
    expect(result.user).toEqual(org.users.admin);
    expect(result.member).toMatchObject({
      orgId: org.orgId,
      orgSlug: org.slug,
      role: "admin",
      actor: { type: "user", userId: org.users.admin.id },
    });
    expect(result.member?.dataVersion).toEqual(expect.any(Number));
    expect(result.organisations).toEqual([
      { slug: org.slug, name: expect.any(String), role: "admin" },
    ]);
    // Another organisation, or one that does not exist: a valid session, no membership.
    const elsewhere = await getSessionMember(org.users.admin.id, 0, other.slug);
    expect(elsewhere.ok && elsewhere.member).toBeNull();
    const nowhere = await getSessionMember(org.users.admin.id, 0, `missing-${uniq()}`);
    expect(nowhere.ok && nowhere.member).toBeNull();
    const noOrg = await getSessionMember(org.users.admin.id, 0, null);
    expect(noOrg.ok && noOrg.organisations).toHaveLength(1);
  });

  test("refuses an ended session, a disabled user, and a removed member's organisation", async () => {
    const org = await makeOrg();
    const lead = org.users.lead;
    await db.transaction((tx) => endUserSessions(tx, lead.id));
    expect(await getSessionMember(lead.id, 0, org.slug)).toEqual({ ok: false, reason: "ended" });
    expect((await getSessionMember(lead.id, 1, org.slug)).ok).toBe(true);

    const viewer = org.users.viewer;
    await setUserDisabled({ type: "system", label: "test" }, viewer.email, true);
    expect(await getSessionMember(viewer.id, 1, org.slug)).toEqual({
      ok: false,
      reason: "inactive",
    });

    const contributor = org.users.contributor;
    const membership = (await listMembers(org.ctx.owner)).find((m) => m.userId === contributor.id);
    if (!membership) throw new Error("no membership");
    await removeMember(org.ctx.owner, { membershipId: membership.id });
    const removed = await getSessionMember(contributor.id, 0, org.slug);
    expect(removed.ok).toBe(true);
    expect(removed.ok && removed.member).toBeNull();
    expect(removed.ok && removed.organisations).toEqual([]);
  });
});

import http from "node:http";
import type { AddressInfo } from "node:net";
import { eq } from "drizzle-orm";
import { afterEach, describe, expect, test } from "vitest";
import { db } from "@/db";
import { registerUser } from "@/db/queries/accounts";
import {
  acceptInvitation,
  createInvitation,
  previewInvitation,
  revokeInvitation,
} from "@/db/queries/invitations";
import { changeMemberRole, listMembers, removeMember } from "@/db/queries/members";
import { listUserOrganisations, memberContext } from "@/db/queries/organisations";
import { takeAttempt } from "@/db/queries/rate-limits";
import { getActiveUser, setUserDisabled } from "@/db/queries/users";
import { signInFailures } from "@/db/schema";
import { authenticateCredentials } from "@/lib/auth/credentials";
import { hashPassword } from "@/lib/auth/password";
import {
  assertSignUpAllowed,
  GLOBAL_SIGN_IN_KEY,
  GLOBAL_SIGN_UP_KEY,
  SIGN_IN_LIMITS,
  SIGN_UP_LIMITS,
} from "@/lib/auth/rate-limits";
import { requestAddress, stampSocketAddresses } from "@/lib/client-address";
import { makeOrg, makeUser, outcome, uniq } from "./fixtures";
import { authEndpoint } from "./http";

const PASSWORD = "correct horse battery";

async function signedUpUser() {
  const email = `${uniq()}@login.example`;
  const result = await registerUser({
    name: "Login Tester",
    email,
    passwordHash: await hashPassword(PASSWORD),
    organisationName: `Login ${uniq()}`,
  });
  if (!result) throw new Error("not registered");
  return { ...result, email };
}

describe("passwords", () => {
  test("are hashed with argon2id at OWASP's minimum cost or more", async () => {
    const hash = await hashPassword(PASSWORD);
    expect(hash).toMatch(/^\$argon2id\$v=19\$m=(\d+),t=(\d+),p=(\d+)\$/);
    const [, m, t, p] = /m=(\d+),t=(\d+),p=(\d+)/.exec(hash)!.map(Number);
    expect(m).toBeGreaterThanOrEqual(19_456);
    expect(t).toBeGreaterThanOrEqual(2);
    expect(p).toBeGreaterThanOrEqual(1);
    expect(hash).not.toContain(PASSWORD);
  });
});

describe("sign-up", () => {
  test("creates the user and an organisation they own", async () => {
    const { user, orgSlug } = await signedUpUser();
    expect(await listUserOrganisations(user.id)).toEqual([
      expect.objectContaining({ slug: orgSlug, role: "owner" }),
    ]);
  });

  test("refuses an email that is already registered, in any letter case, creating nothing", async () => {
    const { email, user } = await signedUpUser();
    const again = await registerUser({
      name: "Someone else",
      email: email.toUpperCase(),
      passwordHash: await hashPassword("another password"),
      organisationName: "Should not exist",
    });
    expect(again).toBeNull();
    expect(await listUserOrganisations(user.id)).toHaveLength(1);
  });
});

describe("credentials check", () => {
  test("accepts the right password and says nothing specific about wrong ones", async () => {
    const { email, user } = await signedUpUser();
    expect(
      await authenticateCredentials({ email: ` ${email.toUpperCase()} `, password: PASSWORD }),
    ).toEqual({
      ok: true,
      user: expect.objectContaining({ id: user.id }),
    });
    const wrong = await authenticateCredentials({ email, password: "not it at all" });
    const unknown = await authenticateCredentials({
      email: `nobody-${uniq()}@x.example`,
      password: PASSWORD,
    });
    expect(wrong).toEqual({ ok: false, reason: "invalid" });
    expect(unknown).toEqual(wrong);
  });

  test("the 6th attempt within a minute for one email is refused, even with the right password", async () => {
    const { email } = await signedUpUser();
    for (let i = 0; i < 5; i++) {
      expect((await authenticateCredentials({ email, password: "wrong" })).ok).toBe(false);
    }
    expect(await authenticateCredentials({ email, password: PASSWORD })).toMatchObject({
      ok: false,
      reason: "rate_limited",
    });
  });

  test("40 concurrent wrong passwords for one email: at most 5 reach the password check", async () => {
    const { email } = await signedUpUser();
    const results = await Promise.all(
      Array.from({ length: 40 }, () => authenticateCredentials({ email, password: "wrong" })),
    );
    const checked = results.filter((r) => !r.ok && r.reason === "invalid").length;
    const refused = results.filter((r) => !r.ok && r.reason === "rate_limited").length;
    expect(checked).toBeLessThanOrEqual(SIGN_IN_LIMITS.perEmail);
    expect(checked + refused).toBe(40);
    // Burst and follow-ups together: exactly 5 checks in the minute, then refusals.
    let more = 0;
    for (;;) {
      const r = await authenticateCredentials({ email, password: "wrong" });
      if (r.ok || r.reason !== "invalid") break;
      more++;
    }
    expect(checked + more).toBe(SIGN_IN_LIMITS.perEmail);
  });

  test("the limit also applies per IP address, across emails", async () => {
    const ip = `198.51.100.${Math.floor(Math.random() * 250)}-${uniq()}`;
    for (let i = 0; i < 5; i++) {
      await authenticateCredentials({ email: `${uniq()}@spray.example`, password: "guess", ip });
    }
    const { email } = await signedUpUser();
    expect(await authenticateCredentials({ email, password: PASSWORD, ip })).toMatchObject({
      ok: false,
      reason: "rate_limited",
    });
    expect(
      (await authenticateCredentials({ email, password: PASSWORD, ip: `${ip}-other` })).ok,
    ).toBe(true);
  });

  test("a new X-Forwarded-For on each request is still one address (a real HTTP request, no proxy trusted)", async () => {
    stampSocketAddresses();
    const server = http.createServer(async (req, res) => {
      const headers = new Headers();
      for (const [k, v] of Object.entries(req.headers)) {
        if (typeof v === "string") headers.set(k, v);
      }
      let body = "";
      for await (const chunk of req) body += chunk;
      const input = JSON.parse(body) as { email: string; password: string };
      const result = await authenticateCredentials({ ...input, ip: requestAddress(headers, 0) });
      res.end(result.ok ? "ok" : result.reason);
    });
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
    try {
      const { port } = server.address() as AddressInfo;
      const outcomes: string[] = [];
      for (let i = 0; i < 20; i++) {
        const res = await fetch(`http://127.0.0.1:${port}/`, {
          method: "POST",
          headers: { "x-forwarded-for": `198.51.100.${i}`, "x-real-ip": `198.51.100.${i}` },
          body: JSON.stringify({ email: `${uniq()}@spray.example`, password: "guess" }),
        });
        outcomes.push(await res.text());
      }
      expect(outcomes.filter((o) => o === "invalid").length).toBe(SIGN_IN_LIMITS.perAddress);
      expect(outcomes.filter((o) => o === "rate_limited").length).toBe(
        20 - SIGN_IN_LIMITS.perAddress,
      );
    } finally {
      server.close();
    }
  });

  describe("a global ceiling across addresses", () => {
    afterEach(async () => {
      await db.delete(signInFailures).where(eq(signInFailures.key, GLOBAL_SIGN_IN_KEY));
    });

    test("once the minute's failed sign-ins reach it, every address is refused", async () => {
      const { email } = await signedUpUser();
      const now = new Date();
      await db.insert(signInFailures).values(
        Array.from({ length: SIGN_IN_LIMITS.global }, () => ({
          key: GLOBAL_SIGN_IN_KEY,
          createdAt: now,
        })),
      );
      expect(
        await authenticateCredentials({ email, password: PASSWORD, ip: `203.0.113.${uniq()}` }),
      ).toMatchObject({ ok: false, reason: "rate_limited" });
    });
  });

  test("failures older than the window no longer count", async () => {
    const { email } = await signedUpUser();
    const old = new Date(Date.now() - 61_000);
    for (let i = 0; i < 5; i++) {
      await takeAttempt([{ key: `email:${email}`, limit: 5 }], 60_000, old);
    }
    expect((await authenticateCredentials({ email, password: PASSWORD })).ok).toBe(true);
  });

  test("a successful sign-in does not count against the limit", async () => {
    const { email } = await signedUpUser();
    for (let i = 0; i < 8; i++) {
      expect((await authenticateCredentials({ email, password: PASSWORD })).ok).toBe(true);
    }
  });

  test("a disabled user cannot sign in and loses access to an existing session", async () => {
    const { email, user } = await signedUpUser();
    expect(await getActiveUser(user.id)).not.toBeNull();
    await setUserDisabled({ type: "system", label: "test" }, email, true);
    expect(await getActiveUser(user.id)).toBeNull();
    expect(await authenticateCredentials({ email, password: PASSWORD })).toEqual({
      ok: false,
      reason: "disabled",
    });
    await setUserDisabled({ type: "system", label: "test" }, email, false);
    expect(await getActiveUser(user.id)).not.toBeNull();
  });
});

describe("the Auth.js sign-in endpoint", () => {
  test("answers 429 with Retry-After and the wait when sign-in is rate-limited", async () => {
    const endpoint = await authEndpoint();
    const { email } = await signedUpUser();
    const signIn = (password: string) => endpoint.signIn(email, password);
    for (let i = 0; i < SIGN_IN_LIMITS.perEmail; i++) {
      const wrong = await signIn("not the password");
      expect(wrong.status).toBe(302);
      expect(wrong.headers.get("location")).toMatch(/code=invalid/);
    }
    const limited = await signIn(PASSWORD);
    expect(limited.status).toBe(429);
    expect(Number(limited.headers.get("retry-after"))).toBeGreaterThan(0);
    expect(await limited.json()).toEqual({
      error: {
        code: "rate_limited",
        message: expect.stringMatching(/^Too many attempts; try again in 1 minute\.$/),
      },
    });
  });
});

describe("sign-up rate limits", () => {
  afterEach(async () => {
    await db.delete(signInFailures).where(eq(signInFailures.key, GLOBAL_SIGN_UP_KEY));
  });

  test("an address may sign up a few times, then is told how long to wait", async () => {
    const address = `203.0.113.${uniq()}`;
    for (let i = 0; i < SIGN_UP_LIMITS.perAddress; i++) {
      expect(await outcome(assertSignUpAllowed(address))).toBe("ok");
    }
    const refused = await assertSignUpAllowed(address).catch((e: Error) => e);
    expect(refused).toMatchObject({
      code: "rate_limited",
      message: expect.stringMatching(/^Too many attempts; try again in \d+ minutes?\.$/),
    });
    expect(await outcome(assertSignUpAllowed(`${address}-other`))).toBe("ok");
  });

  test("a global ceiling refuses sign-ups from every address once reached", async () => {
    const now = new Date();
    await db.insert(signInFailures).values(
      Array.from({ length: SIGN_UP_LIMITS.global }, () => ({
        key: GLOBAL_SIGN_UP_KEY,
        createdAt: now,
      })),
    );
    expect(await outcome(assertSignUpAllowed(`203.0.113.${uniq()}`))).toBe("rate_limited");
    expect(await outcome(assertSignUpAllowed(null))).toBe("rate_limited");
  });
});

describe("invitations", () => {
  test("joining by link gives the invited role, once", async () => {
    const org = await makeOrg();
    const newcomer = await makeUser("Newcomer");
    const { token } = await createInvitation(org.ctx.admin, {
      role: "lead",
      email: newcomer.email,
    });
    expect((await previewInvitation(token))?.status).toBe("valid");
    const actor = { type: "user" as const, userId: newcomer.id, label: newcomer.email };
    expect(await acceptInvitation(actor, token)).toEqual({ orgSlug: org.slug });
    const members = await listMembers(org.ctx.owner);
    expect(members.find((m) => m.userId === newcomer.id)?.role).toBe("lead");
    expect((await previewInvitation(token))?.status).toBe("used");

    const another = await makeUser("Latecomer");
    expect(
      await outcome(
        acceptInvitation({ type: "user", userId: another.id, label: another.email }, token),
      ),
    ).toBe("conflict");
  });

  test("expired and revoked links cannot be used; unknown links are not found", async () => {
    const org = await makeOrg();
    const longAgo = new Date(Date.now() - 8 * 86_400_000);
    const user = await makeUser();
    const email = user.email;
    const expired = await createInvitation(org.ctx.owner, { role: "viewer", email }, longAgo);
    const revoked = await createInvitation(org.ctx.owner, { role: "viewer", email });
    await revokeInvitation(org.ctx.owner, revoked.invitation.id);
    const actor = { type: "user" as const, userId: user.id, label: user.email };
    expect((await previewInvitation(expired.token))?.status).toBe("expired");
    expect((await previewInvitation(revoked.token))?.status).toBe("revoked");
    expect(await outcome(acceptInvitation(actor, expired.token))).toBe("conflict");
    expect(await outcome(acceptInvitation(actor, revoked.token))).toBe("conflict");
    expect(await previewInvitation("inv_unknown")).toBeNull();
    expect(await outcome(acceptInvitation(actor, "inv_unknown"))).toBe("not_found");
  });

  test("an invitation addressed to someone works only for that person", async () => {
    const org = await makeOrg();
    const intended = await makeUser("Intended");
    const { token } = await createInvitation(org.ctx.admin, {
      role: "admin",
      email: intended.email.toUpperCase(),
    });
    const stranger = await makeUser("Stranger");
    expect(
      await outcome(
        acceptInvitation({ type: "user", userId: stranger.id, label: stranger.email }, token),
      ),
    ).toBe("forbidden");
    expect(
      await acceptInvitation({ type: "user", userId: intended.id, label: intended.email }, token),
    ).toEqual({ orgSlug: org.slug });
  });

  test("a removed inviter's links stop working; a demoted one's cannot grant more than they could", async () => {
    const org = await makeOrg();
    // The review's case: an admin invites, is removed, and a stranger uses the link.
    const stranger = await makeUser("Stranger");
    const { token } = await createInvitation(org.ctx.admin, {
      role: "admin",
      email: stranger.email,
    });
    const adminMembership = (await listMembers(org.ctx.owner)).find(
      (m) => m.userId === org.users.admin.id,
    )!;
    await removeMember(org.ctx.owner, { membershipId: adminMembership.id });
    expect((await previewInvitation(token))?.status).toBe("revoked");
    const actor = { type: "user" as const, userId: stranger.id, label: stranger.email };
    expect(await outcome(acceptInvitation(actor, token))).toBe("conflict");
    expect((await listMembers(org.ctx.owner)).some((m) => m.userId === stranger.id)).toBe(false);

    // An owner's admin invitation stops working once the owner is no longer an admin or owner.
    const other = await makeOrg();
    const lead = await makeUser("Lead");
    const second = await createInvitation(other.ctx.owner, { role: "lead", email: lead.email });
    const owners = await listMembers(other.ctx.owner);
    const adminRow = owners.find((m) => m.userId === other.users.admin.id)!;
    // Make the admin an owner so the original owner can be demoted.
    await changeMemberRole(other.ctx.owner, {
      membershipId: adminRow.id,
      role: "owner",
      version: adminRow.version,
    });
    const ownerRow = (await listMembers(other.ctx.owner)).find(
      (m) => m.userId === other.users.owner.id,
    )!;
    const newOwner = await memberContext(other.users.admin, other.slug);
    await changeMemberRole(newOwner!, {
      membershipId: ownerRow.id,
      role: "contributor",
      version: ownerRow.version,
    });
    expect(
      await outcome(
        acceptInvitation({ type: "user", userId: lead.id, label: lead.email }, second.token),
      ),
    ).toBe("conflict");
  });

  test("admin and owner invitations expire after two days, others after seven", async () => {
    const org = await makeOrg();
    const now = new Date();
    const email = "invitee@example.org";
    const admin = await createInvitation(org.ctx.owner, { role: "admin", email }, now);
    const viewer = await createInvitation(org.ctx.owner, { role: "viewer", email }, now);
    const days = (d: Date) => Math.round((d.getTime() - now.getTime()) / 86_400_000);
    expect(days(admin.invitation.expiresAt)).toBe(2);
    expect(days(viewer.invitation.expiresAt)).toBe(7);
  });

  test("nobody invites with a role above their own", async () => {
    const org = await makeOrg();
    const email = "invitee@example.org";
    expect(await outcome(createInvitation(org.ctx.admin, { role: "owner", email }))).toBe(
      "forbidden",
    );
    expect(await outcome(createInvitation(org.ctx.owner, { role: "owner", email }))).toBe("ok");
  });
});

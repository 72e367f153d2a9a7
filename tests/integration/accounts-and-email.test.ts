import { and, eq, isNull } from "drizzle-orm";
import { afterAll, afterEach, beforeAll, describe, expect, test, vi } from "vitest";
import { db } from "@/db";
import {
  changeUserPassword,
  createEmailVerification,
  endAllSessions,
  listAccountEvents,
  registerUser,
  verifyEmailWithToken,
} from "@/db/queries/accounts";
import { createApiToken } from "@/db/queries/api-tokens";
import { acceptInvitation, createInvitation } from "@/db/queries/invitations";
import { removeMember } from "@/db/queries/members";
import { memberContext } from "@/db/queries/organisations";
import { listOrganisationOutbox, listUserOutbox } from "@/db/queries/outbox";
import { issueUserToken } from "@/db/queries/user-tokens";
import {
  findUserByEmail,
  getSessionUser,
  isEmailVerified,
  setUserDisabled,
} from "@/db/queries/users";
import { auditEvents, outboxMessages, signInFailures, users, userTokens } from "@/db/schema";
import {
  changePassword,
  isPasswordResetLinkUsable,
  PASSWORD_RESET_REQUESTED,
  requestPasswordReset,
  resetPassword,
  sendApiTokenCreatedNotice,
  sendPasswordChangedNotice,
  sendVerificationEmail,
} from "@/lib/auth/account";
import { authenticateCredentials } from "@/lib/auth/credentials";
import { hashPassword } from "@/lib/auth/password";
import {
  assertVerificationEmailAllowed,
  GLOBAL_PASSWORD_RESET_KEY,
  PASSWORD_RESET_LIMITS,
  VERIFICATION_EMAIL_LIMITS,
} from "@/lib/auth/rate-limits";
import { sha256 } from "@/lib/crypto";
import { resetEnv } from "@/lib/env";
import { linkIn, startTestMailServer, type TestMailServer } from "../support/smtp-server";
import { makeOrg, makeUser, outcome, uniq } from "./fixtures";
import { authEndpoint } from "./http";

const ORIGIN = "https://preflight.example.com";
const PASSWORD = "correct horse battery";
const NEW_PASSWORD = "a brand new passphrase";

let mail: TestMailServer;
const savedEnv = { SMTP_URL: process.env.SMTP_URL, MAIL_FROM: process.env.MAIL_FROM };

/** Points the app's mail at an SMTP server, or (null) at the log and the outbox. */
function useSmtp(url: string | null) {
  if (url) {
    process.env.SMTP_URL = url;
    process.env.MAIL_FROM = "Preflight <preflight@example.com>";
  } else {
    delete process.env.SMTP_URL;
    delete process.env.MAIL_FROM;
  }
  resetEnv();
}

beforeAll(async () => {
  mail = await startTestMailServer();
  useSmtp(mail.url);
});

afterAll(async () => {
  for (const [key, value] of Object.entries(savedEnv)) {
    if (value === undefined) delete process.env[key];
    else process.env[key] = value;
  }
  resetEnv();
  await mail.close();
});

afterEach(async () => {
  await db.delete(signInFailures).where(eq(signInFailures.key, GLOBAL_PASSWORD_RESET_KEY));
});

const mailTo = (email: string, subject: string) =>
  mail.waitFor((m) => m.to.includes(email) && m.subject === subject);

/** Lets deferred work and the mail server settle, then lists what reached an address. */
async function receivedBy(email: string, settleMs = 300): Promise<string[]> {
  await new Promise((r) => setTimeout(r, settleMs));
  return mail.messages.filter((m) => m.to.includes(email)).map((m) => m.subject);
}

async function signedUp(options: { organisation?: boolean } = {}) {
  const email = `${uniq()}@accounts.example`;
  const result = await registerUser({
    name: "Ada Account",
    email,
    passwordHash: await hashPassword(PASSWORD),
    organisationName: options.organisation === false ? undefined : `Accounts ${uniq()}`,
  });
  if (!result) throw new Error("not registered");
  return { ...result, email };
}

/** Collects the work requestPasswordReset defers, to run it when the test says. */
function deferred() {
  const tasks: (() => Promise<unknown>)[] = [];
  return {
    defer: (task: () => Promise<unknown>) => {
      tasks.push(task);
    },
    run: () => Promise.all(tasks.splice(0).map((t) => t())),
    get count() {
      return tasks.length;
    },
  };
}

async function userEvents(userId: string) {
  return db
    .select({ action: auditEvents.action, orgId: auditEvents.orgId })
    .from(auditEvents)
    .where(and(eq(auditEvents.entityType, "user"), eq(auditEvents.entityId, userId)));
}

describe("email verification", () => {
  test("a new account is unverified and gets a link, by SMTP, to its address; the link is stored hashed", async () => {
    const { user, email } = await signedUp();
    expect(isEmailVerified(user)).toBe(false);
    expect(await sendVerificationEmail(user, ORIGIN)).toBe("sent");
    const received = await mailTo(email, "Verify your email address for Preflight");
    expect(received.from).toBe("preflight@example.com");
    const link = linkIn(received, `${ORIGIN}/verify-email/`);
    expect(received.html).toContain(`href="${link}"`);
    const token = link.slice(`${ORIGIN}/verify-email/`.length);
    const rows = await db
      .select({ tokenHash: userTokens.tokenHash, expiresAt: userTokens.expiresAt })
      .from(userTokens)
      .where(eq(userTokens.userId, user.id));
    expect(rows).toEqual([{ tokenHash: sha256(token), expiresAt: expect.any(Date) }]);
    expect(rows[0]!.expiresAt.getTime() - Date.now()).toBeGreaterThan(23.9 * 3_600_000);
    expect(rows[0]!.expiresAt.getTime() - Date.now()).toBeLessThanOrEqual(24 * 3_600_000);
    // With a mail server the outbox records delivery, not the message (it holds the link).
    const [row] = await db
      .select({ status: outboxMessages.status, textBody: outboxMessages.textBody })
      .from(outboxMessages)
      .where(eq(outboxMessages.userId, user.id));
    expect(row).toEqual({ status: "sent", textBody: null });
  });

  test("the link verifies the address once; the event is in the account's audit trail", async () => {
    const { user, email } = await signedUp();
    await sendVerificationEmail(user, ORIGIN);
    const token = linkIn(await mailTo(email, "Verify your email address for Preflight"), ORIGIN)
      .split("/")
      .pop()!;
    expect(await verifyEmailWithToken(token)).toEqual({ userId: user.id, email });
    expect(isEmailVerified((await findUserByEmail(email))!)).toBe(true);
    expect(await verifyEmailWithToken(token)).toBeNull();
    expect(await userEvents(user.id)).toEqual(
      expect.arrayContaining([
        { action: "user.verification_email_sent", orgId: null },
        { action: "user.email_verified", orgId: null },
      ]),
    );
    expect((await listAccountEvents(user.id)).map((e) => e.action)).toContain(
      "user.email_verified",
    );
  });

  test("an expired link, or one sent to an address the account no longer has, verifies nothing", async () => {
    const { user } = await signedUp();
    const dayAgo = new Date(Date.now() - 24 * 3_600_000 - 1_000);
    const expired = await createEmailVerification(user, dayAgo);
    expect(await verifyEmailWithToken(expired.token)).toBeNull();
    const current = await createEmailVerification(user);
    await db
      .update(users)
      .set({ email: `moved-${uniq()}@accounts.example` })
      .where(eq(users.id, user.id));
    expect(await verifyEmailWithToken(current.token)).toBeNull();
    const [row] = await db
      .select({ verified: users.emailVerifiedAt })
      .from(users)
      .where(eq(users.id, user.id));
    expect(row?.verified).toBeNull();
  });

  test("an unverified account cannot accept an invitation; once verified it can (review H2: verify emails)", async () => {
    const org = await makeOrg();
    const { user, email } = await signedUp({ organisation: false });
    const { token } = await createInvitation(org.ctx.admin, { role: "contributor", email });
    const actor = { type: "user" as const, userId: user.id, label: email };
    const refused = await acceptInvitation(actor, token).catch((e: Error) => e);
    expect(refused).toMatchObject({ code: "forbidden", message: /Verify your email address/ });
    expect(await memberContext(user, org.slug)).toBeNull();
    const verification = await createEmailVerification(user);
    await verifyEmailWithToken(verification.token);
    expect(await acceptInvitation(actor, token)).toEqual({ orgSlug: org.slug });
  });

  test("signing up from an invitation creates no organisation and joins nothing yet", async () => {
    const { user, orgSlug } = await signedUp({ organisation: false });
    expect(orgSlug).toBeNull();
    expect(isEmailVerified(user)).toBe(false);
    const { listUserOrganisations } = await import("@/db/queries/organisations");
    expect(await listUserOrganisations(user.id)).toEqual([]);
  });

  test("asking for new links is rate-limited per user", async () => {
    const user = await makeUser("Resender", null, { emailVerified: false });
    for (let i = 0; i < VERIFICATION_EMAIL_LIMITS.perUser; i++) {
      expect(await outcome(assertVerificationEmailAllowed(user.id))).toBe("ok");
    }
    expect(await outcome(assertVerificationEmailAllowed(user.id))).toBe("rate_limited");
    const other = await makeUser("Other", null, { emailVerified: false });
    expect(await outcome(assertVerificationEmailAllowed(other.id))).toBe("ok");
  });

  test("people created by npm run org:create, the demo seed, and single sign-on that says so are verified", async () => {
    const { createOrganisationWithOwner } = await import("@/scripts/lib/org-create");
    const owner = `cli-${uniq()}@accounts.example`;
    await createOrganisationWithOwner({ slug: `cli-${uniq()}`, owner });
    expect(isEmailVerified((await findUserByEmail(owner))!)).toBe(true);

    const { seedDemo, DEMO_EMAIL } = await import("@/scripts/lib/seed-demo");
    await seedDemo("preflight-demo");
    expect(isEmailVerified((await findUserByEmail(DEMO_EMAIL))!)).toBe(true);

    const { resolveSsoSignIn } = await import("@/db/queries/sso");
    const vouched = `sso-${uniq()}@accounts.example`;
    const issuer = "https://id.accounts.example";
    expect(
      await resolveSsoSignIn({ issuer, subject: uniq(), email: vouched, emailVerified: true }),
    ).toMatchObject({ ok: true });
    expect(isEmailVerified((await findUserByEmail(vouched))!)).toBe(true);
  });
});

describe("password reset", () => {
  test("an account gets a single-use link; an unknown address gets the same answer and no email", async () => {
    const { user, email } = await signedUp();
    const unknown = `nobody-${uniq()}@accounts.example`;
    const known = deferred();
    const stranger = deferred();
    const answers = [
      await requestPasswordReset({ email, address: "203.0.113.10", origin: ORIGIN }, known.defer),
      await requestPasswordReset(
        { email: unknown, address: "203.0.113.11", origin: ORIGIN },
        stranger.defer,
      ),
    ];
    expect(answers).toEqual([PASSWORD_RESET_REQUESTED, PASSWORD_RESET_REQUESTED]);
    // Nothing is looked up or sent before answering: the work is deferred in both cases.
    expect([known.count, stranger.count]).toEqual([1, 1]);
    expect(await receivedBy(email, 50)).toEqual([]);
    await Promise.all([known.run(), stranger.run()]);
    const received = await mailTo(email, "Reset your Preflight password");
    expect(await receivedBy(unknown)).toEqual([]);
    expect(await db.select().from(userTokens).where(eq(userTokens.email, unknown))).toEqual([]);

    const link = linkIn(received, `${ORIGIN}/reset-password/`);
    const token = link.split("/").pop()!;
    expect(await isPasswordResetLinkUsable(token)).toBe(true);
    expect(await resetPassword(token, NEW_PASSWORD)).toMatchObject({ id: user.id, email });
    expect((await authenticateCredentials({ email, password: NEW_PASSWORD })).ok).toBe(true);
    expect(await authenticateCredentials({ email, password: PASSWORD })).toEqual({
      ok: false,
      reason: "invalid",
    });
    // Single use.
    expect(await isPasswordResetLinkUsable(token)).toBe(false);
    expect(await resetPassword(token, "yet another password")).toBeNull();
    expect((await authenticateCredentials({ email, password: NEW_PASSWORD })).ok).toBe(true);
    expect((await userEvents(user.id)).map((e) => e.action)).toEqual(
      expect.arrayContaining(["user.password_reset_requested", "user.password_reset"]),
    );
  });

  test("disabled and single-sign-on-only accounts get no email either", async () => {
    const { email: disabled } = await signedUp();
    await setUserDisabled({ type: "system", label: "test" }, disabled, true);
    const sso = await makeUser("Sso Only");
    const tasks = deferred();
    for (const email of [disabled, sso.email]) {
      expect(
        await requestPasswordReset({ email, address: null, origin: ORIGIN }, tasks.defer),
      ).toBe(PASSWORD_RESET_REQUESTED);
    }
    await tasks.run();
    expect(await receivedBy(disabled)).toEqual([]);
    expect(await receivedBy(sso.email, 0)).toEqual([]);
  });

  test("a link expires after 30 minutes", async () => {
    const { user, email } = await signedUp();
    const old = await issueUserToken(
      db,
      { userId: user.id, email, purpose: "reset_password", ttlMs: 30 * 60_000 },
      new Date(Date.now() - 30 * 60_000 - 1_000),
    );
    expect(await isPasswordResetLinkUsable(old.token)).toBe(false);
    expect(await resetPassword(old.token, NEW_PASSWORD)).toBeNull();
    expect((await authenticateCredentials({ email, password: PASSWORD })).ok).toBe(true);
  });

  test("using one link retires the others; a verification link cannot reset a password", async () => {
    const { user, email } = await signedUp();
    const tasks = deferred();
    await requestPasswordReset({ email, address: null, origin: ORIGIN }, tasks.defer);
    await requestPasswordReset({ email, address: null, origin: ORIGIN }, tasks.defer);
    await tasks.run();
    await mail.waitFor(
      (m) => m.to.includes(email) && m.subject === "Reset your Preflight password",
    );
    const links = await db
      .select({ id: userTokens.id })
      .from(userTokens)
      .where(and(eq(userTokens.userId, user.id), isNull(userTokens.usedAt)));
    expect(links).toHaveLength(2);
    const first = mail.messages.find(
      (m) => m.to.includes(email) && m.subject === "Reset your Preflight password",
    )!;
    const token = linkIn(first, `${ORIGIN}/reset-password/`).split("/").pop()!;
    expect(await resetPassword(token, NEW_PASSWORD)).not.toBeNull();
    const stillOpen = await db
      .select({ id: userTokens.id })
      .from(userTokens)
      .where(and(eq(userTokens.userId, user.id), isNull(userTokens.usedAt)));
    expect(stillOpen).toEqual([]);
    const verification = await createEmailVerification(user);
    expect(await isPasswordResetLinkUsable(verification.token)).toBe(false);
    expect(await resetPassword(verification.token, "sneaky password")).toBeNull();
  });

  test("a reset link proves the address: it becomes verified", async () => {
    const { user, email } = await signedUp();
    const reset = await issueUserToken(db, {
      userId: user.id,
      email,
      purpose: "reset_password",
      ttlMs: 60_000,
    });
    await resetPassword(reset.token, NEW_PASSWORD);
    expect(isEmailVerified((await findUserByEmail(email))!)).toBe(true);
  });

  test("requests are limited per email address, known or not, so the limit reveals nothing", async () => {
    for (const email of [(await signedUp()).email, `nobody-${uniq()}@accounts.example`]) {
      const tasks = deferred();
      const results: string[] = [];
      for (let i = 0; i <= PASSWORD_RESET_LIMITS.perEmail; i++) {
        results.push(
          await outcome(
            requestPasswordReset(
              { email, address: `198.51.100.${i}-${uniq()}`, origin: ORIGIN },
              tasks.defer,
            ),
          ),
        );
      }
      expect(results).toEqual([
        ...Array(PASSWORD_RESET_LIMITS.perEmail).fill("ok"),
        "rate_limited",
      ]);
    }
  });

  test("requests are limited per client address across emails", async () => {
    const address = `203.0.113.${uniq()}`;
    const tasks = deferred();
    const results: string[] = [];
    for (let i = 0; i <= PASSWORD_RESET_LIMITS.perAddress; i++) {
      results.push(
        await outcome(
          requestPasswordReset(
            { email: `x${i}-${uniq()}@accounts.example`, address, origin: ORIGIN },
            tasks.defer,
          ),
        ),
      );
    }
    expect(results.at(-1)).toBe("rate_limited");
    expect(results.slice(0, -1).every((r) => r === "ok")).toBe(true);
  });
});

/** Signs in through the Auth.js endpoint, as a browser does; returns the session cookie. */
async function signInOverHttp(email: string, password: string): Promise<string> {
  const { csrfCookie, signIn } = await authEndpoint();
  const response = await signIn(email, password);
  const session = response.headers
    .getSetCookie()
    .map((c) => c.split(";")[0]!)
    .find((c) => c.startsWith("authjs.session-token="));
  if (!session) throw new Error(`not signed in: ${response.headers.get("location")}`);
  return `${csrfCookie}; ${session}`;
}

/** What the app's per-request check (requireUser) concludes from a session cookie. */
async function checkSession(cookie: string) {
  const { GET } = await import("@/app/api/auth/[...nextauth]/route");
  const { NextRequest } = await import("next/server");
  const { userForSession } = await import("@/lib/auth/session");
  const response = await GET(
    new NextRequest("http://localhost:3000/api/auth/session", { headers: { cookie } }),
  );
  const session = await response.json();
  const result = await userForSession(session);
  return result.ok ? "valid" : result.reason;
}

describe("sessions", () => {
  test("a session carries the version at sign-in and is accepted until the user's sessions are ended", async () => {
    const { user, email } = await signedUp();
    const laptop = await signInOverHttp(email, PASSWORD);
    const phone = await signInOverHttp(email, PASSWORD);
    expect(await checkSession(laptop)).toBe("valid");
    await endAllSessions(user);
    // The cookies still decode (a JWT cannot be deleted), but the per-request check refuses them.
    expect(await checkSession(laptop)).toBe("ended");
    expect(await checkSession(phone)).toBe("ended");
    expect(await checkSession(await signInOverHttp(email, PASSWORD))).toBe("valid");
    expect(await userEvents(user.id)).toContainEqual({
      action: "user.sessions_ended",
      orgId: null,
    });
  });

  test("a client cannot raise its session's version through the session endpoint", async () => {
    const { user, email } = await signedUp();
    const cookie = await signInOverHttp(email, PASSWORD);
    await endAllSessions(user);
    const { POST } = await import("@/app/api/auth/[...nextauth]/route");
    const { NextRequest } = await import("next/server");
    const csrfToken = decodeURIComponent(
      cookie.match(/authjs\.csrf-token=([^;]+)/)?.[1] ?? "",
    ).split("|")[0];
    const updated = await POST(
      new NextRequest("http://localhost:3000/api/auth/session", {
        method: "POST",
        headers: { "content-type": "application/json", cookie },
        body: JSON.stringify({ csrfToken, data: { sessionVersion: 1, sv: 1 } }),
      }),
    );
    expect(updated.status).toBe(200);
    const refreshed = updated.headers
      .getSetCookie()
      .map((c) => c.split(";")[0]!)
      .find((c) => c.startsWith("authjs.session-token="));
    expect(refreshed).toBeDefined();
    expect(await checkSession(cookie.replace(/authjs\.session-token=[^;]+/, refreshed!))).toBe(
      "ended",
    );
  });

  test("a password reset ends every session (review L5)", async () => {
    const { email } = await signedUp();
    const stolen = await signInOverHttp(email, PASSWORD);
    const tasks = deferred();
    await requestPasswordReset({ email, address: null, origin: ORIGIN }, tasks.defer);
    await tasks.run();
    const token = linkIn(await mailTo(email, "Reset your Preflight password"), ORIGIN)
      .split("/")
      .pop()!;
    await resetPassword(token, NEW_PASSWORD);
    expect(await checkSession(stolen)).toBe("ended");
  });

  test("a password change ends every session; the current password is checked and rate-limited", async () => {
    const { user, email } = await signedUp();
    const other = await signInOverHttp(email, PASSWORD);
    const wrong = await changePassword(
      user,
      { currentPassword: "not my password", newPassword: NEW_PASSWORD },
      null,
    ).catch((e: Error) => e);
    expect(wrong).toMatchObject({
      code: "invalid_input",
      fields: { currentPassword: ["That is not your current password."] },
    });
    expect(await checkSession(other)).toBe("valid");
    await changePassword(user, { currentPassword: PASSWORD, newPassword: NEW_PASSWORD }, null);
    expect(await checkSession(other)).toBe("ended");
    expect((await authenticateCredentials({ email, password: NEW_PASSWORD })).ok).toBe(true);
    expect(await userEvents(user.id)).toContainEqual({
      action: "user.password_changed",
      orgId: null,
    });
    for (let i = 0; i < 5; i++) {
      await changePassword(user, { currentPassword: "guess", newPassword: "x".repeat(10) }, null)
        .then(() => "ok")
        .catch(() => "refused");
    }
    expect(
      await outcome(
        changePassword(user, { currentPassword: NEW_PASSWORD, newPassword: PASSWORD }, null),
      ),
    ).toBe("rate_limited");
  });

  test("a session from before a user was disabled does not come back when they are enabled again (review L5)", async () => {
    const { email } = await signedUp();
    const before = await signInOverHttp(email, PASSWORD);
    await setUserDisabled({ type: "system", label: "test" }, email, true);
    expect(await checkSession(before)).toBe("inactive");
    await setUserDisabled({ type: "system", label: "test" }, email, false);
    expect(await checkSession(before)).toBe("ended");
    expect(await checkSession(await signInOverHttp(email, PASSWORD))).toBe("valid");
  });

  test("sessions signed in before versions existed count as version 0 until sessions are ended", async () => {
    const { user } = await signedUp();
    expect((await getSessionUser(user.id, 0)).ok).toBe(true);
    await changeUserPassword(user, await hashPassword(NEW_PASSWORD));
    expect(await getSessionUser(user.id, 0)).toEqual({ ok: false, reason: "ended" });
  });

  test("removal from an organisation ends access to it at once, whatever the session says", async () => {
    const org = await makeOrg();
    const { users: people, ctx } = org;
    expect(await memberContext(people.lead, org.slug)).not.toBeNull();
    const membership = (await import("@/db/queries/members")).listMembers(ctx.owner);
    const leadMembership = (await membership).find((m) => m.userId === people.lead.id)!;
    await removeMember(ctx.admin, { membershipId: leadMembership.id });
    expect(await memberContext(people.lead, org.slug)).toBeNull();
  });
});

describe("notices", () => {
  test("a password change is announced to the account's address", async () => {
    const { user, email } = await signedUp();
    expect(await sendPasswordChangedNotice(user, "changed", ORIGIN)).toBe("sent");
    const notice = await mailTo(email, "Your Preflight password was changed");
    expect(notice.text).toContain("from the account page");
    expect(linkIn(notice, ORIGIN)).toBe(`${ORIGIN}/forgot-password`);
  });

  test("a new API token is announced to its creator, with the organisation, name, role and expiry", async () => {
    const org = await makeOrg();
    const creator = org.users.admin;
    const { apiToken } = await createApiToken(org.ctx.admin, {
      name: "Pager bridge",
      role: "contributor",
      expiresInDays: 30,
    });
    const orgName = org.ctx.admin.orgName;
    expect(
      await sendApiTokenCreatedNotice(
        { orgSlug: org.slug, orgName, creator, token: apiToken },
        ORIGIN,
      ),
    ).toBe("sent");
    const notice = await mailTo(creator.email, `New API token "Pager bridge" in ${orgName}`);
    expect(notice.text).toContain("Acts as role: Contributor");
    expect(notice.text).toMatch(/Expires: \d{1,2} \w{3} \d{4}, \d{2}:\d{2} UTC/);
    expect(linkIn(notice, ORIGIN)).toBe(`${ORIGIN}/o/${org.slug}/settings/tokens`);
    expect(
      await sendApiTokenCreatedNotice(
        { orgSlug: org.slug, orgName, creator: null, token: apiToken },
        ORIGIN,
      ),
    ).toBeNull();
  });
});

describe("when sending fails", () => {
  test("the failure is logged and recorded in the outbox, and the change it reports stands", async () => {
    const { user, email } = await signedUp();
    const closed = await startTestMailServer();
    await closed.close();
    useSmtp(closed.url);
    const errors = vi.spyOn(console, "error").mockImplementation(() => {});
    try {
      const reset = await issueUserToken(db, {
        userId: user.id,
        email,
        purpose: "reset_password",
        ttlMs: 60_000,
      });
      const person = await resetPassword(reset.token, NEW_PASSWORD);
      expect(await sendPasswordChangedNotice(person!, "reset", ORIGIN)).toBe("failed");
      expect(errors).toHaveBeenCalledWith(
        expect.stringContaining(`Could not send the password_changed email to ${email}`),
      );
    } finally {
      errors.mockRestore();
      useSmtp(mail.url);
    }
    const [row] = await db
      .select({ status: outboxMessages.status, error: outboxMessages.error })
      .from(outboxMessages)
      .where(eq(outboxMessages.userId, user.id));
    expect(row).toEqual({ status: "failed", error: expect.stringMatching(/ECONNREFUSED/) });
    expect((await authenticateCredentials({ email, password: NEW_PASSWORD })).ok).toBe(true);
  });
});

describe("without a mail server", () => {
  beforeAll(() => useSmtp(null));
  afterAll(() => useSmtp(mail.url));

  test("messages go to the server log and the outbox; nothing reaches any mail server", async () => {
    const { user, email } = await signedUp();
    const logged = vi.spyOn(console, "info").mockImplementation(() => {});
    try {
      expect(await sendVerificationEmail(user, ORIGIN)).toBe("logged");
      expect(logged).toHaveBeenCalledWith(
        expect.stringMatching(
          new RegExp(`SMTP_URL is not set[\\s\\S]*To: ${email}[\\s\\S]*${ORIGIN}/verify-email/`),
        ),
      );
    } finally {
      logged.mockRestore();
    }
    const [message] = await listUserOutbox(user.id);
    expect(message).toMatchObject({
      recipient: email,
      kind: "verify_email",
      status: "logged",
      withheld: null,
      text: expect.stringContaining(`${ORIGIN}/verify-email/vfy_`),
    });
    // The link in the outbox works like an emailed one.
    const token = message!.text!.match(/vfy_[A-Za-z0-9_-]+/)![0];
    expect(await verifyEmailWithToken(token)).not.toBeNull();
    expect(await receivedBy(email, 0)).toEqual([]);
  });

  test("owners see their members' messages, but not others' verification links, and no reset links at all", async () => {
    const org = await makeOrg();
    const info = vi.spyOn(console, "info").mockImplementation(() => {});
    try {
      await sendVerificationEmail(org.users.lead, ORIGIN);
      await sendVerificationEmail(org.users.owner, ORIGIN);
      const tasks = deferred();
      await requestPasswordReset(
        { email: org.users.owner.email, address: null, origin: ORIGIN },
        tasks.defer,
      );
      await db
        .update(users)
        .set({ passwordHash: await hashPassword(PASSWORD) })
        .where(eq(users.id, org.users.owner.id));
      await tasks.run();
      const { apiToken } = await createApiToken(org.ctx.admin, { name: "Bridge", role: "viewer" });
      await sendApiTokenCreatedNotice(
        {
          orgSlug: org.slug,
          orgName: org.ctx.admin.orgName,
          creator: org.users.admin,
          token: apiToken,
        },
        ORIGIN,
      );
      // The reset email (its link included) is only in the log.
      expect(info).toHaveBeenCalledWith(expect.stringContaining(`${ORIGIN}/reset-password/rst_`));
    } finally {
      info.mockRestore();
    }
    const seen = await listOrganisationOutbox(org.ctx.owner);
    const byKind = (kind: string, to: string) =>
      seen.find((m) => m.kind === kind && m.recipient === to);
    expect(byKind("verify_email", org.users.lead.email)).toMatchObject({
      text: null,
      withheld: "recipient_only",
    });
    expect(byKind("verify_email", org.users.owner.email)).toMatchObject({
      text: expect.stringContaining("/verify-email/"),
      withheld: null,
    });
    expect(byKind("password_reset", org.users.owner.email)).toMatchObject({
      text: null,
      withheld: "not_kept",
    });
    expect(byKind("api_token_created", org.users.admin.email)?.text).toContain("Bridge");
    const [stored] = await db
      .select({ text: outboxMessages.textBody, html: outboxMessages.htmlBody })
      .from(outboxMessages)
      .where(
        and(
          eq(outboxMessages.userId, org.users.owner.id),
          eq(outboxMessages.kind, "password_reset"),
        ),
      );
    expect(stored).toEqual({ text: null, html: null });

    // Only owners, and only for their own organisation's members.
    expect(await outcome(listOrganisationOutbox(org.ctx.admin))).toBe("forbidden");
    const other = await makeOrg();
    expect(await listOrganisationOutbox(other.ctx.owner)).toEqual([]);
  });
});

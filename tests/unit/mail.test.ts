import { describe, expect, test } from "vitest";
import { canReadOutboxBody, MAIL_KINDS, outboxKeepsBody } from "@/lib/domain/mail";
import { parseEnv } from "@/lib/env";
import {
  apiTokenCreatedMessage,
  escapeHtml,
  invitationMessage,
  passwordChangedMessage,
  passwordResetMessage,
  verifyEmailMessage,
} from "@/lib/mail/templates";

const AT = new Date("2026-11-25T14:03:00Z");

describe("email templates", () => {
  const cases = [
    {
      name: "verification",
      message: verifyEmailMessage({
        name: "Vera",
        link: "https://pf.example.com/verify-email/vfy_abc",
        validForHours: 24,
      }),
      subject: "Verify your email address for Preflight",
      link: "https://pf.example.com/verify-email/vfy_abc",
      says: ["Hello Vera,", "works once, for 24 hours", "cannot join organisations"],
    },
    {
      name: "password reset",
      message: passwordResetMessage({
        name: "Rex",
        link: "https://pf.example.com/reset-password/rst_abc",
        validForMinutes: 30,
      }),
      subject: "Reset your Preflight password",
      link: "https://pf.example.com/reset-password/rst_abc",
      says: ["Hello Rex,", "works once, for 30 minutes", "ignore this email"],
    },
    {
      name: "password changed",
      message: passwordChangedMessage({
        name: "Pat",
        at: AT,
        how: "reset",
        forgotPasswordLink: "https://pf.example.com/forgot-password",
      }),
      subject: "Your Preflight password was changed",
      link: "https://pf.example.com/forgot-password",
      says: ["25 Nov 2026, 14:03 UTC", "with a reset link", "signed out"],
    },
    {
      name: "API token created",
      message: apiTokenCreatedMessage({
        name: "Tess",
        orgName: "Acme",
        tokenName: "Pager bridge",
        roleLabel: "Contributor",
        expiresAt: AT,
        tokensLink: "https://pf.example.com/o/acme/settings/tokens",
      }),
      subject: 'New API token "Pager bridge" in Acme',
      link: "https://pf.example.com/o/acme/settings/tokens",
      says: ["Acme", "Name: Pager bridge", "Acts as role: Contributor", "Expires: 25 Nov 2026"],
    },
  ];

  test.each(cases)("$name: subject, and the same words and link in text and HTML", (c) => {
    expect(c.message.subject).toBe(c.subject);
    expect(c.message.text).toContain(c.link);
    expect(c.message.html).toContain(`href="${c.link}"`);
    for (const words of c.says) {
      expect(c.message.text).toContain(words);
      expect(c.message.html).toContain(escapeHtml(words));
    }
    expect(c.message.text).not.toMatch(/<[a-z]/i);
    expect(c.message.html).toMatch(/^<!doctype html>/);
  });

  test("names people chose are escaped in HTML and left as they are in text", () => {
    const hostile = '<img src=x onerror="alert(1)">';
    const message = apiTokenCreatedMessage({
      name: hostile,
      orgName: "A & B <Ltd>",
      tokenName: "t'\"",
      roleLabel: "Viewer",
      expiresAt: AT,
      tokensLink: "https://pf.example.com/o/a/settings/tokens?x=1&y=2",
    });
    expect(message.html).not.toContain("<img");
    expect(message.html).toContain("&lt;img src=x onerror=&quot;alert(1)&quot;&gt;");
    expect(message.html).toContain("A &amp; B &lt;Ltd&gt;");
    expect(message.html).toContain('href="https://pf.example.com/o/a/settings/tokens?x=1&amp;y=2"');
    expect(message.text).toContain(hostile);
  });

  test("escapeHtml escapes the five characters that matter", () => {
    expect(escapeHtml(`<a href="x" title='y'>&</a>`)).toBe(
      "&lt;a href=&quot;x&quot; title=&#39;y&#39;&gt;&amp;&lt;/a&gt;",
    );
  });
});

describe("what the outbox keeps and shows", () => {
  test.each([
    ["verify_email", true, { recipient: true, owner: false }],
    ["password_reset", false, { recipient: false, owner: false }],
    ["password_changed", true, { recipient: true, owner: true }],
    ["api_token_created", true, { recipient: true, owner: true }],
    ["invitation", true, { recipient: true, owner: true }],
  ] as const)("%s: kept %s, readable by %j", (kind, kept, readers) => {
    expect(outboxKeepsBody(kind)).toBe(kept);
    expect(canReadOutboxBody(kind, "recipient")).toBe(readers.recipient);
    expect(canReadOutboxBody(kind, "owner")).toBe(readers.owner);
  });

  test("every kind is covered above", () => {
    expect(MAIL_KINDS).toHaveLength(5);
  });
});

describe("invitation email", () => {
  test("names the organisation, the inviter and the role, links once, and says whom it is for", () => {
    const m = invitationMessage({
      orgName: "Acme <Ops>",
      inviterName: "Dana",
      roleLabel: "Admin",
      link: "https://preflight.example.com/invite/inv_abc",
      validForDays: 2,
    });
    expect(m.subject).toBe("Dana invited you to Acme <Ops> on Preflight");
    expect(m.text).toContain("https://preflight.example.com/invite/inv_abc");
    expect(m.text).toContain("as admin");
    expect(m.text).toMatch(/works for 2 days, once, and only for an account with this email/);
    expect(m.html).toContain("Acme &lt;Ops&gt;");
  });
});

describe("mail configuration", () => {
  const from = "Preflight <preflight@example.com>";

  test("SMTP_URL is an smtp:// or smtps:// URL, and needs MAIL_FROM", () => {
    expect(parseEnv({ SMTP_URL: "smtp://localhost:25", MAIL_FROM: from }).SMTP_URL).toBe(
      "smtp://localhost:25",
    );
    expect(
      parseEnv({ SMTP_URL: "smtps://user:secret@smtp.example.com:465", MAIL_FROM: from }).SMTP_URL,
    ).toBe("smtps://user:secret@smtp.example.com:465");
    expect(() => parseEnv({ SMTP_URL: "https://smtp.example.com", MAIL_FROM: from })).toThrow(
      /SMTP_URL: must be the mail server's URL/,
    );
    expect(() => parseEnv({ SMTP_URL: "smtp://localhost:25" })).toThrow(
      /MAIL_FROM: is required with SMTP_URL/,
    );
    expect(parseEnv({ SMTP_URL: "" }).SMTP_URL).toBeUndefined();
  });

  test.each([
    ["preflight@example.com", true],
    ["Preflight <preflight@example.com>", true],
    ["Preflight Team <no-reply@mail.example.com>", true],
    ["not an address", false],
    ["a@example.com, b@example.com", false],
    ["Preflight <preflight@example.com>\r\nBcc: x@evil.example", false],
    ["<a@example.com> <b@example.com>", false],
  ])("MAIL_FROM %j is accepted: %s", (value, ok) => {
    const parse = () => parseEnv({ MAIL_FROM: value });
    if (ok) expect(parse().MAIL_FROM).toBe(value);
    else expect(parse).toThrow(/MAIL_FROM: must be an email address/);
  });
});

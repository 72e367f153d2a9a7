import { describe, expect, test } from "vitest";
import { resolveSsoSignIn } from "@/db/queries/sso";
import { findUserByEmail } from "@/db/queries/users";
import { makeUser, uniq } from "./fixtures";

const ISSUER = "https://login.example.org";

describe("single sign-on identities", () => {
  test("someone who signed up with a colleague's email first does not get the colleague's SSO sign-in", async () => {
    // The attacker registers the colleague's address with a password of their own.
    const squatted = await makeUser("Attacker");
    const result = await resolveSsoSignIn({
      issuer: ISSUER,
      subject: `sub-${uniq()}`,
      email: squatted.email,
      emailVerified: true,
      name: "Real Colleague",
    });
    expect(result).toEqual({ ok: false, reason: "email_taken" });
  });

  test("a missing email_verified claim signs nobody in", async () => {
    const result = await resolveSsoSignIn({
      issuer: ISSUER,
      subject: `sub-${uniq()}`,
      email: `new.${uniq()}@example.org`,
      emailVerified: undefined,
    });
    expect(result).toEqual({ ok: false, reason: "unverified_claim" });
  });

  test("the first sign-in creates the user and links the identity; later ones follow the identity, not the email", async () => {
    const subject = `sub-${uniq()}`;
    const email = `pat.${uniq()}@example.org`;
    const first = await resolveSsoSignIn({
      issuer: ISSUER,
      subject,
      email,
      emailVerified: true,
      name: "Pat",
    });
    expect(first.ok).toBe(true);
    const user = await findUserByEmail(email);
    expect(first.ok && first.userId).toBe(user?.id);
    // The provider now claims another person's email for the same subject: still Pat.
    const other = await makeUser("Other");
    const again = await resolveSsoSignIn({
      issuer: ISSUER,
      subject,
      email: other.email,
      emailVerified: true,
    });
    expect(again).toEqual({ ok: true, userId: user?.id });
    // The same subject at another issuer is another identity.
    const elsewhere = await resolveSsoSignIn({
      issuer: "https://other-idp.example.org",
      subject,
      email,
      emailVerified: true,
    });
    expect(elsewhere).toEqual({ ok: false, reason: "email_taken" });
  });

  test("a signed-in user links an identity explicitly", async () => {
    const me = await makeUser("Me");
    const subject = `sub-${uniq()}`;
    const refused = await resolveSsoSignIn(
      { issuer: ISSUER, subject, email: me.email, emailVerified: true },
      { id: me.id, emailVerified: false },
    );
    expect(refused).toEqual({ ok: false, reason: "link_unverified" });
    const linked = await resolveSsoSignIn(
      { issuer: ISSUER, subject, email: me.email, emailVerified: true },
      { id: me.id, emailVerified: true },
    );
    expect(linked).toEqual({ ok: true, userId: me.id });
    const signIn = await resolveSsoSignIn({
      issuer: ISSUER,
      subject,
      email: me.email,
      emailVerified: true,
    });
    expect(signIn).toEqual({ ok: true, userId: me.id });
  });
});

import { describe, expect, test } from "vitest";
import { decideSso } from "@/lib/domain/sso";

const none = { linked: null, userWithEmail: null, linking: null };

describe("single sign-on decides whom it signs in as by issuer and subject, never by email alone", () => {
  test.each([
    ["a missing email_verified claim is refused", { ...none, emailVerifiedClaim: undefined }],
    ["email_verified false is refused", { ...none, emailVerifiedClaim: false }],
    ["a string 'true' is not a verified claim", { ...none, emailVerifiedClaim: "true" }],
  ])("%s", (_, input) => {
    expect(decideSso(input)).toEqual({ kind: "refuse", reason: "unverified_claim" });
  });

  test("a password account with the same email is not taken over by a new identity", () => {
    expect(
      decideSso({
        ...none,
        emailVerifiedClaim: true,
        userWithEmail: { userId: "victim", disabled: false },
      }),
    ).toEqual({ kind: "refuse", reason: "email_taken" });
  });

  test("a linked identity signs in as its user, whatever email it now claims", () => {
    expect(
      decideSso({
        ...none,
        emailVerifiedClaim: true,
        linked: { userId: "u1", disabled: false },
        userWithEmail: { userId: "someone-else", disabled: false },
      }),
    ).toEqual({ kind: "sign_in", userId: "u1" });
    expect(
      decideSso({ ...none, emailVerifiedClaim: true, linked: { userId: "u1", disabled: true } }),
    ).toEqual({ kind: "refuse", reason: "disabled" });
  });

  test("linking is an explicit step by a signed-in user with a verified email", () => {
    const linking = { userId: "me", emailVerified: true, disabled: false };
    expect(
      decideSso({
        ...none,
        emailVerifiedClaim: true,
        userWithEmail: { userId: "me", disabled: false },
        linking,
      }),
    ).toEqual({ kind: "link", userId: "me" });
    expect(
      decideSso({
        ...none,
        emailVerifiedClaim: true,
        linking: { ...linking, emailVerified: false },
      }),
    ).toEqual({ kind: "refuse", reason: "link_unverified" });
  });

  test("a new email creates a new account", () => {
    expect(decideSso({ ...none, emailVerifiedClaim: true })).toEqual({ kind: "create" });
  });
});

import { describe, expect, test } from "vitest";
import { openSsoLink, SSO_LINK_TTL_MS, sealSsoLink } from "@/lib/auth/sso-link";

const SECRET = "a-test-secret-of-enough-length";

describe("the single sign-on link step is bound to the signed-in user", () => {
  test("a sealed value opens to its user until it expires", () => {
    const now = 1_000_000;
    const sealed = sealSsoLink("user-1", SECRET, now);
    expect(openSsoLink(sealed, SECRET, now + 1000)).toBe("user-1");
    expect(openSsoLink(sealed, SECRET, now + SSO_LINK_TTL_MS + 1)).toBeNull();
  });

  test("a value forged for another user, or sealed with another secret, does not open", () => {
    const sealed = sealSsoLink("user-1", SECRET);
    const [, expires, mac] = sealed.split(".");
    expect(openSsoLink(`user-2.${expires}.${mac}`, SECRET)).toBeNull();
    expect(openSsoLink(sealed, "another-secret-of-enough-length")).toBeNull();
    expect(openSsoLink("garbage", SECRET)).toBeNull();
    expect(openSsoLink(undefined, SECRET)).toBeNull();
  });
});

import { NextRequest } from "next/server";
import { describe, expect, test } from "vitest";
import { contentSecurityPolicy, securityHeaders } from "@/lib/security-headers";
import nextConfig from "@/next.config";
import { config, proxy } from "@/proxy";

const directives = (csp: string) =>
  Object.fromEntries(
    csp.split(";").map((d) => {
      const [name = "", ...values] = d.trim().split(/\s+/);
      return [name, values];
    }),
  );

describe("security headers", () => {
  const base = { nonce: "bm9uY2U=", https: false, development: false };

  test("a nonce-based policy: scripts only from this site with the request's nonce", () => {
    const csp = directives(contentSecurityPolicy(base));
    expect(csp["script-src"]).toEqual(["'self'", "'nonce-bm9uY2U='", "'strict-dynamic'"]);
    expect(csp["default-src"]).toEqual(["'self'"]);
    expect(csp["frame-ancestors"]).toEqual(["'none'"]);
    expect(csp["object-src"]).toEqual(["'none'"]);
    expect(csp["base-uri"]).toEqual(["'self'"]);
    expect(csp["form-action"]).toEqual(["'self'"]);
    expect(csp["upgrade-insecure-requests"]).toBeUndefined();
  });

  test("the other headers, and no HSTS over plain http", () => {
    const headers = securityHeaders(base);
    expect(headers).toMatchObject({
      "Referrer-Policy": "strict-origin-when-cross-origin",
      "X-Content-Type-Options": "nosniff",
      "X-Frame-Options": "DENY",
    });
    expect(headers["Strict-Transport-Security"]).toBeUndefined();
  });

  test("over https: HSTS and upgrade-insecure-requests", () => {
    const headers = securityHeaders({ ...base, https: true });
    expect(headers["Strict-Transport-Security"]).toBe("max-age=31536000; includeSubDomains");
    expect(directives(headers["Content-Security-Policy"] ?? "")).toHaveProperty(
      "upgrade-insecure-requests",
    );
  });

  test("development allows eval (React's error overlay); single sign-on may receive forms", () => {
    const csp = directives(
      contentSecurityPolicy({
        ...base,
        development: true,
        formActionOrigins: ["https://id.example.com"],
      }),
    );
    expect(csp["script-src"]).toContain("'unsafe-eval'");
    expect(csp["form-action"]).toEqual(["'self'", "https://id.example.com"]);
    expect(directives(contentSecurityPolicy(base))["script-src"]).not.toContain("'unsafe-eval'");
  });
});

describe("the proxy puts them on responses", () => {
  const run = (path: string, cookie?: string) =>
    proxy(
      new NextRequest(`http://localhost:3000${path}`, {
        headers: cookie ? { cookie } : {},
      }),
    );

  test("pages get a fresh nonce, passed on to Next in the request's CSP header", () => {
    const first = run("/sign-in");
    const second = run("/sign-in");
    const csp = first.headers.get("content-security-policy") ?? "";
    const nonce = /'nonce-([^']+)'/.exec(csp)?.[1];
    expect(nonce).toMatch(/^[A-Za-z0-9+/]{22}==$/);
    expect(second.headers.get("content-security-policy")).not.toBe(csp);
    // Next reads the nonce from the request's CSP header and puts it on its own scripts.
    expect(first.headers.get("x-middleware-request-content-security-policy")).toBe(csp);
    expect(first.headers.get("x-middleware-request-x-nonce")).toBe(nonce);
    expect(first.headers.get("referrer-policy")).toBe("strict-origin-when-cross-origin");
    expect(first.headers.get("x-content-type-options")).toBe("nosniff");
  });

  test("the redirect to sign in and API responses carry them too", () => {
    const redirect = run("/o/acme/pilots");
    expect(redirect.status).toBe(307);
    expect(redirect.headers.get("content-security-policy")).toMatch(/frame-ancestors 'none'/);
    const api = run("/api/v1/organisation");
    expect(api.headers.get("location")).toBeNull();
    expect(api.headers.get("content-security-policy")).toMatch(/frame-ancestors 'none'/);
    expect(api.headers.get("x-content-type-options")).toBe("nosniff");
    const signedIn = run("/o/acme/pilots", "authjs.session-token=x");
    expect(signedIn.headers.get("location")).toBeNull();
    expect(signedIn.headers.get("x-frame-options")).toBe("DENY");
  });

  test("the proxy runs on API routes; static build files get the static headers from next.config", async () => {
    const matcher = new RegExp(`^${config.matcher[0]}$`);
    expect(matcher.test("/api/v1/organisation")).toBe(true);
    expect(matcher.test("/o/acme")).toBe(true);
    expect(matcher.test("/_next/static/chunks/app.js")).toBe(false);
    const rules = (await nextConfig.headers?.()) ?? [];
    const staticRule = rules.find((r) => r.source.startsWith("/_next/static"));
    expect(staticRule?.headers).toEqual(
      expect.arrayContaining([
        { key: "X-Content-Type-Options", value: "nosniff" },
        { key: "Referrer-Policy", value: "strict-origin-when-cross-origin" },
      ]),
    );
  });
});

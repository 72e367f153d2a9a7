export type SecurityHeaderOptions = {
  /** A fresh random value per request; Next puts it on its own scripts. */
  nonce: string;
  /** Served over https (AUTH_URL starts with https://). */
  https: boolean;
  /** `next dev`: React needs eval for its error overlay. */
  development: boolean;
  /** Origins a form may post to besides this site (the single sign-on provider). */
  formActionOrigins?: readonly string[];
};

/**
 * The Content-Security-Policy of every response. Scripts: only those carrying this request's
 * nonce, and what they load ('strict-dynamic'; 'self' is for browsers without CSP 3). Styles
 * allow 'unsafe-inline' because React style attributes, Radix and recharts set inline styles;
 * injected CSS is a far smaller risk than injected script. No framing at all.
 */
export function contentSecurityPolicy(options: SecurityHeaderOptions): string {
  const script = ["'self'", `'nonce-${options.nonce}'`, "'strict-dynamic'"];
  if (options.development) script.push("'unsafe-eval'");
  return [
    "default-src 'self'",
    `script-src ${script.join(" ")}`,
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data: blob:",
    "font-src 'self'",
    "connect-src 'self'",
    "object-src 'none'",
    "base-uri 'self'",
    `form-action ${["'self'", ...(options.formActionOrigins ?? [])].join(" ")}`,
    "frame-ancestors 'none'",
    ...(options.https ? ["upgrade-insecure-requests"] : []),
  ].join("; ");
}

/** Headers that every response carries (the proxy sets them; see proxy.ts). */
export function securityHeaders(options: SecurityHeaderOptions): Record<string, string> {
  return {
    "Content-Security-Policy": contentSecurityPolicy(options),
    "Referrer-Policy": "strict-origin-when-cross-origin",
    "X-Content-Type-Options": "nosniff",
    // For browsers that predate frame-ancestors.
    "X-Frame-Options": "DENY",
    // Only over https: a browser that saw it over http would ignore it anyway, and a site
    // served over plain http (a laptop demo) must not be pinned to https.
    ...(options.https
      ? { "Strict-Transport-Security": "max-age=31536000; includeSubDomains" }
      : {}),
  };
}

/** A new nonce: 16 random bytes, base64. */
export function newNonce(): string {
  const bytes = crypto.getRandomValues(new Uint8Array(16));
  return btoa(String.fromCharCode(...bytes));
}

import type { NextConfig } from "next";

// The build's static files: proxy.ts (which sets every other response's security headers,
// with a per-request CSP nonce) does not run on them. No HTML here, so no CSP is needed.
const staticHeaders = [
  { key: "X-Content-Type-Options", value: "nosniff" },
  { key: "Referrer-Policy", value: "strict-origin-when-cross-origin" },
];

const nextConfig: NextConfig = {
  // PGlite must not be bundled: bundling breaks its file loading and would open it at build time.
  // nodemailer loads its own files at run time; it is used as installed.
  serverExternalPackages: ["@electric-sql/pglite", "@node-rs/argon2", "nodemailer"],
  poweredByHeader: false,
  typedRoutes: false,
  async headers() {
    return [
      "/_next/static/:path*",
      "/_next/image",
      "/favicon.ico",
      "/icon.svg",
      "/apple-icon.png",
      "/screenshots/:path*",
    ].map((source) => ({ source, headers: staticHeaders }));
  },
};

export default nextConfig;

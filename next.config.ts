import type { NextConfig } from "next";

const nextConfig: NextConfig = {
  // PGlite must not be bundled: bundling breaks its file loading and would open it at build time.
  serverExternalPackages: ["@electric-sql/pglite", "@node-rs/argon2"],
  poweredByHeader: false,
  typedRoutes: false,
};

export default nextConfig;

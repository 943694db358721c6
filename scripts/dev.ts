import { spawn } from "node:child_process";
import path from "node:path";

import { startHubSpotSandbox } from "../sandboxes/hubspot";
import { startSalesforceSandbox } from "../sandboxes/salesforce";
import { startAppDependencies } from "./lib/app-dependencies";

// The quick start: embedded PostgreSQL (unless DATABASE_URL is set), migrations, the demo
// tenant, both CRM sandboxes on their fixed ports, and the Next.js dev server.

const APP_PORT = Number(process.env.PORT ?? 3000);

async function main() {
  const dependencies = await startAppDependencies();
  const salesforce = await startSalesforceSandbox({
    loginPort: 4010,
    testLoginPort: 4011,
    instancePort: 4012,
  });
  const hubspot = await startHubSpotSandbox({ appPort: 4020, apiPort: 4021 });
  const appUrl = `http://localhost:${APP_PORT}`;

  const next = spawn(
    process.execPath,
    [path.join("node_modules", "next", "dist", "bin", "next"), "dev", "-p", String(APP_PORT)],
    {
      stdio: "inherit",
      env: { ...process.env, DATABASE_URL: dependencies.databaseUrl, APP_URL: appUrl },
    },
  );

  process.stdout.write(
    [
      "",
      "DiagnoLeads CRM Sync is starting.",
      `  App:               ${appUrl}  (sign in: ${dependencies.demo.adminEmail} / ${dependencies.demo.adminPassword})`,
      `  Salesforce sandbox: ${salesforce.instanceUrl}/__sandbox/console`,
      `  HubSpot sandbox:    ${hubspot.apiUrl}/__sandbox/console`,
      `  Demo tenant id:     ${dependencies.demo.tenantId}`,
      `  Demo API key:       ${dependencies.demo.apiKey}  (shown once; a new one each start)`,
      "",
      "  Create a lead:",
      `  curl -X POST ${appUrl}/api/v1/tenants/${dependencies.demo.tenantId}/leads \\`,
      `    -H 'Authorization: Bearer ${dependencies.demo.apiKey}' -H 'Content-Type: application/json' \\`,
      `    -d '{"name":"鈴木 一郎","email":"ichiro@example.jp","company":"鈴木工業","score":77,"priority_level":"Hot","detected_challenges":["人手不足"]}'`,
      "",
    ].join("\n"),
  );

  const shutdown = async () => {
    next.kill("SIGTERM");
    await Promise.allSettled([salesforce.close(), hubspot.close()]);
    await dependencies.stop();
    process.exit(0);
  };
  process.on("SIGINT", shutdown);
  process.on("SIGTERM", shutdown);
  next.on("exit", (code) => {
    if (code !== null && code !== 0) process.exitCode = code;
    void shutdown();
  });
}

main().catch((error: unknown) => {
  process.stderr.write(
    `Start-up failed: ${error instanceof Error ? error.stack : String(error)}\n`,
  );
  process.exit(1);
});

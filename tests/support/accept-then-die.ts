// Run as a separate process by the crash test: accepts one lead through the real API route
// (inline sync mode), then dies with SIGKILL the moment the API has answered, while the
// background sync is still talking to a slowed-down CRM.
import { POST } from "@/app/api/v1/tenants/[tenantId]/leads/route";
import { callRoute } from "@/tests/support/api-client";

const [tenantId, apiKey] = process.argv.slice(2) as [string, string];

async function main() {
  const result = await callRoute(POST, {
    method: "POST",
    path: `/api/v1/tenants/${tenantId}/leads`,
    params: { tenantId },
    apiKey,
    body: {
      name: "渡辺 直美",
      email: "naomi@example.jp",
      company: "渡辺建設",
      score: 70,
      priority_level: "Hot",
    },
  });
  process.stdout.write(`${JSON.stringify(result)}\n`);
  await new Promise((resolve) => setTimeout(resolve, 300));
  process.kill(process.pid, "SIGKILL");
}

void main();

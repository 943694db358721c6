import { escapeHtml, htmlPage } from "../shared/html";
import type { SfOrg } from "./orgs";

export function approvalPage(org: SfOrg, requestId: string, scope: string): Response {
  return htmlPage(
    "Allow Access? | Salesforce sandbox",
    `
<h1>Allow Access?</h1>
<p>DiagnoLeads CRM Sync is asking to access <strong>${escapeHtml(org.name)}</strong>
as ${escapeHtml(org.username)} (${escapeHtml(org.role)} org).</p>
<p>Scope: ${escapeHtml(scope || "api refresh_token")}</p>
<form method="post" action="/services/oauth2/authorize/decision">
  <input type="hidden" name="request_id" value="${escapeHtml(requestId)}">
  <button type="submit" name="decision" value="approve" id="oaapprove">Allow</button>
  <button type="submit" name="decision" value="deny" id="oadeny">Deny</button>
</form>`,
  );
}

export function authorizeErrorPage(error: string, description: string): Response {
  const page = htmlPage(
    "OAuth error",
    `<h1>OAuth Error</h1>
<p>error=${escapeHtml(error)}</p><p>error_description=${escapeHtml(description)}</p>`,
  );
  return new Response(page.body, { status: 400, headers: page.headers });
}

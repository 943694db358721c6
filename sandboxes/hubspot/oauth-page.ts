import { escapeHtml, htmlPage } from "../shared/html";
import type { HsPortal } from "./state-types";

export function authorizeErrorPage(): Response {
  const page = htmlPage(
    "Authorization error",
    "<h1>Authorization failed</h1>" +
      "<p>BAD_CLIENT_ID or missing redirect_uri: this app could not be found.</p>",
  );
  return new Response(page.body, { status: 400, headers: page.headers });
}

// The account picker stands in for HubSpot's "choose an account" step: each portal is a tenant.
export function approvalPage(portals: HsPortal[], requestId: string, scopes: string[]): Response {
  const options = portals
    .map((p) => `<option value="${p.id}">${escapeHtml(p.name)} (${p.id})</option>`)
    .join("");
  return htmlPage(
    "Connect app | HubSpot sandbox",
    `<h1>Connect DiagnoLeads CRM Sync</h1>
<p>Requested scopes: ${escapeHtml(scopes.join(", "))}</p>
<form method="post" action="/oauth/authorize/decision">
<input type="hidden" name="request_id" value="${escapeHtml(requestId)}">
<label>Account <select name="portal_id">${options}</select></label>
<button type="submit" name="decision" value="approve">Connect app</button>
<button type="submit" name="decision" value="deny">Cancel</button></form>`,
  );
}

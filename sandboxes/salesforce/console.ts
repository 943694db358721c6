import { http, type RequestHandler } from "msw";
import { displayName } from "../shared/person-name";
import { escapeHtml, htmlPage } from "../shared/html";
import { readFormFields } from "../shared/form";
import type { SfOrg } from "./orgs";
import type { SalesforceStore } from "./store";
import type { SfRecord } from "./state-types";
import { userEdit } from "./admin-routes";

export function consoleHandlers(store: SalesforceStore): RequestHandler[] {
  return [
    http.get("/__sandbox/console", () => renderConsole(store)),
    http.post("/__sandbox/console/leads/:id", async ({ request, params }) => {
      const form = await readFormFields(request);
      const fields = { Status: form.Status, OwnerId: form.OwnerId };
      const result = userEdit(store, "Lead", String(params.id), fields);
      if (!result.ok) return result;
      return new Response(null, { status: 303, headers: { location: "/__sandbox/console" } });
    }),
  ];
}

function renderConsole(store: SalesforceStore): Response {
  const orgs = store.state.orgs.map((org) => orgSection(store, org)).join("");
  const deliveries = store.state.deliveries
    .slice(-50)
    .reverse()
    .map(
      (d) => `<tr>
<td>${escapeHtml(d.time)}</td><td>${escapeHtml(d.endpointUrl)}</td><td>${d.attempt}</td>
<td>${escapeHtml(d.notificationIds.join(", "))}</td><td>${escapeHtml(d.outcome)}</td>
<td>${escapeHtml(d.httpStatus ?? "")}</td></tr>`,
    )
    .join("");
  return htmlPage(
    "Salesforce sandbox console",
    `<h1>Salesforce sandbox</h1>${orgs}
<h2>Outbound message deliveries</h2>
<table><tr><th>Time</th><th>Endpoint</th><th>Attempt</th><th>Notification ids</th><th>Outcome</th>
<th>HTTP</th></tr>${deliveries}</table>`,
  );
}

function orgSection(store: SalesforceStore, org: SfOrg): string {
  const leads = Object.values(store.state.records).filter(
    (r) => r.orgId === org.id && r.sobject === "Lead" && !r.deletedAt,
  );
  const rows = leads.map((lead) => leadRow(org, lead)).join("");
  return `<h2>${escapeHtml(org.name)} <small>${escapeHtml(org.id)}</small></h2>
<table><tr><th>Id</th><th>Name</th><th>Company</th><th>Email</th><th>DiagnoLeads Id</th>
<th>Status / Owner</th><th>Modstamp</th></tr>${rows}</table>`;
}

function leadRow(org: SfOrg, lead: SfRecord): string {
  const f = lead.fields;
  const id = escapeHtml(f.Id);
  const statuses = org.leadStatuses.map((s) => option(s, s, f.Status)).join("");
  const owners = org.users.map((u) => option(u.id, u.name, f.OwnerId)).join("");
  return `<tr><td>${id}</td><td>${escapeHtml(displayName(f.FirstName, f.LastName))}</td>
<td>${escapeHtml(f.Company)}</td><td>${escapeHtml(f.Email)}</td>
<td>${escapeHtml(f.DiagnoLeadsId__c)}</td>
<td><form method="post" action="/__sandbox/console/leads/${id}">
<select name="Status" aria-label="Status">${statuses}</select>
<select name="OwnerId" aria-label="Owner">${owners}</select>
<button type="submit">Save</button></form></td><td>${escapeHtml(f.SystemModstamp)}</td></tr>`;
}

function option(value: string, label: string, current: unknown): string {
  const selected = value === current ? " selected" : "";
  return `<option value="${escapeHtml(value)}"${selected}>${escapeHtml(label)}</option>`;
}

import { http, type RequestHandler } from "msw";
import { displayName } from "../shared/person-name";
import { escapeHtml, htmlPage } from "../shared/html";
import { readFormFields } from "../shared/form";
import { userEdit } from "./admin-routes";
import { propertiesOf, type HubSpotStore } from "./store";
import { type HsPortal, type HsRecord } from "./state-types";

export function hubSpotConsoleHandlers(store: HubSpotStore): RequestHandler[] {
  return [
    http.get("/__sandbox/console", () => renderConsole(store)),
    http.post("/__sandbox/console/contacts/:id", async ({ request, params }) => {
      const form = await readFormFields(request);
      const result = userEdit(store, "contacts", String(params.id), {
        hs_lead_status: form.hs_lead_status,
        hubspot_owner_id: form.hubspot_owner_id,
      });
      if (!result.ok) return result;
      return new Response(null, { status: 303, headers: { location: "/__sandbox/console" } });
    }),
  ];
}

function renderConsole(store: HubSpotStore): Response {
  const portals = store.state.portals.map((p) => portalSection(store, p)).join("");
  const deliveries = store.state.deliveries
    .slice(-50)
    .reverse()
    .map(
      (d) => `<tr>
<td>${escapeHtml(d.time)}</td><td>${escapeHtml(d.targetUrl)}</td><td>${d.attemptNumber}</td>
<td>${escapeHtml(d.eventIds.join(", "))}</td><td>${escapeHtml(d.outcome)}</td>
<td>${escapeHtml(d.httpStatus ?? "")}</td></tr>`,
    )
    .join("");
  return htmlPage(
    "HubSpot sandbox console",
    `<h1>HubSpot sandbox</h1>${portals}
<h2>Webhook deliveries</h2><table><tr><th>Time</th><th>Target</th><th>Attempt</th><th>Event ids</th>
<th>Outcome</th><th>HTTP</th></tr>${deliveries}</table>`,
  );
}

function portalSection(store: HubSpotStore, portal: HsPortal): string {
  const contacts = Object.values(store.state.records).filter(
    (r) => r.portalId === portal.id && r.objectType === "contacts" && !r.archived,
  );
  const statuses =
    propertiesOf(store, portal.id, "contacts").find((p) => p.name === "hs_lead_status")?.options ??
    [];
  const rows = contacts.map((c) => contactRow(c, statuses, portal.ownerIds)).join("");
  return `<h2>${escapeHtml(portal.name)} <small>hub ${portal.id}</small></h2>
<table><tr><th>Id</th><th>Name</th><th>Email</th><th>Company</th><th>Lead status / owner</th>
<th>Last modified</th></tr>${rows}</table>`;
}

function contactRow(c: HsRecord, statuses: { label: string; value: string }[], owners: string[]) {
  const p = c.properties;
  const statusOptions = ["", ...statuses.map((s) => s.value)]
    .map((v) => option(v, statuses.find((s) => s.value === v)?.label ?? "(none)", p.hs_lead_status))
    .join("");
  const ownerOptions = ["", ...owners]
    .map((o) => option(o, o || "(none)", p.hubspot_owner_id))
    .join("");
  const id = escapeHtml(c.id);
  return `<tr><td>${id}</td><td>${escapeHtml(displayName(p.firstname, p.lastname))}</td>
<td>${escapeHtml(p.email)}</td><td>${escapeHtml(p.company)}</td>
<td><form method="post" action="/__sandbox/console/contacts/${id}">
<select name="hs_lead_status" aria-label="Lead status">${statusOptions}</select>
<select name="hubspot_owner_id" aria-label="Owner">${ownerOptions}</select>
<button type="submit">Save</button></form></td><td>${escapeHtml(p.lastmodifieddate)}</td></tr>`;
}

function option(value: string, label: string, current: unknown) {
  const selected = value === (current ?? "") ? " selected" : "";
  return `<option value="${escapeHtml(value)}"${selected}>${escapeHtml(label)}</option>`;
}

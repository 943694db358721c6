import { getEnv } from "@/lib/config/env";
import { safeEqual, sha256Hex } from "@/lib/crypto/hashing";
import type { PrismaClient } from "@/lib/db/generated/client";
import { applyCrmChanges, type ApplyOutcome } from "@/lib/inbound/apply-crm-changes";
import { hubSpotChangesByPortal, hubSpotEventsSchema } from "@/lib/inbound/hubspot-events";
import { verifyHubSpotSignature, type SignedRequest } from "@/lib/inbound/hubspot-signature";
import { parseOutboundMessage } from "@/lib/inbound/salesforce-outbound";

// The two CRM -> DiagnoLeads entry points. Each authenticates what it receives before it
// touches anything: Salesforce has no signature, so a per-integration secret in the URL and
// the org id must both match; HubSpot signs every delivery with the app's client secret.

export type ReceiveResult =
  { ok: true; outcomes: ApplyOutcome[] } | { ok: false; reason: "unauthorized" | "malformed" };

export async function receiveSalesforceOutboundMessage(
  db: PrismaClient,
  token: string | null,
  body: string,
): Promise<ReceiveResult> {
  if (!token) return { ok: false, reason: "unauthorized" };
  const integration = await db.crmIntegration.findUnique({
    where: { webhookTokenHash: sha256Hex(token) },
  });
  if (
    !integration ||
    integration.crmType !== "salesforce" ||
    integration.authStatus !== "connected"
  ) {
    return { ok: false, reason: "unauthorized" };
  }
  const message = parseOutboundMessage(body);
  if (!safeEqual(message.organizationId, integration.externalAccountId ?? "")) {
    return { ok: false, reason: "unauthorized" };
  }
  return {
    ok: true,
    outcomes: await applyCrmChanges(db, integration, message.changes, "outbound_message"),
  };
}

export async function receiveHubSpotWebhook(
  db: PrismaClient,
  request: SignedRequest,
): Promise<ReceiveResult> {
  if (!verifyHubSpotSignature(request, getEnv().HUBSPOT_CLIENT_SECRET)) {
    return { ok: false, reason: "unauthorized" };
  }
  let json: unknown;
  try {
    json = JSON.parse(request.body.toString("utf8"));
  } catch {
    return { ok: false, reason: "malformed" };
  }
  const events = hubSpotEventsSchema.safeParse(json);
  if (!events.success) return { ok: false, reason: "malformed" };
  const outcomes: ApplyOutcome[] = [];
  for (const [portalId, changes] of hubSpotChangesByPortal(events.data)) {
    // A portal may be connected to more than one tenant; each gets the change.
    const integrations = await db.crmIntegration.findMany({
      where: { crmType: "hubspot", externalAccountId: portalId, authStatus: "connected" },
    });
    for (const integration of integrations) {
      outcomes.push(...(await applyCrmChanges(db, integration, changes, "webhook")));
    }
  }
  return { ok: true, outcomes };
}

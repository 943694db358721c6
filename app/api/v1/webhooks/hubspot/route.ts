import { NextResponse } from "next/server";

import { ApiError } from "@/lib/api/errors";
import { withPublicAccess } from "@/lib/api/route-handlers";
import { getEnv } from "@/lib/config/env";
import { getPrisma } from "@/lib/db/client";
import { HUBSPOT_WEBHOOK_MAX_BYTES } from "@/lib/inbound/hubspot-events";
import { receiveHubSpotWebhook } from "@/lib/inbound/receive-webhooks";

// HubSpot app webhooks (v3 signed). The signed URI is the public one HubSpot called, so it is
// rebuilt from APP_URL rather than from whatever host a proxy forwarded to.
export const POST = withPublicAccess(async (request, { log }) => {
  const length = Number(request.headers.get("content-length") ?? 0);
  if (length > HUBSPOT_WEBHOOK_MAX_BYTES)
    throw new ApiError("payload_too_large", "Batch too large");
  const body = Buffer.from(await request.arrayBuffer());
  if (body.length > HUBSPOT_WEBHOOK_MAX_BYTES)
    throw new ApiError("payload_too_large", "Batch too large");
  const uri = new URL(
    `${request.nextUrl.pathname}${request.nextUrl.search}`,
    getEnv().APP_URL,
  ).toString();
  const result = await receiveHubSpotWebhook(getPrisma(), {
    method: request.method,
    uri,
    body,
    timestamp: request.headers.get("x-hubspot-request-timestamp"),
    signature: request.headers.get("x-hubspot-signature-v3"),
  });
  if (!result.ok) {
    throw result.reason === "unauthorized"
      ? new ApiError("unauthorized", "Invalid or expired signature")
      : new ApiError("bad_request", "Not a HubSpot webhook batch");
  }
  log.info({ event: "webhook.hubspot.received", outcomes: result.outcomes });
  return new NextResponse(null, { status: 204 });
});

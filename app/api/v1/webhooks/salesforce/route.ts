import { NextResponse } from "next/server";

import { ApiError } from "@/lib/api/errors";
import { withPublicAccess } from "@/lib/api/route-handlers";
import { getPrisma } from "@/lib/db/client";
import { receiveSalesforceOutboundMessage } from "@/lib/inbound/receive-webhooks";
import {
  OUTBOUND_ACK,
  OUTBOUND_MESSAGE_MAX_BYTES,
  OutboundMessageError,
} from "@/lib/inbound/salesforce-outbound";

// Salesforce outbound messages (status / owner changes). Answering with the Ack stops its
// retries, so the Ack is sent only after the change is stored.
export const POST = withPublicAccess(async (request, { log }) => {
  const length = Number(request.headers.get("content-length") ?? 0);
  if (length > OUTBOUND_MESSAGE_MAX_BYTES)
    throw new ApiError("payload_too_large", "Message too large");
  const body = await request.text();
  let result;
  try {
    result = await receiveSalesforceOutboundMessage(
      getPrisma(),
      request.nextUrl.searchParams.get("token"),
      body,
    );
  } catch (error) {
    if (error instanceof OutboundMessageError) throw new ApiError("bad_request", error.message);
    throw error;
  }
  if (!result.ok) throw new ApiError("unauthorized", "Unknown endpoint or organization");
  log.info({ event: "webhook.salesforce.received", outcomes: result.outcomes });
  return new NextResponse(OUTBOUND_ACK, {
    status: 200,
    headers: { "content-type": "text/xml; charset=utf-8" },
  });
});

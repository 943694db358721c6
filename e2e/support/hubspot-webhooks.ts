import { createHmac, timingSafeEqual } from "node:crypto";

// HubSpot webhooks as HubSpot documents them (shared/CRM-FACTS.md, "Webhooks"). Signature v3 is
// base64(HMAC-SHA256(client secret, method + uri + raw body + timestamp)), where the timestamp is
// the raw X-HubSpot-Request-Timestamp header (epoch ms) and must be at most 5 minutes old.

export const HUBSPOT_SIGNATURE_MAX_AGE_MS = 5 * 60 * 1000;

export interface HubSpotSignedRequest {
  method: string;
  /** The full URL HubSpot posted to: scheme://host:port/path?query. */
  uri: string;
  rawBody: Buffer;
  signature: string | undefined;
  timestamp: string | undefined;
}

export function verifyHubSpotSignatureV3(
  request: HubSpotSignedRequest,
  clientSecret: string,
  now: number = Date.now(),
): boolean {
  const { signature, timestamp } = request;
  if (!signature || !timestamp || !/^\d+$/.test(timestamp)) return false;
  if (Math.abs(now - Number(timestamp)) > HUBSPOT_SIGNATURE_MAX_AGE_MS) return false;

  const expected = createHmac("sha256", clientSecret)
    .update(Buffer.from(request.method + request.uri, "utf8"))
    .update(request.rawBody)
    .update(Buffer.from(timestamp, "utf8"))
    .digest();
  const given = Buffer.from(signature, "base64");

  return given.length === expected.length && timingSafeEqual(given, expected);
}

/** A webhook body is a JSON array of up to 100 events. */
export function parseWebhookEvents(rawBody: Buffer): Record<string, unknown>[] {
  const events: unknown = JSON.parse(rawBody.toString("utf8"));
  if (!Array.isArray(events)) throw new Error("a HubSpot webhook body is a JSON array of events");
  return events as Record<string, unknown>[];
}

import { createHmac, timingSafeEqual } from "node:crypto";

// HubSpot webhook signature v3: base64 HMAC-SHA256 with the app's client secret over
// method + URI + raw body + timestamp, where the timestamp is the raw header string.

export const HUBSPOT_SIGNATURE_MAX_AGE_MS = 5 * 60_000;

export interface SignedRequest {
  method: string;
  uri: string;
  body: Buffer;
  timestamp: string | null;
  signature: string | null;
}

export function verifyHubSpotSignature(
  request: SignedRequest,
  secret: string,
  now = Date.now(),
): boolean {
  const { timestamp, signature } = request;
  if (!timestamp || !signature || !/^\d{10,16}$/.test(timestamp)) return false;
  if (Math.abs(now - Number(timestamp)) > HUBSPOT_SIGNATURE_MAX_AGE_MS) return false;
  const expected = createHmac("sha256", secret)
    .update(
      Buffer.concat([
        Buffer.from(request.method + request.uri, "utf8"),
        request.body,
        Buffer.from(timestamp),
      ]),
    )
    .digest();
  const given = Buffer.from(signature, "base64");
  return given.length === expected.length && timingSafeEqual(given, expected);
}

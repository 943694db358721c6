import { createHmac, randomUUID } from "node:crypto";
import { HS_CONFIG } from "./config";
import { scheduleHs, type HubSpotStore } from "./store";
import { type HsDelivery, type HsRecord } from "./state-types";

type EventKind = "creation" | "propertyChange" | "deletion";
export type WebhookEvent = Record<string, unknown> & { eventId: number };

const SINGULAR: Record<string, string> = {
  contacts: "contact",
  companies: "company",
  deals: "deal",
  notes: "note",
};

export function emitObjectEvents(
  store: HubSpotStore,
  record: HsRecord,
  kind: EventKind,
  changed: string[],
  source: string,
) {
  const config = store.state.webhooks;
  if (!config) return;
  const eventType = `${SINGULAR[record.objectType] ?? record.objectType}.${kind}`;
  const occurredAt = Date.now();
  for (const sub of config.subscriptions.filter((s) => s.eventType === eventType)) {
    const names =
      kind === "propertyChange"
        ? changed.filter((n) => !sub.propertyName || sub.propertyName === n)
        : [undefined];
    for (const name of names) {
      queueEvent(store, {
        subscriptionId: sub.id,
        portalId: record.portalId,
        appId: HS_CONFIG.appId,
        occurredAt,
        subscriptionType: eventType,
        objectId: Number(record.id),
        changeSource: source,
        ...(name ? { propertyName: name, propertyValue: record.properties[name] ?? "" } : {}),
      });
    }
  }
}

export function queueEvent(store: HubSpotStore, event: Record<string, unknown>) {
  const queue = store.runtime.pendingEvents;
  queue.push({ eventId: store.state.nextEventId++, attemptNumber: 0, ...event });
  // Changes from the same tick are delivered together, as HubSpot batches up to 100 events.
  if (queue.length === 1) scheduleHs(store, 0, () => flushEvents(store));
}

function flushEvents(store: HubSpotStore) {
  const events = store.runtime.pendingEvents as WebhookEvent[];
  store.runtime.pendingEvents = [];
  for (let i = 0; i < events.length; i += HS_CONFIG.webhookMaxEvents) {
    void deliverEvents(store, events.slice(i, i + HS_CONFIG.webhookMaxEvents), 0);
  }
}

export function signV3(
  secret: string,
  method: string,
  uri: string,
  body: string,
  timestamp: string,
) {
  return createHmac("sha256", secret)
    .update(method + uri + body + timestamp)
    .digest("base64");
}

export async function deliverEvents(
  store: HubSpotStore,
  events: WebhookEvent[],
  attemptNumber: number,
  timestampOverride?: string,
): Promise<HsDelivery | null> {
  const config = store.state.webhooks;
  if (!config) return null;
  const body = JSON.stringify(events.map((e) => ({ ...e, attemptNumber })));
  const timestamp = timestampOverride ?? String(Date.now());
  const delivery: HsDelivery = {
    id: randomUUID(),
    targetUrl: config.targetUrl,
    eventIds: events.map((e) => e.eventId),
    attemptNumber,
    time: new Date().toISOString(),
    outcome: "pending",
  };
  store.state.deliveries.push(delivery);

  try {
    const response = await fetch(config.targetUrl, {
      method: "POST",
      body,
      headers: {
        "content-type": "application/json",
        "X-HubSpot-Signature-v3": signV3(
          store.settings.clientSecret,
          "POST",
          config.targetUrl,
          body,
          timestamp,
        ),
        "X-HubSpot-Signature-Version": "v3",
        "X-HubSpot-Request-Timestamp": timestamp,
      },
      signal: AbortSignal.timeout(
        store.state.faults.webhookTimeoutMs ?? HS_CONFIG.webhookTimeoutMs,
      ),
    });
    delivery.httpStatus = response.status;
    delivery.outcome = response.ok ? "delivered" : "failed";
    if (!response.ok) delivery.detail = (await response.text()).slice(0, 500);
  } catch (error) {
    delivery.outcome = "failed";
    delivery.detail = String(error);
  }
  if (delivery.outcome === "failed") retryLater(store, events, attemptNumber);
  return delivery;
}

function retryLater(store: HubSpotStore, events: WebhookEvent[], attemptNumber: number) {
  const delays = store.state.faults.webhookRetryDelaysMs ?? HS_CONFIG.webhookRetryDelaysMs;
  const delay = delays[attemptNumber];
  if (delay === undefined || attemptNumber + 1 >= HS_CONFIG.webhookMaxAttempts) return;
  scheduleHs(store, delay, () => void deliverEvents(store, events, attemptNumber + 1));
}

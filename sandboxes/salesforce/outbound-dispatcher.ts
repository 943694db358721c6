import { randomUUID } from "node:crypto";
import { toEighteenCharId } from "./ids";
import { SF_CONFIG } from "./config";
import { buildNotificationsEnvelope, isPositiveAck } from "./soap";
import { orgById, schedule, type SalesforceStore } from "./store";
import { type Delivery, type OutboundConfig, type SfRecord } from "./state-types";
import { formatSfDateTime, toXsdDateTime } from "./timestamps";
import { fieldsOf } from "./sobjects";

export const DEFAULT_NOTIFIED_FIELDS = [
  "Id",
  "Status",
  "OwnerId",
  "LastModifiedDate",
  "DiagnoLeadsId__c",
];

export function notifyLeadChange(store: SalesforceStore, record: SfRecord, _source: string) {
  const configs = store.state.outboundConfigs.filter((c) => c.orgId === record.orgId);
  for (const config of configs) {
    const fields = notifiedFields(store, record, config.fields);
    const queue = store.runtime.pending.get(config.id) ?? [];
    queue.push({ id: notificationId(), fields });
    store.runtime.pending.set(config.id, queue);
    // Changes made in the same tick travel together, as Salesforce batches notifications.
    if (queue.length === 1) schedule(store, 0, () => flushPending(store, config));
  }
}

// Values as the SOAP sObject carries them: datetimes in xsd:dateTime form, the rest as stored.
function notifiedFields(store: SalesforceStore, record: SfRecord, names: string[]) {
  const defs = fieldsOf(record.sobject, orgById(store, record.orgId)?.leadStatuses ?? []) ?? [];
  return Object.fromEntries(
    names.map((name) => {
      const value = record.fields[name] ?? null;
      const isDateTime = defs.find((d) => d.name === name)?.type === "datetime";
      return [name, isDateTime && typeof value === "string" ? toXsdDateTime(value) : value];
    }),
  );
}

export function isActive(store: SalesforceStore, config: OutboundConfig): boolean {
  return store.state.outboundConfigs.some((c) => c.id === config.id);
}

function flushPending(store: SalesforceStore, config: OutboundConfig) {
  const queue = store.runtime.pending.get(config.id) ?? [];
  store.runtime.pending.delete(config.id);
  if (!isActive(store, config)) return;
  for (let i = 0; i < queue.length; i += SF_CONFIG.outboundMaxNotifications) {
    const batch = queue.slice(i, i + SF_CONFIG.outboundMaxNotifications);
    void deliver(store, config, batch, 1);
  }
}

export async function deliver(
  store: SalesforceStore,
  config: OutboundConfig,
  notifications: { id: string; fields: Record<string, unknown> }[],
  attempt: number,
): Promise<Delivery> {
  const base = store.settings.instanceUrl;
  const body = buildNotificationsEnvelope({
    organizationId: config.orgId,
    actionId: actionIdFor(config),
    enterpriseUrl: `${base}/services/Soap/c/${SF_CONFIG.latestApiVersion}.0/${config.orgId}`,
    partnerUrl: `${base}/services/Soap/u/${SF_CONFIG.latestApiVersion}.0/${config.orgId}`,
    sobjectType: "Lead",
    notifications,
  });
  const delivery: Delivery = {
    id: randomUUID(),
    configId: config.id,
    orgId: config.orgId,
    endpointUrl: config.endpointUrl,
    notificationIds: notifications.map((n) => n.id),
    attempt,
    time: formatSfDateTime(new Date()),
    outcome: "pending",
  };
  store.state.deliveries.push(delivery);
  notifications.forEach((n) => store.runtime.sent.set(n.id, n.fields));

  await post(config.endpointUrl, body, delivery);
  if (delivery.outcome === "failed") scheduleRetry(store, config, notifications, attempt);
  return delivery;
}

async function post(url: string, body: string, delivery: Delivery) {
  try {
    const response = await fetch(url, {
      method: "POST",
      headers: { "content-type": "text/xml; charset=utf-8", SOAPAction: '""' },
      body,
      signal: AbortSignal.timeout(SF_CONFIG.outboundTimeoutMs),
    });
    const text = await response.text();
    delivery.httpStatus = response.status;
    const acked = response.status === 200 && isPositiveAck(text);
    delivery.outcome = acked ? "acked" : "failed";
    if (!acked) delivery.detail = text.slice(0, 500);
  } catch (error) {
    delivery.outcome = "failed";
    delivery.detail = String(error);
  }
}

function scheduleRetry(
  store: SalesforceStore,
  config: OutboundConfig,
  notifications: { id: string; fields: Record<string, unknown> }[],
  attempt: number,
) {
  const delays = store.state.faults.outboundRetryDelaysMs ?? SF_CONFIG.outboundRetryDelaysMs;
  const delay = delays[attempt - 1];
  if (delay === undefined) return;
  // A definition deleted in the meantime takes its queued retries with it.
  schedule(store, delay, () => {
    if (isActive(store, config)) void deliver(store, config, notifications, attempt + 1);
  });
}

function notificationId(): string {
  const body = randomUUID().replace(/-/g, "").slice(0, 12);
  return toEighteenCharId(`04l${body}`);
}

function actionIdFor(config: OutboundConfig): string {
  return toEighteenCharId(`04k${config.id.replace(/-/g, "").slice(0, 12)}`);
}

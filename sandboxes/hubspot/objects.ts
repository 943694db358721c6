import type { HsObjectType } from "./config";
import { hsErrorBody, validationMessage, type HsErrorBody } from "./errors";
import { DEFAULT_READ_PROPERTIES, modifiedProperty } from "./properties";
import { propertiesOf, recordKey, type HubSpotStore } from "./store";
import { type HsRecord } from "./state-types";
import { validateProperties } from "./validation";
import { emitObjectEvents } from "./webhooks";
import { reindexLater } from "./search-index";

export type HsFailure = { httpStatus: number; body: HsErrorBody };
export type ObjectResult =
  { ok: true; record: HsRecord; isNew?: boolean } | { ok: false; failure: HsFailure };
export type ChangeSource = "INTEGRATION" | "CRM_UI";

let lastStamp = 0;
function nextStamp(): string {
  lastStamp = Math.max(Date.now(), lastStamp + 1);
  return new Date(lastStamp).toISOString();
}

function failure(
  httpStatus: number,
  category: string,
  message: string,
  extra: Record<string, unknown> = {},
): { ok: false; failure: HsFailure } {
  return { ok: false, failure: { httpStatus, body: hsErrorBody(category, message, extra) } };
}

export function liveObjects(store: HubSpotStore, portalId: number, type: string): HsRecord[] {
  return Object.values(store.state.records).filter(
    (r) => r.portalId === portalId && r.objectType === type && !r.archived,
  );
}

export function findObject(
  store: HubSpotStore,
  portalId: number,
  type: string,
  id: string,
  idProperty?: string,
): HsRecord | undefined {
  if (!idProperty || idProperty === "hs_object_id") {
    const record = store.state.records[recordKey(portalId, type, id)];
    return record && !record.archived ? record : undefined;
  }
  const wanted = idProperty === "email" ? id.toLowerCase() : id;
  return liveObjects(store, portalId, type).find((r) => r.properties[idProperty] === wanted);
}

export function createObject(
  store: HubSpotStore,
  portalId: number,
  type: HsObjectType,
  input: Record<string, unknown>,
  source: ChangeSource = "INTEGRATION",
): ObjectResult {
  const checked = validateProperties(propertiesOf(store, portalId, type), input);
  if (!checked.ok) return failure(400, "VALIDATION_ERROR", validationMessage(checked.problems));
  if (type === "notes" && !checked.values.hs_timestamp) {
    return failure(
      400,
      "VALIDATION_ERROR",
      "Property values were not valid: hs_timestamp is required",
    );
  }
  const clash = uniqueClash(store, portalId, type, checked.values, null);
  if (clash) return clash;

  const id = String(store.state.nextId++);
  const stamp = nextStamp();
  const record: HsRecord = {
    portalId,
    objectType: type,
    id,
    createdAt: stamp,
    updatedAt: stamp,
    archived: false,
    indexedAt: 0,
    properties: {
      ...checked.values,
      hs_object_id: id,
      createdate: stamp,
      [modifiedProperty(type)]: stamp,
    },
  };
  reindexLater(store, record, false);
  store.state.records[recordKey(portalId, type, id)] = record;
  emitObjectEvents(store, record, "creation", [], source);
  return { ok: true, record, isNew: true };
}

export function updateObject(
  store: HubSpotStore,
  record: HsRecord,
  input: Record<string, unknown>,
  source: ChangeSource = "INTEGRATION",
): ObjectResult {
  const checked = validateProperties(
    propertiesOf(store, record.portalId, record.objectType),
    input,
  );
  if (!checked.ok) return failure(400, "VALIDATION_ERROR", validationMessage(checked.problems));
  const clash = uniqueClash(store, record.portalId, record.objectType, checked.values, record.id);
  if (clash) return clash;

  const changed = Object.keys(checked.values).filter(
    (name) => (record.properties[name] ?? null) !== checked.values[name],
  );
  const stamp = nextStamp();
  reindexLater(store, record, true);
  Object.assign(record.properties, checked.values, {
    [modifiedProperty(record.objectType)]: stamp,
  });
  record.updatedAt = stamp;
  emitObjectEvents(store, record, "propertyChange", changed, source);
  return { ok: true, record, isNew: false };
}

export function archiveObject(store: HubSpotStore, record: HsRecord) {
  record.archived = true;
  emitObjectEvents(store, record, "deletion", [], "INTEGRATION");
}

function uniqueClash(
  store: HubSpotStore,
  portalId: number,
  type: string,
  values: Record<string, string | null>,
  selfId: string | null,
): { ok: false; failure: HsFailure } | null {
  const unique = propertiesOf(store, portalId, type).filter((p) => p.hasUniqueValue);
  for (const def of unique) {
    const value = values[def.name];
    if (!value) continue;
    const other = liveObjects(store, portalId, type).find(
      (r) => r.properties[def.name] === value && r.id !== selfId,
    );
    if (!other) continue;
    const message =
      def.name === "email" && type === "contacts"
        ? `Contact already exists. Existing ID: ${other.id}`
        : `A ${type.replace(/s$/, "")} with the value "${value}" for unique property ` +
          `"${def.name}" ` +
          `already exists. Existing ID: ${other.id}`;
    return failure(409, "CONFLICT", message);
  }
  return null;
}

export function serializeObject(record: HsRecord, requested?: string[]) {
  const names = new Set([
    ...(requested?.length ? requested : DEFAULT_READ_PROPERTIES[record.objectType]),
    "createdate",
    modifiedProperty(record.objectType),
    "hs_object_id",
  ]);
  const properties: Record<string, string | null> = {};
  for (const name of names) properties[name] = record.properties[name] ?? null;
  return {
    id: record.id,
    properties,
    createdAt: record.createdAt,
    updatedAt: record.updatedAt,
    archived: record.archived,
  };
}

// Create and update answers echo every property that now has a value.
export function serializeWritten(record: HsRecord) {
  const set = Object.keys(record.properties).filter((k) => record.properties[k] !== null);
  return serializeObject(record, set);
}

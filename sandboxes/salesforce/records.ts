import { newSalesforceId } from "./ids";
import { sfError, type SfError } from "./errors";
import { fieldsOf, findField } from "./sobjects";
import { liveRecords, orgById, type SalesforceStore } from "./store";
import { type SfRecord } from "./state-types";
import { validateWrite } from "./validation";
import { nextModstamp } from "./timestamps";
import { notifyLeadChange } from "./outbound-dispatcher";
import { findUniqueClash, unknownOwner } from "./record-constraints";

export type WriteResult = { ok: true; id: string } | { ok: false; errors: SfError[] };

export type UpsertResult =
  | { kind: "created" | "updated"; id: string }
  | { kind: "multiple"; ids: string[] }
  | { kind: "invalid"; errors: SfError[] };

function defsFor(store: SalesforceStore, orgId: string, sobject: string) {
  const org = orgById(store, orgId);
  return org ? fieldsOf(sobject, org.leadStatuses) : null;
}

export function createRecord(
  store: SalesforceStore,
  orgId: string,
  sobject: string,
  input: Record<string, unknown>,
): WriteResult {
  const defs = defsFor(store, orgId, sobject);
  const org = orgById(store, orgId);
  if (!defs || !org) return { ok: false, errors: [sfError("NOT_FOUND", "Unknown sObject")] };

  const checked = validateWrite(sobject, defs, input, "create");
  if (!checked.ok) return checked;
  const duplicate =
    findUniqueClash(store, orgId, sobject, checked.values, null) ??
    unknownOwner(store, orgId, checked.values);
  if (duplicate) return { ok: false, errors: [duplicate] };

  const id = newSalesforceId(sobject);
  const stamp = nextModstamp();
  const defaults: Record<string, unknown> = { OwnerId: org.userId };
  if (sobject === "Lead") defaults.Status = org.defaultLeadStatus;
  const fields = {
    ...defaults,
    ...checked.values,
    Id: id,
    IsDeleted: false,
    CreatedDate: stamp,
    LastModifiedDate: stamp,
    SystemModstamp: stamp,
  };
  store.state.records[id] = { orgId, sobject, fields };
  return { ok: true, id };
}

export function updateRecord(
  store: SalesforceStore,
  orgId: string,
  sobject: string,
  id: string,
  input: Record<string, unknown>,
  changeSource: "api" | "user" = "api",
): WriteResult {
  const record = findRecord(store, orgId, sobject, id);
  const defs = defsFor(store, orgId, sobject);
  if (!record || !defs) {
    return { ok: false, errors: [sfError("ENTITY_IS_DELETED", "entity is deleted")] };
  }
  const checked = validateWrite(sobject, defs, input, "update");
  if (!checked.ok) return checked;
  const duplicate =
    findUniqueClash(store, orgId, sobject, checked.values, id) ??
    unknownOwner(store, orgId, checked.values);
  if (duplicate) return { ok: false, errors: [duplicate] };

  const before = { ...record.fields };
  const stamp = nextModstamp();
  Object.assign(record.fields, checked.values, { LastModifiedDate: stamp, SystemModstamp: stamp });
  const watched = ["Status", "OwnerId"];
  if (sobject === "Lead" && watched.some((f) => before[f] !== record.fields[f])) {
    notifyLeadChange(store, record, changeSource);
  }
  return { ok: true, id };
}

export function deleteRecord(
  store: SalesforceStore,
  orgId: string,
  sobject: string | null,
  id: string,
): boolean {
  const record = store.state.records[id];
  if (!record || record.orgId !== orgId || record.deletedAt) return false;
  if (sobject && record.sobject !== sobject) return false;
  const stamp = nextModstamp();
  record.deletedAt = stamp;
  Object.assign(record.fields, { IsDeleted: true, SystemModstamp: stamp });
  return true;
}

export function upsertByExternalId(
  store: SalesforceStore,
  orgId: string,
  sobject: string,
  field: string,
  value: string,
  input: Record<string, unknown>,
): UpsertResult {
  const defs = defsFor(store, orgId, sobject);
  const def = defs ? findField(defs, field) : undefined;
  if (!def || !(def.externalId || def.name === "Id")) {
    return {
      kind: "invalid",
      errors: [
        sfError(
          "NOT_FOUND",
          `Provided external ID field does not exist or is not accessible: ${field}`,
        ),
      ],
    };
  }
  const matches = liveRecords(store, orgId, sobject).filter((r) => r.fields[def.name] === value);
  if (matches.length > 1)
    return { kind: "multiple", ids: matches.map((r) => r.fields.Id as string) };

  const { [def.name]: _ignored, ...rest } = input;
  const match = matches[0];
  if (match) {
    const id = match.fields.Id as string;
    const updated = updateRecord(store, orgId, sobject, id, rest);
    return updated.ok ? { kind: "updated", id } : { kind: "invalid", errors: updated.errors };
  }
  const created = createRecord(store, orgId, sobject, { ...rest, [def.name]: value });
  return created.ok
    ? { kind: "created", id: created.id }
    : { kind: "invalid", errors: created.errors };
}

export function findRecord(
  store: SalesforceStore,
  orgId: string,
  sobject: string,
  id: string,
): SfRecord | undefined {
  const record = store.state.records[id] ?? findByFifteen(store, id);
  if (!record || record.orgId !== orgId || record.sobject !== sobject || record.deletedAt) {
    return undefined;
  }
  return record;
}

function findByFifteen(store: SalesforceStore, id: string): SfRecord | undefined {
  if (id.length !== 15) return undefined;
  return Object.values(store.state.records).find((r) => String(r.fields.Id).startsWith(id));
}

import { sfError, type SfError } from "./errors";
import { fieldsOf } from "./sobjects";
import { liveRecords, orgById, type SalesforceStore } from "./store";

export function findUniqueClash(
  store: SalesforceStore,
  orgId: string,
  sobject: string,
  values: Record<string, unknown>,
  selfId: string | null,
): SfError | null {
  const org = orgById(store, orgId);
  const defs = (org && fieldsOf(sobject, org.leadStatuses)) || [];
  for (const def of defs.filter((d) => d.unique)) {
    const value = values[def.name];
    if (value === undefined || value === null) continue;
    const other = liveRecords(store, orgId, sobject).find(
      (r) => r.fields[def.name] === value && r.fields.Id !== selfId,
    );
    if (other) {
      return sfError(
        "DUPLICATE_VALUE",
        `duplicate value found: ${def.name} duplicates value on record with id: ${other.fields.Id}`,
      );
    }
  }
  return null;
}

// OwnerId must name a user of the same org: an owner copied from another org is refused.
export function unknownOwner(
  store: SalesforceStore,
  orgId: string,
  values: Record<string, unknown>,
): SfError | null {
  const owner = values.OwnerId;
  if (owner === undefined || owner === null) return null;
  const users = orgById(store, orgId)?.users ?? [];
  const known = users.some((u) => u.id === owner || u.id.slice(0, 15) === owner);
  return known
    ? null
    : sfError("INVALID_CROSS_REFERENCE_KEY", `Owner ID: owner cannot be blank or invalid`, [
        "OwnerId",
      ]);
}

import type { HubSpotStore } from "./store";
import type { HsRecord } from "./state-types";

// Search reads an index that trails writes. Until a record is re-indexed, search shows the
// version it indexed last: nothing for a new record, the old values for an updated one.
// Called before an update is applied, so the record still holds what the index last saw.
export function reindexLater(store: HubSpotStore, record: HsRecord, isUpdate: boolean) {
  const lagMs = store.state.faults.searchIndexLagMs ?? 0;
  const now = Date.now();
  if (isUpdate && record.indexedAt <= now && lagMs > 0) {
    record.indexed = { properties: { ...record.properties }, updatedAt: record.updatedAt };
  } else if (lagMs === 0) {
    delete record.indexed;
  }
  record.indexedAt = now + lagMs;
}

export function searchView(record: HsRecord, now: number): HsRecord | null {
  if (record.indexedAt <= now) return record;
  if (!record.indexed) return null;
  return { ...record, ...record.indexed };
}

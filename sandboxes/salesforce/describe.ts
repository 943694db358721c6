import { KEY_PREFIXES } from "./ids";
import { fieldsOf, SOBJECTS, type SfFieldDef } from "./sobjects";
import type { SfOrg } from "./orgs";

export function describeSObject(org: SfOrg, sobject: string, version: string) {
  const defs = fieldsOf(sobject, org.leadStatuses);
  if (!defs) return null;
  return {
    name: sobject,
    label: sobject,
    keyPrefix: KEY_PREFIXES[sobject] ?? null,
    custom: false,
    createable: true,
    updateable: true,
    deletable: true,
    queryable: true,
    urls: {
      sobject: `/services/data/v${version}/sobjects/${sobject}`,
      describe: `/services/data/v${version}/sobjects/${sobject}/describe`,
      rowTemplate: `/services/data/v${version}/sobjects/${sobject}/{ID}`,
    },
    fields: defs.map((def) =>
      describeField(
        def,
        sobject === "Lead" && def.name === "Status" ? org.defaultLeadStatus : undefined,
      ),
    ),
  };
}

function describeField(def: SfFieldDef, defaultValue: string | undefined) {
  const writable = !def.system;
  return {
    name: def.name,
    label: def.label,
    type: def.type,
    length: def.length,
    nillable: !def.required && def.type !== "boolean" && def.type !== "id",
    createable: writable,
    updateable: writable,
    custom: def.custom ?? false,
    externalId: def.externalId ?? false,
    unique: def.unique ?? false,
    idLookup: def.type === "id" || (def.externalId ?? false),
    defaultedOnCreate: def.system === true || def.name === "OwnerId" || defaultValue !== undefined,
    restrictedPicklist: def.restrictedPicklist ?? false,
    picklistValues: (def.picklist ?? []).map((value) => ({
      value,
      label: value,
      active: true,
      defaultValue: value === defaultValue,
      validFor: null,
    })),
  };
}

export function describeGlobal(version: string) {
  return {
    encoding: "UTF-8",
    maxBatchSize: 200,
    sobjects: Object.keys(SOBJECTS).map((name) => ({
      name,
      label: name,
      keyPrefix: KEY_PREFIXES[name] ?? null,
      custom: false,
      queryable: true,
      createable: true,
      updateable: true,
      urls: { sobject: `/services/data/v${version}/sobjects/${name}` },
    })),
  };
}

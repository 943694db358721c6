import { XMLParser } from "fast-xml-parser";

// Reads a Salesforce outbound message (shared/CRM-FACTS.md, "Salesforce Outbound Messages") the
// way a receiver must: as untrusted XML, with no DTDs, no entity expansion and a size limit.
// Outbound messages carry no signature; the OrganizationId is what ties them to an org.

const MAX_OUTBOUND_MESSAGE_BYTES = 1024 * 1024;

export interface OutboundNotification {
  id: string;
  /** The sObject's xsi:type, e.g. "sf:Lead". */
  sObjectType: string | undefined;
  /** Field values as sent; a field marked xsi:nil="true" is null. */
  fields: Record<string, string | null>;
}

export interface OutboundMessage {
  organizationId: string;
  notifications: OutboundNotification[];
}

const parser = new XMLParser({
  removeNSPrefix: true,
  ignoreAttributes: false,
  attributeNamePrefix: "@_",
  parseTagValue: false,
  parseAttributeValue: false,
  processEntities: false,
  htmlEntities: false,
  // Keep values exactly as sent: trimming would also eat a leading full-width space (U+3000).
  trimValues: false,
  isArray: (tagName) => tagName === "Notification",
});

export function parseOutboundMessage(rawBody: Buffer): OutboundMessage {
  if (rawBody.length > MAX_OUTBOUND_MESSAGE_BYTES) throw new Error("outbound message too large");
  const xml = new TextDecoder("utf-8", { fatal: true }).decode(rawBody);
  if (/<!DOCTYPE/i.test(xml)) throw new Error("outbound message must not carry a DTD");

  const notifications = child(child(child(parser.parse(xml), "Envelope"), "Body"), "notifications");
  const organizationId = child(notifications, "OrganizationId");
  const items = child(notifications, "Notification");
  if (typeof organizationId !== "string" || !Array.isArray(items)) {
    throw new Error("not a Salesforce outbound message");
  }

  return {
    organizationId: decodeXmlText(organizationId),
    notifications: items.map(readNotification),
  };
}

/** Every notification about one record, across the messages received so far. */
export function notificationsAbout(rawBodies: Buffer[], recordId: string): OutboundNotification[] {
  return rawBodies
    .flatMap((body) => parseOutboundMessage(body).notifications)
    .filter((n) => n.fields.Id === recordId);
}

function readNotification(item: unknown): OutboundNotification {
  const id = child(item, "Id");
  const sObject = child(item, "sObject");
  if (typeof id !== "string" || !sObject || typeof sObject !== "object") {
    throw new Error("notification without Id or sObject");
  }

  const fields: Record<string, string | null> = {};
  for (const [name, value] of Object.entries(sObject)) {
    if (name.startsWith("@_") || name === "#text") continue;
    fields[name] = fieldText(value);
  }
  const type = child(sObject, "@_type");
  return {
    id: decodeXmlText(id),
    sObjectType: typeof type === "string" ? type : undefined,
    fields,
  };
}

function fieldText(value: unknown): string | null {
  if (typeof value === "string") return decodeXmlText(value);
  const text = child(value, "#text");
  return child(value, "@_nil") !== "true" && typeof text === "string" ? decodeXmlText(text) : null;
}

const PREDEFINED_ENTITIES: Record<string, string> = {
  amp: "&",
  lt: "<",
  gt: ">",
  quot: '"',
  apos: "'",
};

// The parser expands no entities at all, so the five XML predefines and character references are
// decoded here; anything else (a DTD-declared entity) stays as written.
function decodeXmlText(text: string): string {
  return text.replace(/&(#x[0-9a-f]+|#\d+|[a-z]+);/gi, (whole, name: string) => {
    if (name.startsWith("#x") || name.startsWith("#X")) {
      return String.fromCodePoint(parseInt(name.slice(2), 16));
    }
    if (name.startsWith("#")) return String.fromCodePoint(Number(name.slice(1)));
    return PREDEFINED_ENTITIES[name] ?? whole;
  });
}

function child(node: unknown, name: string): unknown {
  if (!node || typeof node !== "object") return undefined;
  return (node as Record<string, unknown>)[name];
}

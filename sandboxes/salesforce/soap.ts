import { XMLParser } from "fast-xml-parser";

export const OUTBOUND_NAMESPACE = "http://soap.sforce.com/2005/09/outbound";

export type OutboundEnvelope = {
  organizationId: string;
  actionId: string;
  enterpriseUrl: string;
  partnerUrl: string;
  sobjectType: string;
  notifications: { id: string; fields: Record<string, unknown> }[];
};

export function escapeXml(value: string): string {
  return value
    .replace(/&/g, "&amp;")
    .replace(/</g, "&lt;")
    .replace(/>/g, "&gt;")
    .replace(/"/g, "&quot;")
    .replace(/'/g, "&apos;");
}

function fieldElement(name: string, value: unknown): string {
  if (value === null || value === undefined) return `<sf:${name} xsi:nil="true"/>`;
  return `<sf:${name}>${escapeXml(String(value))}</sf:${name}>`;
}

export function buildNotificationsEnvelope(envelope: OutboundEnvelope): string {
  const notifications = envelope.notifications
    .map((n) => {
      const fields = Object.entries(n.fields)
        .map(([k, v]) => fieldElement(k, v))
        .join("");
      return (
        `<Notification><Id>${escapeXml(n.id)}</Id>` +
        `<sObject xsi:type="sf:${envelope.sobjectType}" ` +
        `xmlns:sf="urn:sobject.enterprise.soap.sforce.com">${fields}</sObject></Notification>`
      );
    })
    .join("");

  return (
    '<?xml version="1.0" encoding="UTF-8"?>' +
    '<soapenv:Envelope xmlns:soapenv="http://schemas.xmlsoap.org/soap/envelope/" ' +
    'xmlns:xsd="http://www.w3.org/2001/XMLSchema" ' +
    'xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance"><soapenv:Body>' +
    `<notifications xmlns="${OUTBOUND_NAMESPACE}">` +
    `<OrganizationId>${escapeXml(envelope.organizationId)}</OrganizationId>` +
    `<ActionId>${escapeXml(envelope.actionId)}</ActionId>` +
    '<SessionId xsi:nil="true"/>' +
    `<EnterpriseUrl>${escapeXml(envelope.enterpriseUrl)}</EnterpriseUrl>` +
    `<PartnerUrl>${escapeXml(envelope.partnerUrl)}</PartnerUrl>` +
    notifications +
    "</notifications></soapenv:Body></soapenv:Envelope>"
  );
}

const ackParser = new XMLParser({ removeNSPrefix: true, processEntities: false });

// Salesforce only counts a delivery when the listener positively acknowledges it.
export function isPositiveAck(body: string): boolean {
  try {
    const parsed: unknown = ackParser.parse(body);
    const ack = dig(parsed, ["Envelope", "Body", "notificationsResponse", "Ack"]);
    return ack === true || ack === "true";
  } catch {
    return false;
  }
}

function dig(value: unknown, path: string[]): unknown {
  let current = value;
  for (const key of path) {
    if (!current || typeof current !== "object") return undefined;
    current = (current as Record<string, unknown>)[key];
  }
  return current;
}

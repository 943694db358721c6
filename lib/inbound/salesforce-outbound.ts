import { XMLParser } from "fast-xml-parser";
import { z } from "zod";

import { SALESFORCE_LEAD_EXTERNAL_ID_FIELD } from "@/lib/config/crm-limits";
import type { InboundChange } from "@/lib/inbound/apply-crm-changes";

// Salesforce outbound messages: a SOAP `notifications` envelope of 1..100 Notification
// elements. Untrusted XML: a size limit, no DTD at all (so no entity can be defined), and
// only the five predefined XML entities are decoded.

export const OUTBOUND_MESSAGE_MAX_BYTES = 1_000_000;

export class OutboundMessageError extends Error {}

const parser = new XMLParser({
  ignoreAttributes: true,
  removeNSPrefix: true,
  parseTagValue: false,
  trimValues: false,
  processEntities: true,
  htmlEntities: false,
  isArray: (name) => name === "Notification",
});

const text = z.string().optional();
const notificationSchema = z.object({
  Id: z.string().min(1),
  sObject: z.looseObject({
    Id: z.string().min(1),
    Status: text,
    OwnerId: text,
    LastModifiedDate: text,
    SystemModstamp: text,
    [SALESFORCE_LEAD_EXTERNAL_ID_FIELD]: text,
  }),
});
const envelopeSchema = z.object({
  Envelope: z.object({
    Body: z.object({
      notifications: z.object({
        OrganizationId: z.string().min(15),
        Notification: z.array(notificationSchema).min(1).max(100),
      }),
    }),
  }),
});

export interface OutboundMessage {
  organizationId: string;
  changes: InboundChange[];
}

export function parseOutboundMessage(body: string): OutboundMessage {
  if (Buffer.byteLength(body, "utf8") > OUTBOUND_MESSAGE_MAX_BYTES) {
    throw new OutboundMessageError("Outbound message too large");
  }
  if (/<!DOCTYPE|<!ENTITY/i.test(body)) throw new OutboundMessageError("DTDs are not accepted");
  let parsed: unknown;
  try {
    parsed = parser.parse(body, true);
  } catch {
    throw new OutboundMessageError("Malformed XML");
  }
  const envelope = envelopeSchema.safeParse(parsed);
  if (!envelope.success) throw new OutboundMessageError("Not a Salesforce outbound message");
  const { OrganizationId, Notification } = envelope.data.Envelope.Body.notifications;
  return {
    organizationId: OrganizationId,
    changes: Notification.map(({ Id, sObject }) => ({
      eventKey: `om:${Id}`,
      crmId: sObject.Id,
      leadId: sObject[SALESFORCE_LEAD_EXTERNAL_ID_FIELD] ?? null,
      ...(sObject.Status !== undefined ? { status: sObject.Status } : {}),
      ...(sObject.OwnerId !== undefined ? { ownerId: sObject.OwnerId || null } : {}),
      changedAt: new Date(sObject.LastModifiedDate ?? sObject.SystemModstamp ?? Date.now()),
    })),
  };
}

/** The acknowledgement that stops Salesforce from retrying the delivery. */
export const OUTBOUND_ACK =
  '<?xml version="1.0" encoding="UTF-8"?>' +
  '<soapenv:Envelope xmlns:soapenv="http://schemas.xmlsoap.org/soap/envelope/">' +
  "<soapenv:Body>" +
  '<notificationsResponse xmlns="http://soap.sforce.com/2005/09/outbound"><Ack>true</Ack></notificationsResponse>' +
  "</soapenv:Body></soapenv:Envelope>";

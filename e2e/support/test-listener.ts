import { createServer, type IncomingHttpHeaders } from "node:http";
import type { AddressInfo } from "node:net";

import { test as base } from "@playwright/test";

// A stand-in for our webhook receiver: it records every request exactly as it arrived (the raw
// body bytes matter for signatures and encodings) and answers the way a real receiver would.

export interface ReceivedRequest {
  method: string;
  /** Path and query as sent on the request line, e.g. "/hooks/hubspot?tenant=e2e". */
  url: string;
  headers: IncomingHttpHeaders;
  body: Buffer;
}

export interface ListenerReply {
  status: number;
  headers?: Record<string, string>;
  body?: string;
}

export interface TestListener {
  /** Scheme, host and port, e.g. "http://127.0.0.1:40123", without a trailing slash. */
  origin: string;
  received: ReceivedRequest[];
  close(): Promise<void>;
}

// What Salesforce needs to hear before it stops retrying an outbound message.
const SALESFORCE_ACK_XML =
  '<?xml version="1.0" encoding="UTF-8"?>' +
  '<soapenv:Envelope xmlns:soapenv="http://schemas.xmlsoap.org/soap/envelope/">' +
  "<soapenv:Body>" +
  '<notificationsResponse xmlns="http://soap.sforce.com/2005/09/outbound">' +
  "<Ack>true</Ack>" +
  "</notificationsResponse>" +
  "</soapenv:Body>" +
  "</soapenv:Envelope>";

export const SALESFORCE_ACK_REPLY: ListenerReply = {
  status: 200,
  headers: { "content-type": "text/xml; charset=utf-8" },
  body: SALESFORCE_ACK_XML,
};

export const HUBSPOT_ACCEPTED_REPLY: ListenerReply = { status: 204 };

export async function startTestListener(reply: ListenerReply): Promise<TestListener> {
  const received: ReceivedRequest[] = [];

  const server = createServer((request, response) => {
    const chunks: Buffer[] = [];
    request.on("data", (chunk: Buffer) => chunks.push(chunk));
    request.on("end", () => {
      received.push({
        method: request.method ?? "",
        url: request.url ?? "",
        headers: request.headers,
        body: Buffer.concat(chunks),
      });
      response.writeHead(reply.status, reply.headers);
      response.end(reply.body);
    });
  });

  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;

  return {
    origin: `http://127.0.0.1:${port}`,
    received,
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.closeAllConnections();
        server.close((error) => (error ? reject(error) : resolve()));
      }),
  };
}

export function headerValue(headers: IncomingHttpHeaders, name: string): string | undefined {
  const value = headers[name.toLowerCase()];
  return Array.isArray(value) ? value[0] : value;
}

/** Adds `listen(reply)`: starts a listener for this test and closes it when the test ends. */
export const test = base.extend<{ listen: (reply: ListenerReply) => Promise<TestListener> }>({
  listen: async ({}, provide) => {
    const started: TestListener[] = [];
    await provide(async (reply) => {
      const listener = await startTestListener(reply);
      started.push(listener);
      return listener;
    });
    await Promise.all(started.map((listener) => listener.close()));
  },
});

import { createServer, type IncomingMessage } from "node:http";
import type { AddressInfo } from "node:net";

export type Received = { headers: IncomingMessage["headers"]; body: string; url: string };
export type Reply = { status: number; body: string };

// A stand-in for the product's webhook/outbound endpoint: records what arrives, answers as told.
export async function startListener(reply: (received: Received, index: number) => Reply) {
  const received: Received[] = [];
  const server = createServer(async (req, res) => {
    const chunks: Buffer[] = [];
    for await (const chunk of req) chunks.push(chunk as Buffer);
    const entry = {
      headers: req.headers,
      body: Buffer.concat(chunks).toString("utf8"),
      url: req.url ?? "",
    };
    received.push(entry);
    const answer = reply(entry, received.length - 1);
    res.writeHead(answer.status, { "content-type": "text/xml; charset=utf-8" });
    res.end(answer.body);
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const port = (server.address() as AddressInfo).port;
  return {
    url: `http://localhost:${port}/hooks/abc`,
    received,
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}

export const ACK_TRUE =
  '<?xml version="1.0" encoding="UTF-8"?><soapenv:Envelope ' +
  'xmlns:soapenv="http://schemas.xmlsoap.org/soap/envelope/"><soapenv:Body>' +
  '<notificationsResponse xmlns="http://soap.sforce.com/2005/09/outbound"><Ack>true</Ack>' +
  "</notificationsResponse></soapenv:Body></soapenv:Envelope>";

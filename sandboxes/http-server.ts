import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { getResponse, type RequestHandler } from "msw";

export type ExchangeInfo = {
  request: Request;
  status: number;
  startedAt: Date;
};

export type HttpServerOptions = {
  port: number;
  handlers: () => RequestHandler[];
  onExchange?: (info: ExchangeInfo) => void | Promise<void>;
};

export type RunningHttpServer = {
  url: string;
  port: number;
  close: () => Promise<void>;
};

// msw 3 offers no node:http adapter (see TOOLING-NOTES), so each incoming request is turned into
// a fetch Request and resolved against the handler list with getResponse.
export async function startHttpServer(options: HttpServerOptions): Promise<RunningHttpServer> {
  const server = createServer((req, res) => {
    void serveRequest(req, res, options);
  });
  // Keep-alive sockets of clients (undici) would otherwise hold close() open.
  const closeIdle = () => server.closeAllConnections();

  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(options.port, "127.0.0.1", () => resolve());
  });
  const port = (server.address() as AddressInfo).port;

  return {
    url: `http://localhost:${port}`,
    port,
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        closeIdle();
      }),
  };
}

async function serveRequest(req: IncomingMessage, res: ServerResponse, options: HttpServerOptions) {
  const startedAt = new Date();
  const port = (req.socket.address() as AddressInfo).port;
  const origin = `http://localhost:${port}`;
  const request = await toFetchRequest(req, origin);
  const logCopy = request.clone();

  let response: Response;
  try {
    const resolved = await getResponse(options.handlers(), request, { baseUrl: origin });
    response = resolved ?? notFound();
  } catch (error) {
    response = Response.json(
      { error: "sandbox_internal_error", detail: String(error) },
      {
        status: 500,
      },
    );
  }

  await options.onExchange?.({ request: logCopy, status: response.status, startedAt });
  await writeResponse(res, response);
}

async function toFetchRequest(req: IncomingMessage, origin: string): Promise<Request> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  const body = Buffer.concat(chunks);

  const headers = new Headers();
  for (const [name, value] of Object.entries(req.headers)) {
    if (Array.isArray(value)) value.forEach((v) => headers.append(name, v));
    else if (value !== undefined) headers.set(name, value);
  }

  const method = req.method ?? "GET";
  const hasBody = method !== "GET" && method !== "HEAD" && body.length > 0;
  return new Request(new URL(req.url ?? "/", origin), {
    method,
    headers,
    body: hasBody ? body : undefined,
  });
}

async function writeResponse(res: ServerResponse, response: Response) {
  if (res.destroyed) return;
  const headers: Record<string, string | string[]> = {};
  response.headers.forEach((value, name) => {
    headers[name] = value;
  });
  const setCookies = response.headers.getSetCookie();
  if (setCookies.length > 0) headers["set-cookie"] = setCookies;

  const body = Buffer.from(await response.arrayBuffer());
  res.writeHead(response.status, headers);
  // A client that timed out (case C5) has gone; writing then must not crash the sandbox.
  res.on("error", () => undefined);
  res.end(body);
}

function notFound(): Response {
  return Response.json(
    { error: "not_found", message: "No sandbox route for this request" },
    {
      status: 404,
    },
  );
}

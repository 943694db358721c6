import { NextRequest, type NextResponse } from "next/server";

// Calls the app's route handlers in-process with a real Request, as Next would.

type Handler = (
  request: NextRequest,
  context: { params: Promise<Record<string, string>> },
) => Promise<NextResponse>;

export interface ApiResult {
  status: number;
  body: unknown;
}

export async function callRoute(
  handler: Handler,
  options: {
    method: string;
    path: string;
    params: Record<string, string>;
    apiKey?: string;
    body?: unknown;
  },
): Promise<ApiResult> {
  const headers = new Headers({ "content-type": "application/json" });
  if (options.apiKey) headers.set("authorization", `Bearer ${options.apiKey}`);
  const request = new NextRequest(new URL(options.path, "http://localhost:3999"), {
    method: options.method,
    headers,
    ...(options.body === undefined
      ? {}
      : {
          body: typeof options.body === "string" ? options.body : JSON.stringify(options.body),
        }),
  });
  const response = await handler(request, { params: Promise.resolve(options.params) });
  const text = await response.text();
  return { status: response.status, body: text ? JSON.parse(text) : null };
}

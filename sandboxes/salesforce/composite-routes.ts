import { getResponse, http, type RequestHandler } from "msw";
import { z } from "zod";
import { SF_CONFIG } from "./config";
import { sfError, sfErrorResponse } from "./errors";
import { withApi, type ApiContext } from "./api-guard";
import { readJsonObject } from "./serialize";
import type { SalesforceStore } from "./store";

const compositeBody = z.object({
  allOrNone: z.boolean().optional(),
  compositeRequest: z.array(
    z.object({
      method: z.enum(["GET", "POST", "PATCH", "PUT", "DELETE"]),
      url: z.string(),
      referenceId: z.string(),
      body: z.unknown().optional(),
    }),
  ),
});

type SubResult = {
  body: unknown;
  httpHeaders: Record<string, string>;
  httpStatusCode: number;
  referenceId: string;
};

// Subrequests are replayed through the same handlers with an internal marker so the whole
// composite call counts as one API request, as Salesforce documents.
export function compositeHandlers(
  store: SalesforceStore,
  handlers: () => RequestHandler[],
): RequestHandler[] {
  return [
    http.post(
      "/services/data/:version/composite",
      withApi(store, (ctx) => runComposite(ctx, handlers)),
    ),
  ];
}

async function runComposite(ctx: ApiContext, handlers: () => RequestHandler[]) {
  const json = await readJsonObject(ctx.request);
  if (!json.ok) return json.response;
  const parsed = compositeBody.safeParse(json.value);
  if (!parsed.success)
    return sfErrorResponse(400, [sfError("JSON_PARSER_ERROR", parsed.error.message)]);
  const { compositeRequest, allOrNone } = parsed.data;
  if (compositeRequest.length > SF_CONFIG.compositeMaxSubrequests) {
    return sfErrorResponse(400, [
      sfError(
        "INVALID_CONTENT",
        `Composite Request limit exceeded: ${SF_CONFIG.compositeMaxSubrequests}`,
      ),
    ]);
  }

  const before = structuredClone(ctx.store.state.records);
  const results: SubResult[] = [];
  const references = new Map<string, unknown>();
  for (const sub of compositeRequest) {
    const result = await runSubrequest(ctx, handlers, sub, references);
    results.push(result);
    references.set(sub.referenceId, result.body);
    if (allOrNone && result.httpStatusCode >= 400) break;
  }
  if (allOrNone && results.some((r) => r.httpStatusCode >= 400)) {
    ctx.store.state.records = before;
    return Response.json({
      compositeResponse: compositeRequest.map((sub) =>
        halted(
          sub.referenceId,
          results.find((r) => r.referenceId === sub.referenceId),
        ),
      ),
    });
  }
  return Response.json({ compositeResponse: results });
}

function halted(referenceId: string, failed: SubResult | undefined): SubResult {
  if (failed && failed.httpStatusCode >= 400) return failed;
  return {
    referenceId,
    httpStatusCode: 400,
    httpHeaders: {},
    body: [
      {
        errorCode: "PROCESSING_HALTED",
        message:
          "The transaction was rolled back since another operation in the same transaction failed.",
      },
    ],
  };
}

async function runSubrequest(
  ctx: ApiContext,
  handlers: () => RequestHandler[],
  sub: z.infer<typeof compositeBody>["compositeRequest"][number],
  refs: Map<string, unknown>,
): Promise<SubResult> {
  const origin = new URL(ctx.request.url).origin;
  const url = substitute(sub.url, refs);
  const body = sub.body === undefined ? undefined : substitute(JSON.stringify(sub.body), refs);
  const headers = new Headers({
    authorization: ctx.request.headers.get("authorization") ?? "",
    "content-type": "application/json",
    "x-sandbox-internal": ctx.store.runtime.internalKey,
  });
  const request = new Request(new URL(url, origin), { method: sub.method, headers, body });
  const response = await getResponse(handlers(), request, { baseUrl: origin });
  const text = response ? await response.text() : "";
  return {
    referenceId: sub.referenceId,
    httpStatusCode: response?.status ?? 404,
    httpHeaders: response?.headers.get("location")
      ? { Location: response.headers.get("location") ?? "" }
      : {},
    body: text ? (JSON.parse(text) as unknown) : null,
  };
}

// Replaces @{ref.field} with values from earlier subrequest bodies.
function substitute(text: string, refs: Map<string, unknown>): string {
  return text.replace(/@\{(\w+)\.([\w.]+)\}/g, (whole, ref: string, path: string) => {
    let value: unknown = refs.get(ref);
    for (const key of path.split(".")) {
      value =
        value && typeof value === "object" ? (value as Record<string, unknown>)[key] : undefined;
    }
    return value === undefined ? whole : String(value);
  });
}

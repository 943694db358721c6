import { http, type RequestHandler } from "msw";
import { z } from "zod";
import { readJson } from "../shared/form";
import { withHsApi, type HsContext } from "./api-guard";
import { associateInline, inlineAssociationsSchema } from "./associations";
import { HS_CONFIG, type HsObjectType } from "./config";
import { hsError, hsErrorBody, type HsErrorBody } from "./errors";
import {
  archiveObject,
  createObject,
  findObject,
  serializeObject,
  serializeWritten,
  updateObject,
  type ObjectResult,
} from "./objects";
import { invalidBody, objectTypeOf } from "./object-routes";
import { propertiesOf, type HubSpotStore } from "./store";

const props = z.record(z.string(), z.unknown());
const schemas = {
  create: z.object({
    inputs: z.array(
      z.object({ properties: props, associations: inlineAssociationsSchema.optional() }),
    ),
  }),
  update: z.object({
    inputs: z.array(
      z.object({ id: z.string(), properties: props, idProperty: z.string().optional() }),
    ),
  }),
  upsert: z.object({
    inputs: z.array(z.object({ id: z.string(), properties: props, idProperty: z.string() })),
  }),
  read: z.object({
    inputs: z.array(z.object({ id: z.string() })),
    properties: z.array(z.string()).optional(),
    idProperty: z.string().optional(),
  }),
  archive: z.object({ inputs: z.array(z.object({ id: z.string() })) }),
};
type Action = keyof typeof schemas;
type ItemOutcome =
  { ok: true; result: Record<string, unknown> } | { ok: false; error: HsErrorBody };

export function batchHandlers(store: HubSpotStore): RequestHandler[] {
  return (Object.keys(schemas) as Action[]).map((action) =>
    http.post(
      `/crm/v3/objects/:objectType/batch/${action}`,
      withHsApi(store, (ctx) => runBatch(ctx, action)),
    ),
  );
}

async function runBatch(ctx: HsContext, action: Action): Promise<Response> {
  const type = objectTypeOf(ctx);
  if (!type) return hsError(400, "VALIDATION_ERROR", "Unknown object type");
  const json = await readJson(ctx.request);
  const parsed = schemas[action].safeParse(json);
  if (!parsed.success) return invalidBody(parsed.error.message);
  const inputs: Record<string, unknown>[] = parsed.data.inputs;
  if (inputs.length > HS_CONFIG.batchMaxInputs) {
    return hsError(
      400,
      "VALIDATION_ERROR",
      `Too many inputs: ${inputs.length}. ` + `The maximum is ${HS_CONFIG.batchMaxInputs}.`,
    );
  }
  // Emails are stored lower-cased, so two spellings of one email are the same record twice.
  const ids = inputs
    .filter((i): i is { id: string } => typeof i.id === "string")
    .map((i) => (isEmailKey(i) ? i.id.toLowerCase() : i.id));
  const duplicates = [...new Set(ids.filter((id, i) => ids.indexOf(id) !== i))];
  if (duplicates.length > 0) {
    return hsError(
      400,
      "VALIDATION_ERROR",
      `Duplicate IDs found in batch input: [${duplicates.join(", ")}]. IDs must be unique`,
    );
  }
  if (action === "upsert") {
    const problem = checkIdProperties(ctx.store, ctx.portal.id, type, inputs);
    if (problem) return problem;
  }

  const startedAt = new Date().toISOString();
  const readOptions = action === "read" ? schemas.read.parse(json) : {};
  const outcomes = inputs.map((input) => runItem(ctx, type, action, input, readOptions));
  if (action === "archive") return new Response(null, { status: 204 });
  return summarize(outcomes, startedAt, action === "create" ? 201 : 200);
}

function isEmailKey(input: Record<string, unknown>): boolean {
  return input.idProperty === "email";
}

function checkIdProperties(
  store: HubSpotStore,
  portalId: number,
  type: string,
  inputs: Record<string, unknown>[],
): Response | null {
  const defs = propertiesOf(store, portalId, type);
  const bad = inputs
    .map((i) => String(i.idProperty))
    .find((name) => !defs.some((d) => d.name === name && d.hasUniqueValue));
  return bad === undefined
    ? null
    : hsError(
        400,
        "VALIDATION_ERROR",
        `Property "${bad}" cannot be used as idProperty: it is not a unique identifier property`,
      );
}

function runItem(
  ctx: HsContext,
  type: HsObjectType,
  action: Action,
  input: Record<string, unknown>,
  body: { properties?: string[]; idProperty?: string },
): ItemOutcome {
  const { store, portal } = ctx;
  const properties = (input.properties ?? {}) as Record<string, unknown>;
  const id = String(input.id ?? "");
  const idProperty = (input.idProperty as string | undefined) ?? body.idProperty;
  if (action === "create") {
    const created = createObject(store, portal.id, type, properties);
    const links = input.associations as z.infer<typeof inlineAssociationsSchema> | undefined;
    const problem =
      created.ok && links
        ? associateInline(store, portal.id, type, created.record.id, links)
        : null;
    if (problem) return { ok: false, error: hsErrorBody("VALIDATION_ERROR", problem) };
    return toOutcome(created, false);
  }
  const existing = findObject(store, portal.id, type, id, idProperty);
  if (action === "upsert") {
    if (existing) return toOutcome(updateObject(store, existing, properties), true);
    const seeded = { ...properties, [idProperty ?? "email"]: id };
    return toOutcome(createObject(store, portal.id, type, seeded), true);
  }
  if (!existing) {
    return {
      ok: false,
      error: hsErrorBody(
        "OBJECT_NOT_FOUND",
        "Could not get some " +
          `${type} objects, they may be deleted or not exist. Check that ids are valid.`,
        { context: { ids: [id] } },
      ),
    };
  }
  if (action === "update") return toOutcome(updateObject(store, existing, properties), false);
  if (action === "archive") {
    archiveObject(store, existing);
    return { ok: true, result: {} };
  }
  return { ok: true, result: serializeObject(existing, body.properties) };
}

function toOutcome(result: ObjectResult, withNewFlag: boolean): ItemOutcome {
  if (!result.ok) return { ok: false, error: result.failure.body };
  const serialized = serializeWritten(result.record);
  return {
    ok: true,
    result: withNewFlag ? { ...serialized, new: result.isNew === true } : serialized,
  };
}

// Partial failure is 207 with the failures listed beside the successes.
function summarize(outcomes: ItemOutcome[], startedAt: string, okStatus: number): Response {
  const results = outcomes.flatMap((o) => (o.ok ? [o.result] : []));
  const errors = outcomes.flatMap((o) => (o.ok ? [] : [o.error]));
  const body = {
    status: "COMPLETE",
    results,
    startedAt,
    completedAt: new Date().toISOString(),
    ...(errors.length ? { numErrors: errors.length, errors } : {}),
  };
  return Response.json(body, { status: errors.length ? 207 : okStatus });
}

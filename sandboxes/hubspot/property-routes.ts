import { http, type RequestHandler } from "msw";
import { z } from "zod";
import { readJson } from "../shared/form";
import { withHsApi, type HsContext } from "./api-guard";
import { hsError } from "./errors";
import { invalidBody } from "./object-routes";
import type { HsProperty } from "./properties";
import type { HubSpotStore } from "./store";

const BASE = "/crm/v3/properties/:objectType";
const propertySchema = z.object({
  name: z.string().regex(/^[a-z][a-z0-9_]*$/),
  label: z.string().min(1),
  type: z.enum(["string", "number", "enumeration", "date", "datetime", "bool"]),
  fieldType: z.enum([
    "text",
    "textarea",
    "number",
    "select",
    "radio",
    "checkbox",
    "booleancheckbox",
    "date",
    "file",
    "phonenumber",
    "html",
    "calculation_equation",
  ]),
  groupName: z.string().min(1),
  description: z.string().optional(),
  options: z
    .array(
      z.object({
        label: z.string(),
        value: z.string(),
        displayOrder: z.number().optional(),
        hidden: z.boolean().optional(),
      }),
    )
    .optional(),
  hasUniqueValue: z.boolean().optional(),
  hidden: z.boolean().optional(),
  formField: z.boolean().optional(),
  displayOrder: z.number().optional(),
});
const groupSchema = z.object({
  name: z.string().regex(/^[a-z][a-z0-9_]*$/),
  label: z.string(),
  displayOrder: z.number().optional(),
});

export function propertyHandlers(store: HubSpotStore): RequestHandler[] {
  const api = (fn: (ctx: HsContext) => Response | Promise<Response>) => withHsApi(store, fn);
  return [
    http.get(
      `${BASE}/groups`,
      api((ctx) => Response.json({ results: groupsOf(ctx) })),
    ),
    http.post(`${BASE}/groups`, api(createGroup)),
    http.get(
      BASE,
      api((ctx) => Response.json({ results: propsOf(ctx) })),
    ),
    http.get(
      `${BASE}/:name`,
      api((ctx) => {
        const found = propsOf(ctx).find((p) => p.name === ctx.params.name);
        return found
          ? Response.json(found)
          : hsError(404, "OBJECT_NOT_FOUND", `Unable to find property ${ctx.params.name}`);
      }),
    ),
    http.post(BASE, api(createProperty)),
  ];
}

function propsOf(ctx: HsContext): HsProperty[] {
  return ctx.store.state.properties[ctx.portal.id]?.[ctx.params.objectType ?? ""] ?? [];
}

function groupsOf(ctx: HsContext) {
  return ctx.store.state.groups[ctx.portal.id]?.[ctx.params.objectType ?? ""] ?? [];
}

async function createProperty(ctx: HsContext): Promise<Response> {
  const parsed = propertySchema.safeParse(await readJson(ctx.request));
  if (!parsed.success) return invalidBody(parsed.error.message);
  const input = parsed.data;
  const list = propsOf(ctx);
  if (list.some((p) => p.name === input.name)) {
    return hsError(409, "OBJECT_ALREADY_EXISTS", `Property named '${input.name}' already exists.`);
  }
  if (!groupsOf(ctx).some((g) => g.name === input.groupName)) {
    return hsError(400, "VALIDATION_ERROR", `property group ${input.groupName} does not exist`);
  }
  if (input.type === "enumeration" && !input.options?.length) {
    return hsError(400, "VALIDATION_ERROR", "Enumeration properties require options");
  }
  const now = new Date().toISOString();
  const property: HsProperty = {
    name: input.name,
    label: input.label,
    type: input.type,
    fieldType: input.fieldType,
    groupName: input.groupName,
    description: input.description ?? "",
    options: (input.options ?? []).map((o, i) => ({
      label: o.label,
      value: o.value,
      displayOrder: o.displayOrder ?? i,
      hidden: o.hidden ?? false,
    })),
    hasUniqueValue: input.hasUniqueValue ?? false,
    hidden: input.hidden ?? false,
    formField: input.formField ?? false,
    calculated: false,
    externalOptions: false,
    archived: false,
    modificationMetadata: { archivable: true, readOnlyDefinition: false, readOnlyValue: false },
    createdAt: now,
    updatedAt: now,
  };
  if (!ctx.store.state.properties[ctx.portal.id]) return hsError(404, "OBJECT_NOT_FOUND", "portal");
  list.push(property);
  return Response.json(property, { status: 201 });
}

async function createGroup(ctx: HsContext): Promise<Response> {
  const parsed = groupSchema.safeParse(await readJson(ctx.request));
  if (!parsed.success) return invalidBody(parsed.error.message);
  const groups = groupsOf(ctx);
  if (groups.some((g) => g.name === parsed.data.name)) {
    return hsError(
      409,
      "OBJECT_ALREADY_EXISTS",
      `Property group '${parsed.data.name}' already exists.`,
    );
  }
  const group = {
    name: parsed.data.name,
    label: parsed.data.label,
    displayOrder: parsed.data.displayOrder ?? -1,
    archived: false,
  };
  groups.push(group);
  return Response.json(group, { status: 201 });
}

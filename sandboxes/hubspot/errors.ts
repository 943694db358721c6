import { newCorrelationId } from "./store";

export type HsErrorBody = {
  status: "error";
  message: string;
  correlationId: string;
  category: string;
  [extra: string]: unknown;
};

export function hsErrorBody(
  category: string,
  message: string,
  extra: Record<string, unknown> = {},
) {
  const body: HsErrorBody = {
    status: "error",
    message,
    correlationId: newCorrelationId(),
    category,
    ...extra,
  };
  return body;
}

export function hsError(
  httpStatus: number,
  category: string,
  message: string,
  extra: Record<string, unknown> = {},
): Response {
  return Response.json(hsErrorBody(category, message, extra), { status: httpStatus });
}

export type PropertyProblem = {
  isValid: false;
  message: string;
  error: string;
  name: string;
  localizedErrorMessage: string;
};

export function propertyProblem(name: string, error: string, message: string): PropertyProblem {
  return { isValid: false, message, error, name, localizedErrorMessage: message };
}

// HubSpot embeds the per-property problems as JSON inside the message text.
export function validationMessage(problems: PropertyProblem[]): string {
  return `Property values were not valid: ${JSON.stringify(problems)}`;
}

export function objectNotFound(id: string): Response {
  return hsError(404, "OBJECT_NOT_FOUND", "Object not found.  objectId are usually numeric.", {
    context: { id: [id] },
  });
}

export function oauthFailure(status: string, message: string, error = "invalid_grant"): Response {
  return Response.json(
    { status, message, correlationId: newCorrelationId(), error, error_description: message },
    { status: 400 },
  );
}

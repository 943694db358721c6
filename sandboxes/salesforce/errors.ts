export type SfError = { message: string; errorCode: string; fields: string[] };

export function sfError(errorCode: string, message: string, fields: string[] = []): SfError {
  return { message, errorCode, fields };
}

// REST error bodies are always an array, even for a single error.
export function sfErrorResponse(status: number, errors: SfError[]): Response {
  return Response.json(errors, { status });
}

export function notFoundResponse(): Response {
  return sfErrorResponse(404, [sfError("NOT_FOUND", "The requested resource does not exist")]);
}

export function invalidSessionResponse(): Response {
  return sfErrorResponse(401, [sfError("INVALID_SESSION_ID", "Session expired or invalid")]);
}

export function malformedQueryResponse(detail: string): Response {
  return sfErrorResponse(400, [sfError("MALFORMED_QUERY", detail)]);
}

export function oauthError(status: number, error: string, description: string): Response {
  return Response.json({ error, error_description: description }, { status });
}

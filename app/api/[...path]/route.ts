import { NextResponse } from "next/server";

import { errorBody } from "@/lib/api/errors";

// Any /api path no route serves: the API's JSON error shape, not Next's HTML 404 page.
function notFound() {
  return NextResponse.json(errorBody("not_found", "No such API route"), { status: 404 });
}

export const GET = notFound;
export const POST = notFound;
export const PUT = notFound;
export const PATCH = notFound;
export const DELETE = notFound;

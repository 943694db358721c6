import { NextResponse } from "next/server";

import { getPrisma } from "@/lib/db/client";

/** Liveness and database reachability, for load balancers and the test runner. */
export async function GET() {
  await getPrisma().$queryRaw`SELECT 1`;
  return NextResponse.json({ status: "ok" });
}

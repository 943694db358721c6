import { NextResponse } from "next/server";
import { serve } from "inngest/next";

import { inngest } from "@/lib/jobs/inngest-client";
import { inngestFunctions } from "@/inngest/functions";
import { errorBody } from "@/lib/api/errors";
import { syncEngineMode } from "@/lib/sync/engine-mode";

const handlers = serve({ client: inngest, functions: inngestFunctions });

// Without an Inngest server the functions run in-process; this endpoint then has nothing to
// serve and says so in the API's error shape instead of failing inside the SDK.
function inlineMode() {
  return NextResponse.json(
    errorBody("not_found", "Inngest is not configured: the sync runs in-process"),
    { status: 404 },
  );
}

type Args = Parameters<typeof handlers.GET>;

export async function GET(...args: Args) {
  return syncEngineMode() === "inngest" ? handlers.GET(...args) : inlineMode();
}

export async function POST(...args: Args) {
  return syncEngineMode() === "inngest" ? handlers.POST(...args) : inlineMode();
}

export async function PUT(...args: Args) {
  return syncEngineMode() === "inngest" ? handlers.PUT(...args) : inlineMode();
}

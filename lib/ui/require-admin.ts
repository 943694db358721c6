import { redirect } from "next/navigation";
import { cache } from "react";

import { getAdminContext, type AdminContext } from "@/lib/auth/session";

// The (admin) layout and its page render concurrently, so each must check on its own; cache()
// makes that one database read per request instead of two.
export const loadAdminContext = cache(async () => getAdminContext());

/**
 * The signed-in admin's context for a page, else a redirect to the sign-in page. A user signed
 * in without an admin membership lands there too: the sign-in page explains it (no loop, since
 * it only bounces users who do have a tenant).
 */
export async function requireAdmin(): Promise<AdminContext> {
  const admin = await loadAdminContext();
  if (admin) return admin;
  redirect("/signin");
}

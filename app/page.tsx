import { redirect } from "next/navigation";

import { loadAdminContext } from "@/lib/ui/require-admin";

export default async function HomePage() {
  const admin = await loadAdminContext();
  redirect(admin ? "/leads" : "/signin");
}

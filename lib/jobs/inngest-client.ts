import { Inngest } from "inngest";

// Reads INNGEST_EVENT_KEY / INNGEST_SIGNING_KEY (Inngest Cloud) or INNGEST_DEV (dev server).
export const inngest = new Inngest({ id: "diagnoleads-crm-sync" });

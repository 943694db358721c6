/*
  Warnings:

  - You are about to drop the column `crm_changed_at` on the `leads` table. All the data in the column will be lost.

*/
-- AlterTable
ALTER TABLE "crm_integrations" ADD COLUMN     "last_polled_at" TIMESTAMPTZ(3);

-- AlterTable
ALTER TABLE "leads" DROP COLUMN "crm_changed_at",
ADD COLUMN     "crm_owner_changed_at" TIMESTAMPTZ(3),
ADD COLUMN     "crm_status_changed_at" TIMESTAMPTZ(3);

-- AddForeignKey
ALTER TABLE "crm_inbound_events" ADD CONSTRAINT "crm_inbound_events_integration_id_fkey" FOREIGN KEY ("integration_id") REFERENCES "crm_integrations"("id") ON DELETE CASCADE ON UPDATE CASCADE;

import { describe, expect, it } from "vitest";

import { defaultFieldMappings } from "@/lib/mapping/field-mappings";
import { mapLeadToCrmFields, type MappableLead } from "@/lib/mapping/map-lead";

const lead: MappableLead = {
  id: "7b0c3c3e-4a7f-4f55-9a4e-3f1f7c1b9a10",
  name: "山田　太郎",
  email: "taro@example.jp",
  company: "山田製作所",
  phone: null,
  score: 86,
  priorityLevel: "Hot",
  detectedChallenges: ["属人化", { area: "営業" }],
  status: "new",
  owner: null,
};

describe("mapLeadToCrmFields", () => {
  it("applies the specification's Salesforce mapping", () => {
    expect(
      mapLeadToCrmFields(lead, defaultFieldMappings("salesforce"), { nameOrder: "auto" }),
    ).toEqual({
      FirstName: "太郎",
      LastName: "山田",
      Email: "taro@example.jp",
      Company: "山田製作所",
      Phone: null,
      LeadScore__c: 86,
      Priority__c: "Hot",
      DetectedChallenges__c: '["属人化",{"area":"営業"}]',
    });
  });

  it("applies the specification's HubSpot mapping", () => {
    const fields = mapLeadToCrmFields(lead, defaultFieldMappings("hubspot"), { nameOrder: "auto" });
    expect(fields).toMatchObject({
      firstname: "太郎",
      lastname: "山田",
      hs_lead_score: 86,
      lead_priority: "Hot",
    });
  });

  it("truncates text to the CRM's field length by code points", () => {
    const long = { ...lead, company: "株式会社".repeat(100) };
    const fields = mapLeadToCrmFields(long, defaultFieldMappings("salesforce"), {
      nameOrder: "auto",
      fieldLengths: { Company: 255 },
    });
    expect(Array.from(String(fields.Company))).toHaveLength(255);
  });

  it("leaves the first name empty rather than repeating the last name", () => {
    const single = mapLeadToCrmFields(
      { ...lead, name: "Madonna" },
      defaultFieldMappings("salesforce"),
      {
        nameOrder: "auto",
      },
    );
    expect(single).toMatchObject({ LastName: "Madonna", FirstName: null });
  });
});

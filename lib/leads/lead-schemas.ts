import { z } from "zod";

// Request bodies of the lead API. Text is trimmed; Japanese and other scripts pass unchanged.
// Text that PostgreSQL or the CRMs cannot store faithfully (NUL, unpaired surrogates) is
// refused here, with a 422, instead of failing deeper down.

const storable = (value: string) => !value.includes("\u0000") && value.isWellFormed();
const STORABLE_MESSAGE = "Text contains a NUL character or an unpaired surrogate";

const plain = (max: number) => z.string().max(max).refine(storable, STORABLE_MESSAGE);
const text = (max: number) => z.string().trim().min(1).max(max).refine(storable, STORABLE_MESSAGE);
const optionalText = (max: number) =>
  z.string().trim().max(max).refine(storable, STORABLE_MESSAGE).nullish();

export const PRIORITY_LEVELS = ["Hot", "Warm", "Cold"] as const;

const challenge = z.union([
  text(500),
  z.record(plain(100), z.union([plain(2000), z.number(), z.boolean(), z.null()])),
]);

// RFC 5321: at most 64 characters before the @ and 254 in all.
const email = z
  .email()
  .max(254)
  .refine((value) => value.split("@")[0]!.length <= 64, "Email local part is longer than 64");

/** Every lead field, none defaulted: the shape of a change. */
const leadFields = {
  name: text(255),
  email: email.nullish(),
  company: optionalText(255),
  phone: z
    .string()
    .trim()
    .max(40)
    .regex(/^[0-9+\-() .]*$/, "Invalid phone number")
    .nullish(),
  score: z.number().int().min(0).max(100),
  priority_level: z.enum(PRIORITY_LEVELS),
  detected_challenges: z.array(challenge).max(50),
  status: text(100),
  owner: optionalText(255),
};

export const leadCreateSchema = z.strictObject({
  ...leadFields,
  score: leadFields.score.default(0),
  detected_challenges: leadFields.detected_challenges.default([]),
  status: leadFields.status.optional(),
});
export type LeadCreateInput = z.infer<typeof leadCreateSchema>;

// A change names only what changes: nothing is defaulted, and an empty change is an error.
export const leadUpdateSchema = z
  .strictObject(leadFields)
  .partial()
  .refine((value) => Object.keys(value).length > 0, "Provide at least one field to change");
export type LeadUpdateInput = z.infer<typeof leadUpdateSchema>;

export const assessmentResponseSchema = z.strictObject({
  assessment_name: text(255),
  answers: z
    .array(z.strictObject({ question: text(1000), answer: plain(5000) }))
    .min(1)
    .max(200),
  score: z.number().int().min(0).max(100).nullish(),
  completed_at: z.iso.datetime({ offset: true }).optional(),
});
export type AssessmentResponseInput = z.infer<typeof assessmentResponseSchema>;

export const listLeadsQuerySchema = z.object({
  limit: z.coerce.number().int().min(1).max(200).default(50),
  cursor: z.uuid().optional(),
});

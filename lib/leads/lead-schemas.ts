import { z } from "zod";

// Request bodies of the lead API. Text is trimmed; Japanese and other scripts pass unchanged.

const text = (max: number) => z.string().trim().min(1).max(max);
const optionalText = (max: number) => z.string().trim().max(max).nullish();

export const PRIORITY_LEVELS = ["Hot", "Warm", "Cold"] as const;

const challenge = z.union([
  z.string().trim().min(1).max(500),
  z.record(z.string().max(100), z.union([z.string().max(2000), z.number(), z.boolean(), z.null()])),
]);

export const leadCreateSchema = z.strictObject({
  name: text(255),
  email: z.email().max(320).nullish(),
  company: optionalText(255),
  phone: z
    .string()
    .trim()
    .max(40)
    .regex(/^[0-9+\-() .]*$/, "Invalid phone number")
    .nullish(),
  score: z.number().int().min(0).max(100).default(0),
  priority_level: z.enum(PRIORITY_LEVELS),
  detected_challenges: z.array(challenge).max(50).default([]),
  status: text(100).optional(),
  owner: optionalText(255),
});
export type LeadCreateInput = z.infer<typeof leadCreateSchema>;

export const leadUpdateSchema = leadCreateSchema
  .partial()
  .refine((value) => Object.keys(value).length > 0, "Provide at least one field to change");
export type LeadUpdateInput = z.infer<typeof leadUpdateSchema>;

export const assessmentResponseSchema = z.strictObject({
  assessment_name: text(255),
  answers: z
    .array(z.strictObject({ question: text(1000), answer: z.string().max(5000) }))
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

import { z } from "zod";
import { DEFAULT_ROLE_TAGS, WORKSHOP_PACE_MODES, WORKSHOP_STATES } from "@/lib/domain/workshops";
import { singleLine } from "@/lib/text";
import { calendarDay, listSchema, useCaseRecordHead, versionField } from "./schemas";

export const workshopQuerySchema = z.object({
  useCaseId: z.uuid().optional().meta({
    description: "Only workshops of this use case (an id of another organisation matches nothing).",
  }),
});

export const workshopInputSchema = z
  .object({
    useCaseId: z.uuid(),
    title: singleLine().min(2).max(120),
    date: calendarDay("The day of the workshop, YYYY-MM-DD."),
    dimensions: z
      .array(z.string().min(1).max(60))
      .min(1)
      .max(20)
      .meta({ description: "Ids of the current question bank's dimensions to cover." }),
    roleTags: z
      .array(singleLine().min(1).max(40))
      .max(12)
      .default([...DEFAULT_ROLE_TAGS])
      .meta({ description: "The role tags participants choose from when they join." }),
    anonymous: z
      .boolean()
      .default(false)
      .meta({ description: "Participants are known by number only: no names anywhere." }),
    pace: z.enum(WORKSHOP_PACE_MODES).default("self_paced"),
  })
  .meta({ id: "WorkshopInput" });

export const workshopStateInputSchema = z
  .object({
    to: z.enum(["open", "paused", "closed"]).meta({
      description:
        "`open` (from draft or paused), `paused` (from open) or `closed` (from any but closed; final, ends every participant session).",
    }),
    version: versionField,
  })
  .meta({ id: "WorkshopStateChange" });

export const workshopSchema = z
  .object({
    ...useCaseRecordHead,
    title: z.string(),
    date: z.string(),
    bankVersion: z.string(),
    dimensions: z.array(z.string()),
    roleTags: z.array(z.string()),
    anonymous: z.boolean(),
    state: z.enum(WORKSHOP_STATES),
    joinCode: z.string().meta({ description: "What participants type at /join." }),
    pace: z.enum(WORKSHOP_PACE_MODES),
    currentDimension: z.string().nullable(),
    assessmentId: z
      .uuid()
      .nullable()
      .meta({ description: "The assessment the workshop was converted into." }),
    participants: z.number().int(),
    closedAt: z.iso.datetime().nullable(),
    version: z.number().int().meta({ description: "Send it back with a state change." }),
    createdAt: z.iso.datetime(),
    updatedAt: z.iso.datetime(),
  })
  .meta({ id: "Workshop" });

export const workshopListSchema = listSchema(workshopSchema, "WorkshopList");

const distributionShape = {
  options: z.array(
    z.object({ optionId: z.string(), label: z.string(), score: z.number(), count: z.number() }),
  ),
  dontKnow: z.number().int().meta({ description: "Answers of \u201cdon't know\u201d, apart." }),
  scored: z.number().int(),
  mean: z.number().nullable(),
  disagreement: z.number().nullable().meta({
    description:
      "The standard deviation of the chosen options' scores divided by half the question's score range: 0 all alike, 1 an even split between the weakest and strongest answer; null under two scored answers.",
  }),
};

export const workshopAggregatesSchema = z
  .object({
    state: z.enum(WORKSHOP_STATES),
    participants: z.number().int(),
    questions: z.array(
      z.object({
        questionId: z.string(),
        dimensionId: z.string(),
        prompt: z.string(),
        ...distributionShape,
        byRole: z.array(z.object({ roleTag: z.string(), ...distributionShape })),
      }),
    ),
    heatMap: z.array(z.unknown()).meta({
      description:
        "Per dimension, how far each role tag's answers stand from the rest of the room (0–1).",
    }),
    progress: z.array(z.unknown()).meta({ description: "How far each dimension is answered." }),
    comments: z.array(
      z.object({
        questionId: z.string(),
        author: z.string().meta({ description: "\u201cParticipant 3\u201d when anonymous." }),
        roleTag: z.string().nullable(),
        comment: z.string(),
        updatedAt: z.iso.datetime(),
      }),
    ),
    lastAnswerAt: z.iso.datetime().nullable(),
  })
  .meta({ id: "WorkshopAggregates" });

export const workshopAnswersQuerySchema = z.object({
  format: z
    .enum(["json", "csv"])
    .default("json")
    .meta({ description: "`csv` answers the same rows as a CSV file." }),
});

export const workshopAnswerSchema = z
  .object({
    participant: z.number().int().meta({ description: "1, 2, 3… in the order they joined." }),
    displayName: z.string().nullable().meta({ description: "Null when anonymous." }),
    roleTag: z.string().nullable(),
    member: z.boolean().meta({ description: "Joined with an account of the organisation." }),
    dimension: z.string(),
    questionId: z.string(),
    prompt: z.string(),
    answer: z.string().nullable().meta({ description: "The option chosen; null for don't know." }),
    score: z.number().nullable(),
    dontKnow: z.boolean(),
    comment: z.string().nullable(),
    updatedAt: z.iso.datetime(),
  })
  .meta({ id: "WorkshopAnswer" });

export const workshopAnswerListSchema = listSchema(workshopAnswerSchema, "WorkshopAnswerList");

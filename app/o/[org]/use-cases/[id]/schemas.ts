import { z } from "zod";
import { actionAccessEnum, blastRadiusEnum, frequencyEnum, reversibilityEnum } from "@/db/schema";
import { singleLine } from "@/lib/text";

export const inventoryActionSchema = z.object({
  name: singleLine()
    .min(2, "Say what the AI would do, e.g. “Issue a refund”.")
    .max(120, "Use at most 120 characters."),
  system: singleLine().min(1, "Name the system it touches.").max(60, "Use at most 60 characters."),
  access: z.enum(actionAccessEnum.enumValues, { message: "Choose read or write." }),
  reversibility: z.enum(reversibilityEnum.enumValues, { message: "Choose how reversible it is." }),
  blastRadius: z.enum(blastRadiusEnum.enumValues, {
    message: "Choose what a mistake would affect.",
  }),
  frequency: z.enum(frequencyEnum.enumValues, { message: "Choose how often it runs." }),
});

export const actionIdSchema = z.object({ actionId: z.uuid() });

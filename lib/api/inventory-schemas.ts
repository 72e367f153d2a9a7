import { z } from "zod";
import { ACTION_ACCESS, BLAST_RADIUS, FREQUENCY, REVERSIBILITY } from "@/lib/domain/actions";
import { singleLine } from "@/lib/text";
import { changesSomething, listSchema, MAX_VERSION } from "./schemas";

/** One inventory action as the add-action form and the API take it. */
export const inventoryActionInputSchema = z
  .object({
    name: singleLine()
      .min(2, "Say what the AI would do, e.g. “Issue a refund”.")
      .max(120, "Use at most 120 characters."),
    system: singleLine()
      .min(1, "Name the system it touches.")
      .max(60, "Use at most 60 characters."),
    access: z.enum(ACTION_ACCESS, { message: "Choose read or write." }),
    reversibility: z.enum(REVERSIBILITY, { message: "Choose how reversible it is." }),
    blastRadius: z.enum(BLAST_RADIUS, { message: "Choose what a mistake would affect." }),
    frequency: z.enum(FREQUENCY, { message: "Choose how often it runs." }),
  })
  .meta({ id: "InventoryActionInput" });

export const inventoryActionPatchSchema = inventoryActionInputSchema
  .partial()
  .extend({
    version: z.number().int().min(1).max(MAX_VERSION).meta({
      description: "The action's version you last read; a stale one is a 409 and changes nothing.",
    }),
  })
  .refine(changesSomething, { message: "Send at least one field to change." })
  .meta({ id: "InventoryActionPatch" });

export const inventoryActionSchema = z
  .object({
    id: z.uuid(),
    name: z.string(),
    system: z.string(),
    access: z.enum(ACTION_ACCESS),
    reversibility: z.enum(REVERSIBILITY),
    blastRadius: z.enum(BLAST_RADIUS),
    frequency: z.enum(FREQUENCY),
    version: z.number().int().meta({ description: "Send it back to change or remove the action." }),
  })
  .meta({ id: "InventoryAction" });

export const inventoryListSchema = listSchema(inventoryActionSchema, "InventoryActionList");

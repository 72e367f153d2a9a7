import { z } from "zod";
import { versionSchema } from "../schemas";

/** Removing an action sends the version the page showed, so a stale page cannot remove a changed one. */
export const removeActionSchema = z.object({ actionId: z.uuid() }).extend(versionSchema.shape);

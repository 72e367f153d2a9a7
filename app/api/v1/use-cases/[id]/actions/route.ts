import { NextResponse } from "next/server";
import { addInventoryAction, listInventory } from "@/db/queries/inventory";
import { apiRoute, parseJson } from "@/lib/api/handler";
import { inventoryActionInputSchema } from "@/lib/api/inventory-schemas";

/** The use case's action inventory, in the order the actions were added. */
export const GET = apiRoute<{ id: string }>(async (ctx, _request, { id }) => {
  return { data: await listInventory(ctx, id) };
});

export const POST = apiRoute<{ id: string }>(async (ctx, request, { id }) => {
  const input = await parseJson(request, inventoryActionInputSchema);
  return NextResponse.json(await addInventoryAction(ctx, id, input), { status: 201 });
});

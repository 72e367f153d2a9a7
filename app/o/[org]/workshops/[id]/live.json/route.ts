import { NextResponse } from "next/server";
import { getWorkshopLive } from "@/db/queries/workshops";
import { apiError } from "@/lib/api/handler";
import { memberForRequest } from "@/lib/auth/session";
import { AppError } from "@/lib/errors";

/**
 * The live view's numbers as JSON, polled every two seconds by the workshop and presenter
 * pages. Each call reads the database, so any app instance answers the same.
 */
export async function GET(
  request: Request,
  { params }: { params: Promise<{ org: string; id: string }> },
) {
  const { org, id } = await params;
  const { member, signedIn } = await memberForRequest(request, org);
  if (!signedIn) return apiError(new AppError("unauthorized", "Sign in to follow the workshop."));
  if (!member) return apiError(new AppError("not_found", "The workshop was not found."));
  try {
    return NextResponse.json(await getWorkshopLive(member, id), {
      headers: { "Cache-Control": "no-store" },
    });
  } catch (error) {
    if (error instanceof AppError) return apiError(error);
    throw error;
  }
}

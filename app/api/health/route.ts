import { NextResponse } from "next/server";
import { pingDatabase } from "@/db/queries/system";

export const dynamic = "force-dynamic";

/** Liveness with a real database round trip, for load balancers and the demo script. */
export async function GET() {
  try {
    return NextResponse.json({ status: "ok", db: await pingDatabase() });
  } catch (error) {
    console.error("health check failed", error);
    return NextResponse.json(
      { error: { code: "unavailable", message: "The database is not answering." } },
      { status: 503 },
    );
  }
}

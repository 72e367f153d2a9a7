import { sql } from "drizzle-orm";
import { NextResponse } from "next/server";
import { databaseKind, db } from "@/db";

export const dynamic = "force-dynamic";

/** Liveness with a real database round trip, for load balancers and the demo script. */
export async function GET() {
  try {
    await db.execute(sql`select 1`);
    return NextResponse.json({ status: "ok", db: databaseKind() });
  } catch (error) {
    console.error("health check failed", error);
    return NextResponse.json(
      { error: { code: "unavailable", message: "The database is not answering." } },
      { status: 503 },
    );
  }
}

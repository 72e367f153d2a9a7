import { notFound } from "next/navigation";
import { AppError } from "@/lib/errors";

/** Awaits a query for a page, turning "not found" (missing or another organisation's) into a 404. */
export async function found<T>(query: Promise<T>): Promise<T> {
  try {
    return await query;
  } catch (error) {
    if (error instanceof AppError && error.code === "not_found") notFound();
    throw error;
  }
}

/** A page's search parameters with one value each (the first, when a name repeats). */
export function firstValues(
  params: Record<string, string | string[] | undefined>,
): Record<string, string | undefined> {
  return Object.fromEntries(
    Object.entries(params).map(([k, v]) => [k, Array.isArray(v) ? v[0] : v]),
  );
}

/** A route handler's query string, read as a page reads its search parameters. */
export function queryOf(request: Request): Record<string, string | undefined> {
  const query: Record<string, string | undefined> = {};
  for (const [key, value] of new URL(request.url).searchParams) query[key] ??= value;
  return query;
}

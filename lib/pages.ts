import { notFound } from "next/navigation";
import type { z } from "zod";
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

/** A page's search parameters as Next.js gives them. */
export type SearchParams = Record<string, string | string[] | undefined>;

/** What a list page of an organisation receives: its slug, and the list's query string. */
export type ListPageProps = {
  params: Promise<{ org: string }>;
  searchParams: Promise<SearchParams>;
};

/** A page's search parameters with one value each (the first, when a name repeats). */
export function firstValues(params: SearchParams): Record<string, string | undefined> {
  return Object.fromEntries(
    Object.entries(params).map(([k, v]) => [k, Array.isArray(v) ? v[0] : v]),
  );
}

/**
 * A list page's query string, one value a name (`raw`: for sort links and kept parameters),
 * and the filters the schema reads from it.
 */
export async function readListQuery<S extends z.ZodType>(
  searchParams: Promise<SearchParams>,
  schema: S,
): Promise<{ raw: Record<string, string | undefined>; filters: z.infer<S> }> {
  const raw = firstValues(await searchParams);
  return { raw, filters: schema.parse(raw) };
}

/** A route handler's query string, read as a page reads its search parameters. */
export function queryOf(request: Request): Record<string, string | undefined> {
  const query: Record<string, string | undefined> = {};
  for (const [key, value] of new URL(request.url).searchParams) query[key] ??= value;
  return query;
}

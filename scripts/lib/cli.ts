import nextEnv from "@next/env";
import type { z } from "zod";
import { closeDatabase, DatabaseLockedError } from "@/db";
import { AppError, fieldErrorsFrom } from "@/lib/errors";

/** Loads .env files the way Next does, so scripts and the server see the same configuration. */
export function loadEnv(): void {
  nextEnv.loadEnvConfig(process.cwd(), false, { info: () => {}, error: console.error });
}

/** Parses `--name value` and `--flag` arguments. */
export function parseArgs(argv = process.argv.slice(2)): Record<string, string | true> {
  const out: Record<string, string | true> = {};
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    if (!arg?.startsWith("--")) continue;
    const [key, inline] = arg.slice(2).split("=", 2) as [string, string | undefined];
    const next = argv[i + 1];
    if (inline !== undefined) out[key] = inline;
    else if (next !== undefined && !next.startsWith("--")) {
      out[key] = next;
      i++;
    } else out[key] = true;
  }
  return out;
}

/**
 * The command line's arguments checked against `schema`; when they do not fit, an error with
 * the usage line and one line per wrong `--option`.
 */
export function parseArgsWith<S extends z.ZodType>(
  schema: S,
  usage: string,
  argv = process.argv.slice(2),
): z.infer<S> {
  const parsed = schema.safeParse(parseArgs(argv));
  if (parsed.success) return parsed.data;
  const fields = Object.entries(fieldErrorsFrom(parsed.error.issues))
    .map(([k, v]) => `--${k}: ${v.join(" ")}`)
    .join("\n  ");
  throw new AppError("invalid_input", `${usage}\n  ${fields}`);
}

/** Runs a script body, printing expected failures plainly and closing the database. */
export async function runCli(main: () => Promise<void>): Promise<void> {
  loadEnv();
  let code = 0;
  try {
    await main();
  } catch (error) {
    code = 1;
    if (error instanceof DatabaseLockedError || error instanceof AppError) {
      console.error(`\nError: ${error.message}\n`);
    } else if (error instanceof Error && error.message.startsWith("Invalid environment")) {
      console.error(`\n${error.message}\n`);
    } else {
      console.error(error);
    }
  } finally {
    await closeDatabase().catch(() => {});
  }
  process.exit(code);
}

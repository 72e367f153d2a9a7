import { z } from "zod";
import { AppError, fieldErrorsFrom } from "@/lib/errors";
import { TARGET_NAMES, type TargetName } from "./bench-types";
import { parseArgs } from "./cli";

export const BENCH_USAGE =
  "Usage: npm run bench:http -- [--db pglite|postgres|both] [--org demo|large|both] " +
  "[--duration <s>] [--connections <n>] [--only <target,…>] [--no-lighthouse] [--instances <n>] " +
  '[--build] [--large-args "<seed:large options>"] [--postgres <url>] [--write-readme]\n' +
  "       npm run bench:http -- --url <base URL> --email <email> --password <password> " +
  "[--token <API token>] [--org demo|large] [--db pglite|postgres] …";

const whole = (min: number, max: number) =>
  z.string().regex(/^\d+$/, "a whole number").transform(Number).pipe(z.number().min(min).max(max));

const flag = z
  .literal(true, { error: "takes no value" })
  .optional()
  .transform((v) => v === true);

const schema = z
  .object({
    url: z
      .url({
        protocol: /^https?$/,
        error: "must be the app's base URL, like http://127.0.0.1:3000",
      })
      .optional(),
    email: z.email().optional(),
    password: z.string().min(1).optional(),
    token: z.string().min(10).optional(),
    db: z.enum(["pglite", "postgres", "both"]).default("both"),
    org: z.enum(["demo", "large", "both"]).default("both"),
    duration: whole(1, 600).default(10),
    connections: whole(1, 512).default(8),
    only: z
      .string()
      .transform((v) => v.split(",").map((s) => s.trim()))
      .pipe(z.array(z.enum(TARGET_NAMES)).min(1))
      .optional(),
    "no-lighthouse": flag,
    instances: whole(1, 8).default(2),
    build: flag,
    "large-args": z.string().default(""),
    postgres: z
      .string()
      .regex(/^postgres(ql)?:\/\//, "must be a postgres:// URL")
      .default("postgres://postgres@127.0.0.1:5432/postgres"),
    "write-readme": flag,
    "port-base": whole(1024, 65000).default(3300),
  })
  .superRefine((o, ctx) => {
    if (o.url && (!o.email || !o.password)) {
      ctx.addIssue({
        code: "custom",
        path: ["email"],
        message: "--url needs --email and --password",
      });
    }
    if (o.url && o.org === "both") {
      ctx.addIssue({
        code: "custom",
        path: ["org"],
        message: "with --url, say which organisation the account is in: demo or large",
      });
    }
  });

export type BenchOptions = {
  url: string | undefined;
  email: string | undefined;
  password: string | undefined;
  token: string | undefined;
  dbs: ("pglite" | "postgres")[];
  orgs: ("demo" | "large")[];
  duration: number;
  connections: number;
  only: TargetName[] | null;
  lighthouse: boolean;
  instances: number;
  build: boolean;
  largeArgs: string[];
  postgres: string;
  writeReadme: boolean;
  portBase: number;
};

/**
 * The benchmark's options from its command line. `--large-args` takes the next argument as it
 * is (it starts with `--` itself).
 */
export function parseBenchOptions(argv: string[]): BenchOptions {
  const rest = [...argv];
  const at = rest.indexOf("--large-args");
  let largeArgs: string | undefined;
  if (at !== -1) {
    largeArgs = rest[at + 1] ?? "";
    rest.splice(at, 2);
  }
  const raw = parseArgs(rest);
  if (largeArgs !== undefined) raw["large-args"] = largeArgs;
  const parsed = schema.safeParse(raw);
  if (!parsed.success) {
    const fields = Object.entries(fieldErrorsFrom(parsed.error.issues))
      .map(([k, v]) => `--${k}: ${v.join(" ")}`)
      .join("\n  ");
    throw new AppError("invalid_input", `${BENCH_USAGE}\n  ${fields}`);
  }
  const o = parsed.data;
  return {
    url: o.url?.replace(/\/$/, ""),
    email: o.email,
    password: o.password,
    token: o.token,
    dbs: o.db === "both" ? ["pglite", "postgres"] : [o.db],
    orgs: o.org === "both" ? ["demo", "large"] : [o.org],
    duration: o.duration,
    connections: o.connections,
    only: o.only ?? null,
    lighthouse: !o["no-lighthouse"],
    instances: o.instances,
    build: o.build,
    largeArgs: o["large-args"].split(/\s+/).filter(Boolean),
    postgres: o.postgres,
    writeReadme: o["write-readme"],
    portBase: o["port-base"],
  };
}

import path from "node:path";
import { z } from "zod";

const optionalString = z
  .string()
  .trim()
  .transform((v) => (v === "" ? undefined : v))
  .optional();

const postgresUrl = optionalString.pipe(
  z
    .string()
    .regex(/^postgres(ql)?:\/\//, "must be a postgres:// or postgresql:// URL")
    .optional(),
);

// One line, one address: no line breaks (a header), no second address.
const MAIL_FROM_PATTERN =
  /^(?:[^<>@\r\n",;]*<[^<>\s@",;]+@[^<>\s@",;]+>|[^<>\s@",;]+@[^<>\s@",;]+)$/;

const envSchema = z
  .object({
    DATABASE_URL: postgresUrl,
    /** The role that owns the tables, for migrations, when DATABASE_URL is a least-privilege role. */
    MIGRATION_DATABASE_URL: postgresUrl,
    PREFLIGHT_DATA_DIR: optionalString,
    AUTH_SECRET: optionalString.pipe(
      z
        .string()
        .min(32, "must be at least 32 characters (generate one with `npx auth secret`)")
        .optional(),
    ),
    AUTH_URL: optionalString.pipe(
      z
        .url({
          protocol: /^https?$/,
          error: "must be the app's public URL, like https://preflight.example.com",
        })
        .optional(),
    ),
    AUTH_OIDC_ISSUER: optionalString.pipe(z.url("must be the issuer URL").optional()),
    AUTH_OIDC_CLIENT_ID: optionalString,
    AUTH_OIDC_CLIENT_SECRET: optionalString,
    AUTH_OIDC_NAME: optionalString,
    /** The mail server, like smtps://user:password@smtp.example.com:465; unset: log and outbox. */
    SMTP_URL: optionalString.pipe(
      z
        .url({
          protocol: /^smtps?$/,
          error:
            "must be the mail server's URL, like smtps://user:password@smtp.example.com:465 or smtp://localhost:25",
        })
        .optional(),
    ),
    /** The sender of every email, `address` or `Name <address>`. */
    MAIL_FROM: optionalString.pipe(
      z
        .string()
        .regex(
          MAIL_FROM_PATTERN,
          'must be an email address, or a name and an address like "Preflight <preflight@example.com>"',
        )
        .optional(),
    ),
    TRUSTED_PROXY_HOPS: optionalString
      .pipe(
        z
          .string()
          .regex(
            /^\d{1,2}$/,
            "must be the number of proxies in front of the app that append to X-Forwarded-For (0 when none)",
          )
          .optional(),
      )
      .transform((v) => (v === undefined ? 0 : Number(v))),
    NODE_ENV: optionalString,
    NEXT_PHASE: optionalString,
    PORT: optionalString.pipe(
      z
        .string()
        .regex(/^\d{1,5}$/, "must be a port number")
        .optional(),
    ),
  })
  .superRefine((env, ctx) => {
    // Without it, links people copy (invitations) would take their host from request headers,
    // which a client can set. Building the app (`next build`) is not running it.
    if (
      env.NODE_ENV === "production" &&
      env.NEXT_PHASE !== "phase-production-build" &&
      !env.AUTH_URL
    ) {
      ctx.addIssue({
        code: "custom",
        path: ["AUTH_URL"],
        message:
          "is required in production: set it to the app's public URL, like https://preflight.example.com",
      });
    }
    if (env.MIGRATION_DATABASE_URL && !env.DATABASE_URL) {
      ctx.addIssue({
        code: "custom",
        path: ["MIGRATION_DATABASE_URL"],
        message: "only applies to PostgreSQL: set DATABASE_URL too",
      });
    }
    if (env.SMTP_URL && !env.MAIL_FROM) {
      ctx.addIssue({
        code: "custom",
        path: ["MAIL_FROM"],
        message:
          'is required with SMTP_URL: the address emails come from, like "Preflight <preflight@example.com>"',
      });
    }
    const oidc = [env.AUTH_OIDC_ISSUER, env.AUTH_OIDC_CLIENT_ID, env.AUTH_OIDC_CLIENT_SECRET];
    if (oidc.some(Boolean) && !oidc.every(Boolean)) {
      ctx.addIssue({
        code: "custom",
        path: ["AUTH_OIDC_ISSUER"],
        message:
          "single sign-on needs AUTH_OIDC_ISSUER, AUTH_OIDC_CLIENT_ID and AUTH_OIDC_CLIENT_SECRET together",
      });
    }
  });

export type Env = z.infer<typeof envSchema> & { dataDir: string; production: boolean };

let cached: Env | undefined;

/** Validates an environment; throws a message that names every wrong variable. */
export function parseEnv(source: Record<string, string | undefined>): Env {
  const parsed = envSchema.safeParse(source);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((i) => `  ${i.path.join(".")}: ${i.message}`);
    throw new Error(`Invalid environment configuration:\n${lines.join("\n")}`);
  }
  return {
    ...parsed.data,
    dataDir: path.resolve(/*turbopackIgnore: true*/ parsed.data.PREFLIGHT_DATA_DIR ?? "data"),
    production: parsed.data.NODE_ENV === "production",
  };
}

/** Reads and validates the environment once; a bad value stops the app with a message naming it. */
export function getEnv(): Env {
  cached ??= parseEnv(process.env);
  return cached;
}

/** Forgets the validated environment, so the next getEnv() reads it again (tests change it). */
export function resetEnv(): void {
  cached = undefined;
}

/** The configured OIDC provider, or null when single sign-on is not set up. */
export function getOidcConfig() {
  const env = getEnv();
  if (!env.AUTH_OIDC_ISSUER || !env.AUTH_OIDC_CLIENT_ID || !env.AUTH_OIDC_CLIENT_SECRET) {
    return null;
  }
  return {
    issuer: env.AUTH_OIDC_ISSUER,
    clientId: env.AUTH_OIDC_CLIENT_ID,
    clientSecret: env.AUTH_OIDC_CLIENT_SECRET,
    name: env.AUTH_OIDC_NAME ?? "Single sign-on",
  };
}

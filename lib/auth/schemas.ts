import { z } from "zod";
import { singleLine } from "@/lib/text";
import { PASSWORD_MAX, PASSWORD_MIN } from "./password";

export const emailSchema = z
  .string()
  .trim()
  .min(1, "Enter your email address.")
  .max(320, "That email address is too long.")
  .pipe(z.email("Enter a valid email address, like name@company.com."));

export const newPasswordSchema = z
  .string()
  .min(PASSWORD_MIN, `Use at least ${PASSWORD_MIN} characters.`)
  .max(PASSWORD_MAX, `Use at most ${PASSWORD_MAX} characters.`);

export const personNameSchema = singleLine()
  .min(1, "Enter your name.")
  .max(100, "Use at most 100 characters.");

export const organisationNameSchema = singleLine()
  .min(2, "Give the organisation a name of at least 2 characters.")
  .max(80, "Use at most 80 characters.");

export const signInSchema = z.object({
  email: emailSchema,
  password: z.string().min(1, "Enter your password.").max(PASSWORD_MAX),
  callbackUrl: z.string().optional(),
});

export const signUpSchema = z.object({
  name: personNameSchema,
  email: emailSchema,
  password: newPasswordSchema,
  organisationName: organisationNameSchema,
});

export const inviteSignUpSchema = signUpSchema.omit({ organisationName: true });

/** Only a path on this site is followed after sign-in; any host in the value is dropped. */
export function safeCallbackUrl(value: string | null | undefined): string {
  if (!value) return "/";
  try {
    const url = new URL(value, "http://preflight.invalid");
    const path = `${url.pathname}${url.search}`;
    return path.startsWith("/") && !path.startsWith("//") ? path : "/";
  } catch {
    return "/";
  }
}

export const forgotPasswordSchema = z.object({ email: emailSchema });

/** Links sent by email: a prefix and 43 characters of base64url. */
export const emailLinkTokenSchema = z.string().regex(/^[a-z]{3}_[A-Za-z0-9_-]{20,100}$/);

export const resetPasswordSchema = z.object({
  token: emailLinkTokenSchema,
  password: newPasswordSchema,
});

export const changePasswordSchema = z.object({
  currentPassword: z.string().min(1, "Enter your current password.").max(PASSWORD_MAX),
  newPassword: newPasswordSchema,
});

import { createHash, randomBytes } from "node:crypto";

/** SHA-256 of a secret, hex: what we store instead of tokens and invitation links. */
export function sha256(value: string): string {
  return createHash("sha256").update(value).digest("hex");
}

/** A URL-safe random secret with a recognisable prefix. */
export function randomSecret(prefix: string, bytes = 32): string {
  return `${prefix}${randomBytes(bytes).toString("base64url")}`;
}

import { authenticateApiToken, type TokenAuthentication } from "@/db/queries/api-tokens";
import type { MemberContext } from "@/lib/domain/permissions";
import { AppError } from "@/lib/errors";

/**
 * API requests authenticate with a bearer token: it resolves to its organisation and to at
 * most its creator's current role. Authorization still happens in each query.
 */

const RENEW = "Create a new one in Settings → API tokens.";

/** Why a token was refused, in words its holder can act on. */
function refusal(result: Extract<TokenAuthentication, { ok: false }>): string {
  switch (result.reason) {
    case "unknown":
      return "The API token is not recognised. Check that it was copied whole.";
    case "revoked":
      return `The API token has been revoked. ${RENEW}`;
    case "expired":
      return `The API token expired on ${result.expiresAt?.toISOString() ?? "an earlier date"}. ${RENEW}`;
    case "creator_removed":
      return `The API token no longer works: the person who created it is no longer a member of this organisation. ${RENEW}`;
    case "creator_demoted":
      return `The API token no longer works: the role of the person who created it is now below the token's role. ${RENEW}`;
    case "creator_disabled":
      return `The API token no longer works: the account of the person who created it is disabled. ${RENEW}`;
  }
}

/** Resolves the bearer token of a request to its organisation and role. */
export async function authenticateBearer(request: Request): Promise<MemberContext> {
  const header = request.headers.get("authorization") ?? "";
  const match = /^Bearer\s+(\S+)$/i.exec(header);
  if (!match?.[1]) {
    throw new AppError("unauthorized", "Send an API token as `Authorization: Bearer <token>`.");
  }
  const result = await authenticateApiToken(match[1]);
  if (!result.ok) {
    throw new AppError("unauthorized", refusal(result), undefined, { reason: result.reason });
  }
  return result.ctx;
}

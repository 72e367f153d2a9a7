import { can } from "../permissions";
import type { PilotStatus } from "../pilots";
import type { Role } from "../roles";
import { STAGE_LABELS, type Stage } from "../stages";
import type { CriterionResult } from "./index";

/**
 * Where a request to override a failing gate stands. With "overrides need a second approver"
 * on, an override promotion waits as a pending request until another owner or admin approves
 * (and so performs) or rejects it, or the requester withdraws it.
 */
export const OVERRIDE_REQUEST_STATUSES = ["pending", "approved", "rejected", "withdrawn"] as const;
export type OverrideRequestStatus = (typeof OVERRIDE_REQUEST_STATUSES)[number];
export const OVERRIDE_REQUEST_STATUS_LABELS: Record<OverrideRequestStatus, string> = {
  pending: "Waiting for approval",
  approved: "Approved",
  rejected: "Rejected",
  withdrawn: "Withdrawn",
};

export const OVERRIDE_DECISIONS = ["approve", "reject", "withdraw"] as const;
export type OverrideDecision = (typeof OVERRIDE_DECISIONS)[number];

/** A rejection says why, so the requester knows what to fix. */
export const MIN_REJECTION_NOTE = 10;

export type OverrideRefusal = {
  code: "forbidden" | "conflict" | "invalid_input";
  message: string;
  field?: "note";
};

/**
 * Who may decide an override request: another owner or admin approves or rejects it (never
 * the person who asked, nor a token of theirs), with a note when rejecting; only the
 * requester withdraws it; and only while it is pending. Returns why not, or null.
 */
export function overrideDecisionRefusal(input: {
  decision: OverrideDecision;
  status: OverrideRequestStatus;
  requesterKey: string;
  deciderKey: string;
  deciderRole: Role;
  note?: string | null;
}): OverrideRefusal | null {
  if (input.status !== "pending") {
    return {
      code: "conflict",
      message: `This override request is already ${OVERRIDE_REQUEST_STATUS_LABELS[input.status].toLowerCase()}: nothing more can be decided on it.`,
    };
  }
  const ownRequest = input.requesterKey === input.deciderKey;
  if (input.decision === "withdraw") {
    return ownRequest
      ? null
      : {
          code: "forbidden",
          message: "Only the person who asked for an override can withdraw it.",
        };
  }
  if (!can({ role: input.deciderRole }, "pilot:override")) {
    return { code: "forbidden", message: "Only an owner or admin can decide on an override." };
  }
  if (ownRequest) {
    return {
      code: "forbidden",
      message:
        "You asked for this override: another owner or admin must approve or reject it. You can withdraw it.",
    };
  }
  if (input.decision === "reject" && (input.note?.trim().length ?? 0) < MIN_REJECTION_NOTE) {
    return {
      code: "invalid_input",
      message: `Say why you reject it, in at least ${MIN_REJECTION_NOTE} characters: the requester sees it.`,
      field: "note",
    };
  }
  return null;
}

/**
 * Why an override request no longer applies to the pilot as it is now, or null. It was asked
 * for one promotion of one version of the pilot: any change since (a move, an edit, a pause)
 * means the approver would be approving something else.
 */
export function overrideRequestStaleness(
  request: { fromStage: Stage; pilotVersion: number },
  pilot: { stage: Stage; status: PilotStatus; version: number },
): string | null {
  if (pilot.stage !== request.fromStage) {
    return `The pilot has moved to ${STAGE_LABELS[pilot.stage].toLowerCase()} since this override was asked for: it no longer applies. Ask again if it is still needed.`;
  }
  if (pilot.status !== "active") {
    return `The pilot is ${pilot.status} now: this override no longer applies.`;
  }
  if (pilot.version !== request.pilotVersion) {
    return `The pilot has changed since this override was asked for (version ${request.pilotVersion}, now ${pilot.version}): it no longer applies. Ask again if it is still needed.`;
  }
  return null;
}

/** Criteria failing now that were not failing (so not shown to the approver) when asked. */
export function newlyFailing(
  asked: readonly Pick<CriterionResult, "kind">[],
  now: readonly CriterionResult[],
): CriterionResult[] {
  return now.filter((c) => !c.pass && !asked.some((a) => a.kind === c.kind));
}

/** An override request as read from the database, with its people's names. */
export type OverrideRequestDto = {
  id: string;
  pilotId: string;
  fromStage: Stage;
  toStage: Stage;
  pilotVersion: number;
  justification: string;
  failing: CriterionResult[];
  /** The user who asked (for a token, its creator), or null. */
  requestedBy: string | null;
  requestedByName: string | null;
  requestedByLabel: string;
  requestedAt: Date;
  status: OverrideRequestStatus;
  decidedByName: string | null;
  decidedByLabel: string | null;
  decidedAt: Date | null;
  decisionNote: string | null;
  version: number;
  /** Why it can no longer be approved (the pilot changed since), or null. Pending ones only. */
  staleReason: string | null;
};

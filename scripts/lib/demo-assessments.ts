import { eq } from "drizzle-orm";
import { db } from "@/db";
import { saveAnswers, startAssessment, submitAssessment } from "@/db/queries/assessments";
import { assessments } from "@/db/schema";
import type { MemberContext } from "@/lib/domain/permissions";
import {
  type AnswerInput,
  CURRENT_QUESTION_BANK_VERSION,
  getQuestionBank,
} from "@/lib/domain/question-bank";

export type Profile = {
  /** Typical answer strength, 0–4: the option closest to it is chosen. */
  level: number;
  /** Specific answers: an option id, or "dk" for "don't know". */
  overrides?: Record<string, string>;
  /** Every n-th answer carries evidence. */
  evidenceEvery?: number;
  /** How many days ago it was submitted. */
  daysAgo: number;
};

/** The answers a profile gives on the current question bank. */
export function answersFor(profile: Profile): AnswerInput[] {
  return getQuestionBank(CURRENT_QUESTION_BANK_VERSION)!.questions.map((q, i): AnswerInput => {
    const override = profile.overrides?.[q.id];
    const evidence =
      profile.evidenceEvery && i % profile.evidenceEvery === 0
        ? `Readiness workshop notes, DOC-${200 + i}`
        : undefined;
    if (override === "dk") return { questionId: q.id, dontKnow: true };
    if (override) return { questionId: q.id, optionId: override, evidence };
    const option = [...q.options].sort(
      (a, b) =>
        Math.abs(a.score - profile.level) - Math.abs(b.score - profile.level) || a.score - b.score,
    )[0]!;
    return { questionId: q.id, optionId: option.id, evidence };
  });
}

/** Demo assessments per use case name, oldest first. */
export const DEMO_ASSESSMENTS: Record<string, Profile[]> = {
  "Support ticket triage": [
    { level: 2, daysAgo: 120, evidenceEvery: 4, overrides: { obs_real_accuracy: "real_sample" } },
    {
      level: 3.4,
      daysAgo: 20,
      evidenceEvery: 2,
      overrides: { int_request_limits: "within", hand_capacity: "normal_only" },
    },
  ],
  "Refunds under 100 EUR": [
    {
      level: 3,
      daysAgo: 35,
      evidenceEvery: 3,
      overrides: { perm_approval_gate: "informal", int_idempotency: "no" },
    },
  ],
  "Warehouse access requests": [
    {
      level: 1,
      // Older than the review interval: the dashboard asks for a re-assessment.
      daysAgo: 200,
      overrides: {
        perm_service_account: "personal_or_admin",
        hand_owner: "dk",
        process_key_person: "only_one",
      },
    },
  ],
  // The team vouched for the tracking data; the pilot showed the cache behind it was hours old
  // (the demo's lesson).
  "Delivery ETA replies": [
    {
      level: 2.8,
      daysAgo: 40,
      evidenceEvery: 3,
      overrides: {
        data_freshness: "live_checked",
        data_source_of_truth: "documented",
        data_identity_matching: "shared_id",
        data_quality_measured: "measured_tracked",
        data_renames: "process",
        data_realistic_test: "realistic",
      },
    },
  ],
  "Customs document pre-check": [{ level: 2.2, daysAgo: 14, evidenceEvery: 4 }],
  "Carrier invoice reconciliation": [
    {
      level: 3,
      daysAgo: 10,
      evidenceEvery: 5,
      overrides: { obs_real_accuracy: "demo", data_source_of_truth: "informal" },
    },
  ],
};

/** Submits the demo assessments of a use case (with realistic dates), unless it already has some. */
export async function seedDemoAssessments(
  ctx: MemberContext,
  useCaseId: string,
  name: string,
): Promise<number> {
  const profiles = DEMO_ASSESSMENTS[name] ?? [];
  for (const profile of profiles) {
    const { id } = await startAssessment(ctx, useCaseId);
    await saveAnswers(ctx, id, answersFor(profile));
    await submitAssessment(ctx, id);
    const at = new Date(Date.now() - profile.daysAgo * 86_400_000);
    // Fixture dates only: spreads the demo history over the past months.
    await db
      .update(assessments)
      .set({ createdAt: new Date(at.getTime() - 3 * 86_400_000), submittedAt: at })
      .where(eq(assessments.id, id));
  }
  return profiles.length;
}

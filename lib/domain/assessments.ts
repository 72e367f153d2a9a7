/** Where an assessment stands: being answered, or submitted and scored. */
export type AssessmentStatus = "in_progress" | "submitted";

/** An assessment as lists show it: its use case, scores, who started it and how far it got. */
export type AssessmentSummary = {
  id: string;
  useCaseId: string;
  useCaseName: string;
  bankVersion: string;
  status: AssessmentStatus;
  overall: number | null;
  band: string | null;
  confidence: number | null;
  createdByName: string | null;
  createdAt: Date;
  submittedAt: Date | null;
  answered: number;
};

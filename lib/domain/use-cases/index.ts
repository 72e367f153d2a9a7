/** Where a candidate workflow stands overall (archiving is separate and reversible). */
export const USE_CASE_STATUSES = [
  "candidate",
  "assessing",
  "piloting",
  "in_production",
  "on_hold",
] as const;

export type UseCaseStatus = (typeof USE_CASE_STATUSES)[number];

export const USE_CASE_STATUS_LABELS: Record<UseCaseStatus, string> = {
  candidate: "Candidate",
  assessing: "Being assessed",
  piloting: "In pilot",
  in_production: "In production",
  on_hold: "On hold",
};

export const BUSINESS_VALUE_LABELS: Record<number, string> = {
  1: "1 · Marginal",
  2: "2 · Useful",
  3: "3 · Meaningful",
  4: "4 · Major",
  5: "5 · Strategic",
};

import type { InventoryAction } from "./actions";
import { STAGES, type Stage } from "./stages";

export type ApprovalDecision = "auto" | "approval" | "off_limits";

export const APPROVAL_LABELS: Record<ApprovalDecision, string> = {
  auto: "Runs automatically",
  approval: "Needs a person's approval",
  off_limits: "Off-limits",
};

export type ApprovalCell = { decision: ApprovalDecision; reason: string };

type Rule = {
  stages: readonly Stage[];
  applies: (a: InventoryAction) => boolean;
  decision: ApprovalDecision;
  reason: string;
};

const HIGH_STAKES = (a: InventoryAction) =>
  a.blastRadius === "money" ||
  a.blastRadius === "security_access" ||
  a.blastRadius === "many_customers";
const writes = (a: InventoryAction) => a.access === "write";

/**
 * The approval rules, in order: the first rule that applies to a stage and an action decides
 * the cell. Kept as data so that every cell can name the rule behind it.
 */
export const APPROVAL_RULES: readonly Rule[] = [
  {
    stages: ["proposed"],
    applies: () => true,
    decision: "off_limits",
    reason: "Nothing runs until the pilot starts.",
  },
  {
    stages: ["sandbox"],
    applies: () => true,
    decision: "auto",
    reason: "In the sandbox it runs freely, but only against test systems and test data.",
  },
  {
    stages: ["shadow", "supervised", "limited_production", "production"],
    applies: (a) => !writes(a),
    decision: "auto",
    reason: "Reading changes nothing, so it may run automatically.",
  },
  {
    stages: ["shadow"],
    applies: writes,
    decision: "off_limits",
    reason: "In shadow mode the AI only proposes; a person carries out every change.",
  },
  {
    stages: ["supervised"],
    applies: writes,
    decision: "approval",
    reason: "While supervised, a person approves every change before it runs.",
  },
  {
    stages: ["limited_production", "production"],
    applies: (a) =>
      writes(a) &&
      a.reversibility === "irreversible" &&
      (a.blastRadius === "money" || a.blastRadius === "security_access"),
    decision: "approval",
    reason: "Irreversible actions on money or access always need a person's approval.",
  },
  {
    stages: ["limited_production"],
    applies: (a) => writes(a) && (a.reversibility !== "reversible" || HIGH_STAKES(a)),
    decision: "approval",
    reason:
      "In limited production, changes that are hard to undo or reach widely still need approval.",
  },
  {
    stages: ["production"],
    applies: (a) => writes(a) && a.reversibility !== "reversible" && HIGH_STAKES(a),
    decision: "approval",
    reason:
      "Hard-to-undo changes to money, access or many customers keep an approval step in production.",
  },
  {
    stages: ["limited_production", "production"],
    applies: writes,
    decision: "auto",
    reason: "A contained change that can be undone may run automatically at this stage.",
  },
];

/** One action's row of the matrix: its decision and reason at each stage. */
export type ApprovalMatrixRow = { action: InventoryAction; cells: Record<Stage, ApprovalCell> };

/** For every stage, whether each action runs automatically, needs approval, or is off-limits, and why. */
export function deriveApprovalMatrix(actions: readonly InventoryAction[]): ApprovalMatrixRow[] {
  return actions.map((action) => {
    const cells = {} as Record<Stage, ApprovalCell>;
    for (const stage of STAGES) {
      const rule = APPROVAL_RULES.find((r) => r.stages.includes(stage) && r.applies(action));
      cells[stage] = rule
        ? { decision: rule.decision, reason: rule.reason }
        : { decision: "off_limits", reason: "No rule allows it at this stage." };
    }
    return { action, cells };
  });
}

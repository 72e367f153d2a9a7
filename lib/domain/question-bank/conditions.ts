import type { InventoryAction } from "../actions";
import type { AnswerInput, Condition, InventoryFact } from "./types";

/** The facts of an inventory that conditions can test. */
export function inventoryFacts(inventory: readonly InventoryAction[]): Set<InventoryFact> {
  const facts = new Set<InventoryFact>();
  for (const a of inventory) {
    if (a.access !== "write") continue;
    facts.add("writes_anywhere");
    if (a.blastRadius === "money") facts.add("moves_money");
    if (a.blastRadius === "security_access") facts.add("changes_access");
    if (a.blastRadius === "many_customers") facts.add("affects_many_customers");
    const highStakes = a.blastRadius === "money" || a.blastRadius === "security_access";
    if (a.blastRadius === "one_customer" || a.blastRadius === "many_customers")
      facts.add("has_customer_facing_write");
    if (a.reversibility !== "reversible") {
      facts.add("has_hard_to_undo_write");
      if (highStakes) facts.add("has_hard_to_undo_money_or_access_write");
      if (a.blastRadius === "many_customers") facts.add("has_hard_to_undo_many_customer_write");
    }
    if (a.reversibility === "irreversible") {
      facts.add("has_irreversible_write");
      if (a.blastRadius === "money" || a.blastRadius === "security_access") {
        facts.add("has_irreversible_money_or_security_write");
      }
    }
  }
  return facts;
}

/** Answers by question id. */
export function answerMap(answers: readonly AnswerInput[]): Map<string, AnswerInput> {
  return new Map(answers.map((a) => [a.questionId, a]));
}

/**
 * Whether a condition holds for these answers and inventory facts. With `unknownTriggers`
 * false, an unknown parent answer never makes a condition hold (used to tell questions that
 * apply for certain from those that apply only because something is not known).
 */
export function evaluateCondition(
  condition: Condition,
  answers: ReadonlyMap<string, AnswerInput>,
  facts: ReadonlySet<InventoryFact>,
  unknownTriggers = true,
): boolean {
  if ("all" in condition)
    return condition.all.every((c) => evaluateCondition(c, answers, facts, unknownTriggers));
  if ("any" in condition)
    return condition.any.some((c) => evaluateCondition(c, answers, facts, unknownTriggers));
  if ("inventory" in condition) return facts.has(condition.inventory);
  const answer = answers.get(condition.question);
  if (!answer || answer.dontKnow) return unknownTriggers && condition.orDontKnow === true;
  return condition.anyOf.includes(answer.optionId);
}

/** Plain-English rendering of a condition, for traces and help. */
export function describeCondition(condition: Condition): string {
  if ("all" in condition) return condition.all.map(describeCondition).join(" and ");
  if ("any" in condition) return condition.any.map(describeCondition).join(" or ");
  if ("inventory" in condition)
    return `the inventory ${INVENTORY_FACT_LABELS[condition.inventory]}`;
  const options = condition.anyOf.join(", ");
  return `question ${condition.question} is answered ${options}${condition.orDontKnow ? " (or not known)" : ""}`;
}

export const INVENTORY_FACT_LABELS: Record<InventoryFact, string> = {
  writes_anywhere: "includes an action that writes",
  moves_money: "includes an action that moves money",
  changes_access: "includes an action that changes security or access",
  affects_many_customers: "includes an action that affects many customers",
  has_irreversible_write: "includes an irreversible write",
  has_irreversible_money_or_security_write: "includes an irreversible action on money or access",
  has_hard_to_undo_write: "includes a write that is hard or impossible to undo",
  has_hard_to_undo_money_or_access_write:
    "includes an action on money or access that is hard or impossible to undo",
  has_hard_to_undo_many_customer_write:
    "includes an action affecting many customers that is hard or impossible to undo",
  has_customer_facing_write: "includes a write that reaches customers",
};

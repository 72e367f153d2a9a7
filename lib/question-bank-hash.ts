import { createHash } from "node:crypto";
import type { QuestionBank } from "@/lib/domain/question-bank/types";

function stable(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(stable);
  if (value && typeof value === "object") {
    return Object.fromEntries(
      Object.keys(value)
        .sort()
        .map((k) => [k, stable((value as Record<string, unknown>)[k])]),
    );
  }
  return value;
}

/** A content hash of a question bank: proves a shipped version never changes. */
export function questionBankHash(bank: QuestionBank): string {
  return createHash("sha256")
    .update(JSON.stringify(stable(bank)))
    .digest("hex");
}

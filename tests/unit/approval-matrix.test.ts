import { describe, expect, test } from "vitest";
import type { InventoryAction } from "@/lib/domain/actions";
import { type ApprovalDecision, deriveApprovalMatrix } from "@/lib/domain/approval-matrix";
import type { Stage } from "@/lib/domain/stages";

const action = (patch: Partial<InventoryAction>): InventoryAction => ({
  id: "a",
  name: "Action",
  system: "CRM",
  access: "write",
  reversibility: "reversible",
  blastRadius: "one_record",
  frequency: "daily",
  ...patch,
});

type Decisions = Record<Stage, ApprovalDecision>;
type Row = [string, Partial<InventoryAction>, Decisions];

/** A write is off limits before the sandbox and in shadow, and needs approval in supervised. */
const writeDecisions = (
  production: Pick<Decisions, "limited_production" | "production">,
): Decisions => ({
  proposed: "off_limits",
  sandbox: "auto",
  shadow: "off_limits",
  supervised: "approval",
  ...production,
});

const table: Row[] = [
  [
    "read a record",
    { access: "read" },
    {
      proposed: "off_limits",
      sandbox: "auto",
      shadow: "auto",
      supervised: "auto",
      limited_production: "auto",
      production: "auto",
    },
  ],
  [
    "update one record (reversible)",
    {},
    writeDecisions({ limited_production: "auto", production: "auto" }),
  ],
  [
    "issue a refund (irreversible, money)",
    { reversibility: "irreversible", blastRadius: "money" },
    writeDecisions({ limited_production: "approval", production: "approval" }),
  ],
  [
    "grant access (irreversible, security)",
    { reversibility: "irreversible", blastRadius: "security_access" },
    writeDecisions({ limited_production: "approval", production: "approval" }),
  ],
  [
    "email one customer (irreversible, one customer)",
    { reversibility: "irreversible", blastRadius: "one_customer" },
    writeDecisions({ limited_production: "approval", production: "auto" }),
  ],
  [
    "bulk update many customers (hard to reverse)",
    { reversibility: "hard_to_reverse", blastRadius: "many_customers" },
    writeDecisions({ limited_production: "approval", production: "approval" }),
  ],
  [
    "reversible change touching money",
    { blastRadius: "money" },
    writeDecisions({ limited_production: "approval", production: "auto" }),
  ],
];

describe("approval matrix", () => {
  test.each(table)("%s", (_name, patch, expected) => {
    const [row] = deriveApprovalMatrix([action(patch)]);
    const decisions = Object.fromEntries(
      Object.entries(row!.cells).map(([stage, cell]) => [stage, cell.decision]),
    );
    expect(decisions).toEqual(expected);
    for (const cell of Object.values(row!.cells)) expect(cell.reason.length).toBeGreaterThan(10);
  });

  test("irreversible money or access actions never run automatically outside the sandbox", () => {
    for (const blastRadius of ["money", "security_access"] as const) {
      const [row] = deriveApprovalMatrix([action({ reversibility: "irreversible", blastRadius })]);
      for (const [stage, cell] of Object.entries(row!.cells)) {
        if (stage !== "sandbox") expect(cell.decision, stage).not.toBe("auto");
      }
    }
  });
});

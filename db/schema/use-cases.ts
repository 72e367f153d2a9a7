import { sql } from "drizzle-orm";
import {
  bigint,
  index,
  jsonb,
  pgEnum,
  pgTable,
  smallint,
  text,
  timestamp,
  uuid,
} from "drizzle-orm/pg-core";
import { ACTION_ACCESS, BLAST_RADIUS, FREQUENCY, REVERSIBILITY } from "@/lib/domain/actions";
import { USE_CASE_STATUSES } from "@/lib/domain/use-cases";
import { users } from "./auth";
import { id, timestamps, version } from "./columns";
import { orgIdColumn } from "./organisations";

export const caseStatusEnum = pgEnum("use_case_status", USE_CASE_STATUSES);

export const useCases = pgTable(
  "use_cases",
  {
    id: id(),
    orgId: orgIdColumn(),
    name: text("name").notNull(),
    description: text("description").notNull().default(""),
    ownerId: uuid("owner_id").references(() => users.id, { onDelete: "set null" }),
    /** 1 (marginal) to 5 (strategic). */
    businessValue: smallint("business_value").notNull(),
    /** Optional estimate of the annual value, in whole currency units. */
    annualValue: bigint("annual_value", { mode: "number" }),
    systems: jsonb("systems").$type<string[]>().notNull().default([]),
    status: caseStatusEnum("status").notNull().default("candidate"),
    archivedAt: timestamp("archived_at", { withTimezone: true }),
    version: version(),
    ...timestamps,
  },
  (t) => [
    index("use_cases_org_active_idx")
      .on(t.orgId, t.updatedAt.desc())
      .where(sql`${t.archivedAt} is null`),
    index("use_cases_org_status_idx").on(t.orgId, t.status),
    index("use_cases_owner_idx").on(t.ownerId),
  ],
);

export const actionAccessEnum = pgEnum("action_access", ACTION_ACCESS);
export const reversibilityEnum = pgEnum("reversibility", REVERSIBILITY);
export const blastRadiusEnum = pgEnum("blast_radius", BLAST_RADIUS);
export const frequencyEnum = pgEnum("action_frequency", FREQUENCY);

/** The action inventory: every action the AI would take in a use case. */
export const inventoryActions = pgTable(
  "inventory_actions",
  {
    id: id(),
    orgId: orgIdColumn(),
    useCaseId: uuid("use_case_id")
      .notNull()
      .references(() => useCases.id, { onDelete: "cascade" }),
    name: text("name").notNull(),
    system: text("system").notNull(),
    access: actionAccessEnum("access").notNull(),
    reversibility: reversibilityEnum("reversibility").notNull(),
    blastRadius: blastRadiusEnum("blast_radius").notNull(),
    frequency: frequencyEnum("frequency").notNull(),
    version: version(),
    ...timestamps,
  },
  (t) => [
    index("inventory_actions_use_case_idx").on(t.useCaseId, t.createdAt),
    index("inventory_actions_org_idx").on(t.orgId),
  ],
);

export type UseCase = typeof useCases.$inferSelect;
export type InventoryActionRow = typeof inventoryActions.$inferSelect;

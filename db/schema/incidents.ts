import { sql } from "drizzle-orm";
import {
  bigint,
  date,
  doublePrecision,
  index,
  integer,
  jsonb,
  pgEnum,
  pgTable,
  text,
  timestamp,
  unique,
  uniqueIndex,
  uuid,
} from "drizzle-orm/pg-core";
import {
  DETECTION_SOURCES,
  INCIDENT_CATEGORIES,
  type IncidentAction,
  OUTCOMES,
  SEVERITIES,
} from "@/lib/domain/incidents";
import { users } from "./auth";
import { id, timestamps, version } from "./columns";
import { orgIdColumn } from "./organisations";
import { pilotAssumptions, pilots, stageEnum } from "./pilots";

export const severityEnum = pgEnum("severity", SEVERITIES);
export const incidentCategoryEnum = pgEnum("incident_category", INCIDENT_CATEGORIES);
export const detectionSourceEnum = pgEnum("detection_source", DETECTION_SOURCES);
export const outcomeEnum = pgEnum("incident_outcome", OUTCOMES);

export const incidents = pgTable(
  "incidents",
  {
    id: id(),
    orgId: orgIdColumn(),
    pilotId: uuid("pilot_id").references(() => pilots.id, { onDelete: "set null" }),
    title: text("title").notNull(),
    description: text("description").notNull().default(""),
    severity: severityEnum("severity").notNull(),
    category: incidentCategoryEnum("category").notNull(),
    detectionSource: detectionSourceEnum("detection_source").notNull(),
    outcome: outcomeEnum("outcome").notNull(),
    /** The pilot's stage when it happened. */
    stage: stageEnum("stage"),
    startedAt: timestamp("started_at", { withTimezone: true }).notNull(),
    detectedAt: timestamp("detected_at", { withTimezone: true }),
    acknowledgedAt: timestamp("acknowledged_at", { withTimezone: true }),
    mitigatedAt: timestamp("mitigated_at", { withTimezone: true }),
    resolvedAt: timestamp("resolved_at", { withTimezone: true }),
    /** How it was resolved, written by whoever resolved it; cleared when it is reopened. */
    resolutionNote: text("resolution_note"),
    /** Estimated cost in whole currency units. */
    costEstimate: bigint("cost_estimate", { mode: "number" }),
    assumptionId: uuid("assumption_id").references(() => pilotAssumptions.id, {
      onDelete: "set null",
    }),
    actions: jsonb("actions").$type<IncidentAction[]>().notNull().default([]),
    /** The id a pager or ticketing system knows it by (webhook deduplication). */
    externalId: text("external_id"),
    createdBy: uuid("created_by").references(() => users.id, { onDelete: "set null" }),
    version: version(),
    ...timestamps,
  },
  (t) => [
    // Keyset paging orders by (started_at, id) descending: scanned backwards, one index
    // serves every page of the list.
    index("incidents_org_started_id_idx").on(t.orgId, t.startedAt, t.id),
    index("incidents_pilot_started_id_idx").on(t.pilotId, t.startedAt, t.id),
    // Search (ILIKE '%…%') through trigram indexes, so it does not scan the whole log.
    index("incidents_title_trgm_idx").using("gin", t.title.op("gin_trgm_ops")),
    index("incidents_description_trgm_idx").using("gin", t.description.op("gin_trgm_ops")),
    index("incidents_org_open_idx")
      .on(t.orgId, t.pilotId, t.severity)
      .where(sql`${t.resolvedAt} is null`),
    index("incidents_org_category_idx").on(t.orgId, t.category, t.startedAt),
    index("incidents_org_severity_idx").on(t.orgId, t.severity, t.startedAt),
    index("incidents_assumption_idx").on(t.assumptionId),
    index("incidents_created_by_idx").on(t.createdBy),
    uniqueIndex("incidents_org_external_idx")
      .on(t.orgId, t.externalId)
      .where(sql`${t.externalId} is not null`),
  ],
);

export type Incident = typeof incidents.$inferSelect;

/**
 * Incidents summed per organisation, pilot, UTC day of the start and stage at the time, kept
 * up to date in the transaction of every incident write (db/queries/incident-rollups.ts).
 * Whole-organisation metrics read these rows instead of every incident. Durations are kept
 * as every incident's value (minutes) so medians and 90th percentiles stay exact.
 */
export const incidentDailyRollups = pgTable(
  "incident_daily_rollups",
  {
    orgId: orgIdColumn(),
    /** Null for incidents logged organisation-wide. */
    pilotId: uuid("pilot_id"),
    day: date("day").notNull(),
    stage: stageEnum("stage"),
    incidents: integer("incidents").notNull().default(0),
    open: integer("open").notNull().default(0),
    sev1: integer("sev1").notNull().default(0),
    sev2: integer("sev2").notNull().default(0),
    sev3: integer("sev3").notNull().default(0),
    sev4: integer("sev4").notNull().default(0),
    prevented: integer("prevented").notNull().default(0),
    contained: integer("contained").notNull().default(0),
    customerImpact: integer("customer_impact").notNull().default(0),
    financialImpact: integer("financial_impact").notNull().default(0),
    /** Incidents per category, in the order of INCIDENT_CATEGORIES. */
    byCategory: integer("by_category").array().notNull(),
    cost: bigint("cost", { mode: "number" }).notNull().default(0),
    ttd: doublePrecision("ttd").array().notNull(),
    tta: doublePrecision("tta").array().notNull(),
    ttm: doublePrecision("ttm").array().notNull(),
    ttr: doublePrecision("ttr").array().notNull(),
  },
  (t) => [
    unique("incident_daily_rollups_key").on(t.orgId, t.day, t.pilotId, t.stage).nullsNotDistinct(),
    index("incident_daily_rollups_pilot_idx").on(t.orgId, t.pilotId, t.day),
  ],
);

/**
 * The daily rollups of a whole organisation: the rows of incident_daily_rollups summed over
 * pilots (one row per organisation, UTC day and stage at the time), for reads of every pilot
 * at once. Maintained with them, in the same statements' transaction.
 */
export const incidentOrgDailyRollups = pgTable(
  "incident_org_daily_rollups",
  {
    orgId: orgIdColumn(),
    day: date("day").notNull(),
    stage: stageEnum("stage"),
    incidents: integer("incidents").notNull().default(0),
    open: integer("open").notNull().default(0),
    sev1: integer("sev1").notNull().default(0),
    sev2: integer("sev2").notNull().default(0),
    sev3: integer("sev3").notNull().default(0),
    sev4: integer("sev4").notNull().default(0),
    prevented: integer("prevented").notNull().default(0),
    contained: integer("contained").notNull().default(0),
    customerImpact: integer("customer_impact").notNull().default(0),
    financialImpact: integer("financial_impact").notNull().default(0),
    /** Incidents per category, in the order of INCIDENT_CATEGORIES. */
    byCategory: integer("by_category").array().notNull(),
    cost: bigint("cost", { mode: "number" }).notNull().default(0),
    ttd: doublePrecision("ttd").array().notNull(),
    tta: doublePrecision("tta").array().notNull(),
    ttm: doublePrecision("ttm").array().notNull(),
    ttr: doublePrecision("ttr").array().notNull(),
  },
  (t) => [unique("incident_org_daily_rollups_key").on(t.orgId, t.day, t.stage).nullsNotDistinct()],
);

/**
 * Each pilot's incidents of all time (one row per organisation and pilot): the by-pilot
 * breakdown of metrics without a date range, read without the pilot's daily rows.
 */
export const incidentPilotRollups = pgTable(
  "incident_pilot_rollups",
  {
    orgId: orgIdColumn(),
    /** Null for incidents logged organisation-wide. */
    pilotId: uuid("pilot_id"),
    incidents: integer("incidents").notNull().default(0),
    open: integer("open").notNull().default(0),
    ttr: doublePrecision("ttr").array().notNull(),
  },
  (t) => [unique("incident_pilot_rollups_key").on(t.orgId, t.pilotId).nullsNotDistinct()],
);

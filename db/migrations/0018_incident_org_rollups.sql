CREATE TABLE "incident_org_daily_rollups" (
	"org_id" uuid NOT NULL,
	"day" date NOT NULL,
	"stage" "stage",
	"incidents" integer DEFAULT 0 NOT NULL,
	"open" integer DEFAULT 0 NOT NULL,
	"sev1" integer DEFAULT 0 NOT NULL,
	"sev2" integer DEFAULT 0 NOT NULL,
	"sev3" integer DEFAULT 0 NOT NULL,
	"sev4" integer DEFAULT 0 NOT NULL,
	"prevented" integer DEFAULT 0 NOT NULL,
	"contained" integer DEFAULT 0 NOT NULL,
	"customer_impact" integer DEFAULT 0 NOT NULL,
	"financial_impact" integer DEFAULT 0 NOT NULL,
	"by_category" integer[] NOT NULL,
	"cost" bigint DEFAULT 0 NOT NULL,
	"ttd" double precision[] NOT NULL,
	"tta" double precision[] NOT NULL,
	"ttm" double precision[] NOT NULL,
	"ttr" double precision[] NOT NULL,
	CONSTRAINT "incident_org_daily_rollups_key" UNIQUE NULLS NOT DISTINCT("org_id","day","stage")
);
--> statement-breakpoint
CREATE TABLE "incident_pilot_rollups" (
	"org_id" uuid NOT NULL,
	"pilot_id" uuid,
	"incidents" integer DEFAULT 0 NOT NULL,
	"open" integer DEFAULT 0 NOT NULL,
	"ttr" double precision[] NOT NULL,
	CONSTRAINT "incident_pilot_rollups_key" UNIQUE NULLS NOT DISTINCT("org_id","pilot_id")
);
--> statement-breakpoint
ALTER TABLE "incident_org_daily_rollups" ADD CONSTRAINT "incident_org_daily_rollups_org_id_organisations_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."organisations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "incident_pilot_rollups" ADD CONSTRAINT "incident_pilot_rollups_org_id_organisations_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."organisations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
-- Existing incidents (the same queries as rebuildIncidentRollups in db/queries/incident-rollups.ts).
INSERT INTO "incident_org_daily_rollups" ("org_id", "day", "stage", "incidents", "open", "sev1", "sev2", "sev3", "sev4", "prevented", "contained", "customer_impact", "financial_impact", "by_category", "cost", "ttd", "tta", "ttm", "ttr")
select i.org_id, (i.started_at at time zone 'UTC')::date, i.stage, count(*)::int, count(*) filter (where i.resolved_at is null)::int, count(*) filter (where i.severity = 'sev1')::int, count(*) filter (where i.severity = 'sev2')::int, count(*) filter (where i.severity = 'sev3')::int, count(*) filter (where i.severity = 'sev4')::int, count(*) filter (where i.outcome = 'prevented')::int, count(*) filter (where i.outcome = 'contained')::int, count(*) filter (where i.outcome = 'customer_impact')::int, count(*) filter (where i.outcome = 'financial_impact')::int, array[count(*) filter (where i.category = 'stale_data')::int, count(*) filter (where i.category = 'identity_mismatch')::int, count(*) filter (where i.category = 'permission_overreach')::int, count(*) filter (where i.category = 'integration_failure')::int, count(*) filter (where i.category = 'partial_failure')::int, count(*) filter (where i.category = 'incorrect_output')::int, count(*) filter (where i.category = 'approval_bypass')::int, count(*) filter (where i.category = 'escalation_mishandled')::int, count(*) filter (where i.category = 'other')::int], coalesce(sum(i.cost_estimate), 0), coalesce(array_agg(date_part('epoch', i.detected_at - i.started_at) / 60.0::float8) filter (where date_part('epoch', i.detected_at - i.started_at) / 60.0::float8 is not null), '{}'), coalesce(array_agg(date_part('epoch', i.acknowledged_at - i.detected_at) / 60.0::float8) filter (where date_part('epoch', i.acknowledged_at - i.detected_at) / 60.0::float8 is not null), '{}'), coalesce(array_agg(date_part('epoch', i.mitigated_at - i.detected_at) / 60.0::float8) filter (where date_part('epoch', i.mitigated_at - i.detected_at) / 60.0::float8 is not null), '{}'), coalesce(array_agg(date_part('epoch', i.resolved_at - i.detected_at) / 60.0::float8) filter (where date_part('epoch', i.resolved_at - i.detected_at) / 60.0::float8 is not null), '{}') from incidents i where true group by i.org_id, (i.started_at at time zone 'UTC')::date, i.stage;
--> statement-breakpoint
INSERT INTO "incident_pilot_rollups" ("org_id", "pilot_id", "incidents", "open", "ttr")
select i.org_id, i.pilot_id, count(*)::int, count(*) filter (where i.resolved_at is null)::int, coalesce(array_agg(date_part('epoch', i.resolved_at - i.detected_at) / 60.0::float8) filter (where date_part('epoch', i.resolved_at - i.detected_at) / 60.0::float8 is not null), '{}') from incidents i where true group by i.org_id, i.pilot_id;

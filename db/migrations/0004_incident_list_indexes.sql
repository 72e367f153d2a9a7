-- Trigram indexes for incident search; pg_trgm ships with PostgreSQL (contrib) and PGlite.
CREATE EXTENSION IF NOT EXISTS pg_trgm;--> statement-breakpoint
DROP INDEX "incidents_org_started_idx";--> statement-breakpoint
DROP INDEX "incidents_pilot_started_idx";--> statement-breakpoint
CREATE INDEX "incidents_org_started_id_idx" ON "incidents" USING btree ("org_id","started_at","id");--> statement-breakpoint
CREATE INDEX "incidents_pilot_started_id_idx" ON "incidents" USING btree ("pilot_id","started_at","id");--> statement-breakpoint
CREATE INDEX "incidents_title_trgm_idx" ON "incidents" USING gin ("title" gin_trgm_ops);--> statement-breakpoint
CREATE INDEX "incidents_description_trgm_idx" ON "incidents" USING gin ("description" gin_trgm_ops);
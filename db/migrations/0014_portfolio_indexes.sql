DROP INDEX "pilot_assumptions_org_idx";--> statement-breakpoint
CREATE INDEX "assessments_org_latest_idx" ON "assessments" USING btree ("org_id","use_case_id","submitted_at" DESC NULLS LAST) WHERE "assessments"."status" = 'submitted';--> statement-breakpoint
CREATE INDEX "run_metrics_pilot_latest_idx" ON "run_metrics" USING btree ("pilot_id","period_start" DESC NULLS LAST);--> statement-breakpoint
CREATE INDEX "pilot_assumptions_org_idx" ON "pilot_assumptions" USING btree ("org_id","status");
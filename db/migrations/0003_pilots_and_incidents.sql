CREATE TYPE "public"."detection_source" AS ENUM('automated_check', 'human_reviewer', 'customer', 'audit');--> statement-breakpoint
CREATE TYPE "public"."incident_category" AS ENUM('stale_data', 'identity_mismatch', 'permission_overreach', 'integration_failure', 'partial_failure', 'incorrect_output', 'approval_bypass', 'escalation_mishandled', 'other');--> statement-breakpoint
CREATE TYPE "public"."incident_outcome" AS ENUM('prevented', 'contained', 'customer_impact', 'financial_impact');--> statement-breakpoint
CREATE TYPE "public"."severity" AS ENUM('sev1', 'sev2', 'sev3', 'sev4');--> statement-breakpoint
CREATE TYPE "public"."assumption_status" AS ENUM('open', 'verified', 'accepted_risk', 'broken');--> statement-breakpoint
CREATE TYPE "public"."metric_period" AS ENUM('day', 'week');--> statement-breakpoint
CREATE TYPE "public"."pilot_status" AS ENUM('active', 'paused', 'retired');--> statement-breakpoint
CREATE TYPE "public"."stage" AS ENUM('proposed', 'sandbox', 'shadow', 'supervised', 'limited_production', 'production');--> statement-breakpoint
CREATE TYPE "public"."transition_kind" AS ENUM('start', 'promote', 'rollback', 'pause', 'resume', 'retire');--> statement-breakpoint
CREATE TABLE "incidents" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"org_id" uuid NOT NULL,
	"pilot_id" uuid,
	"title" text NOT NULL,
	"description" text DEFAULT '' NOT NULL,
	"severity" "severity" NOT NULL,
	"category" "incident_category" NOT NULL,
	"detection_source" "detection_source" NOT NULL,
	"outcome" "incident_outcome" NOT NULL,
	"stage" "stage",
	"started_at" timestamp with time zone NOT NULL,
	"detected_at" timestamp with time zone,
	"acknowledged_at" timestamp with time zone,
	"mitigated_at" timestamp with time zone,
	"resolved_at" timestamp with time zone,
	"cost_estimate" bigint,
	"assumption_id" uuid,
	"actions" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"external_id" text,
	"created_by" uuid,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "idempotency_keys" (
	"org_id" uuid NOT NULL,
	"scope" text NOT NULL,
	"key" text NOT NULL,
	"request_hash" text NOT NULL,
	"status" integer NOT NULL,
	"response" jsonb NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "pilot_assumptions" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"org_id" uuid NOT NULL,
	"pilot_id" uuid NOT NULL,
	"question_id" text,
	"dimension_id" text,
	"text" text NOT NULL,
	"status" "assumption_status" DEFAULT 'open' NOT NULL,
	"evidence" text,
	"updated_by" uuid,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "pilot_signoffs" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"org_id" uuid NOT NULL,
	"pilot_id" uuid NOT NULL,
	"stage" "stage" NOT NULL,
	"criterion" text NOT NULL,
	"user_id" uuid NOT NULL,
	"role" "member_role" NOT NULL,
	"note" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "pilot_transitions" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"org_id" uuid NOT NULL,
	"pilot_id" uuid NOT NULL,
	"kind" "transition_kind" NOT NULL,
	"from_stage" "stage",
	"to_stage" "stage" NOT NULL,
	"actor_user_id" uuid,
	"actor_label" text NOT NULL,
	"reason" text,
	"overridden" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"gate" jsonb,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "pilots" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"org_id" uuid NOT NULL,
	"use_case_id" uuid NOT NULL,
	"assessment_id" uuid,
	"owner_id" uuid,
	"stage" "stage" NOT NULL,
	"status" "pilot_status" DEFAULT 'active' NOT NULL,
	"stage_entered_at" timestamp with time zone DEFAULT now() NOT NULL,
	"start_date" date NOT NULL,
	"target_date" date,
	"rollback_plan" text DEFAULT '' NOT NULL,
	"start_justification" text,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "run_metrics" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"org_id" uuid NOT NULL,
	"pilot_id" uuid NOT NULL,
	"period" "metric_period" NOT NULL,
	"period_start" date NOT NULL,
	"stage" "stage" NOT NULL,
	"attempted" integer NOT NULL,
	"correct" integer NOT NULL,
	"overrides" integer NOT NULL,
	"escalations" integer NOT NULL,
	"source" text NOT NULL,
	"recorded_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "run_metrics_counts_check" CHECK ("run_metrics"."attempted" >= 0 and "run_metrics"."correct" between 0 and "run_metrics"."attempted" and "run_metrics"."overrides" between 0 and "run_metrics"."attempted" and "run_metrics"."escalations" between 0 and "run_metrics"."attempted")
);
--> statement-breakpoint
ALTER TABLE "incidents" ADD CONSTRAINT "incidents_org_id_organisations_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."organisations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "incidents" ADD CONSTRAINT "incidents_pilot_id_pilots_id_fk" FOREIGN KEY ("pilot_id") REFERENCES "public"."pilots"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "incidents" ADD CONSTRAINT "incidents_assumption_id_pilot_assumptions_id_fk" FOREIGN KEY ("assumption_id") REFERENCES "public"."pilot_assumptions"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "incidents" ADD CONSTRAINT "incidents_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "idempotency_keys" ADD CONSTRAINT "idempotency_keys_org_id_organisations_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."organisations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "pilot_assumptions" ADD CONSTRAINT "pilot_assumptions_org_id_organisations_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."organisations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "pilot_assumptions" ADD CONSTRAINT "pilot_assumptions_pilot_id_pilots_id_fk" FOREIGN KEY ("pilot_id") REFERENCES "public"."pilots"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "pilot_assumptions" ADD CONSTRAINT "pilot_assumptions_updated_by_users_id_fk" FOREIGN KEY ("updated_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "pilot_signoffs" ADD CONSTRAINT "pilot_signoffs_org_id_organisations_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."organisations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "pilot_signoffs" ADD CONSTRAINT "pilot_signoffs_pilot_id_pilots_id_fk" FOREIGN KEY ("pilot_id") REFERENCES "public"."pilots"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "pilot_signoffs" ADD CONSTRAINT "pilot_signoffs_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "pilot_transitions" ADD CONSTRAINT "pilot_transitions_org_id_organisations_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."organisations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "pilot_transitions" ADD CONSTRAINT "pilot_transitions_pilot_id_pilots_id_fk" FOREIGN KEY ("pilot_id") REFERENCES "public"."pilots"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "pilot_transitions" ADD CONSTRAINT "pilot_transitions_actor_user_id_users_id_fk" FOREIGN KEY ("actor_user_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "pilots" ADD CONSTRAINT "pilots_org_id_organisations_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."organisations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "pilots" ADD CONSTRAINT "pilots_use_case_id_use_cases_id_fk" FOREIGN KEY ("use_case_id") REFERENCES "public"."use_cases"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "pilots" ADD CONSTRAINT "pilots_assessment_id_assessments_id_fk" FOREIGN KEY ("assessment_id") REFERENCES "public"."assessments"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "pilots" ADD CONSTRAINT "pilots_owner_id_users_id_fk" FOREIGN KEY ("owner_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "run_metrics" ADD CONSTRAINT "run_metrics_org_id_organisations_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."organisations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "run_metrics" ADD CONSTRAINT "run_metrics_pilot_id_pilots_id_fk" FOREIGN KEY ("pilot_id") REFERENCES "public"."pilots"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "run_metrics" ADD CONSTRAINT "run_metrics_recorded_by_users_id_fk" FOREIGN KEY ("recorded_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "incidents_org_started_idx" ON "incidents" USING btree ("org_id","started_at" DESC NULLS LAST,"id");--> statement-breakpoint
CREATE INDEX "incidents_pilot_started_idx" ON "incidents" USING btree ("pilot_id","started_at" DESC NULLS LAST);--> statement-breakpoint
CREATE INDEX "incidents_org_open_idx" ON "incidents" USING btree ("org_id","pilot_id","severity") WHERE "incidents"."resolved_at" is null;--> statement-breakpoint
CREATE INDEX "incidents_org_category_idx" ON "incidents" USING btree ("org_id","category","started_at");--> statement-breakpoint
CREATE INDEX "incidents_org_severity_idx" ON "incidents" USING btree ("org_id","severity","started_at");--> statement-breakpoint
CREATE INDEX "incidents_assumption_idx" ON "incidents" USING btree ("assumption_id");--> statement-breakpoint
CREATE INDEX "incidents_created_by_idx" ON "incidents" USING btree ("created_by");--> statement-breakpoint
CREATE UNIQUE INDEX "incidents_org_external_idx" ON "incidents" USING btree ("org_id","external_id") WHERE "incidents"."external_id" is not null;--> statement-breakpoint
CREATE UNIQUE INDEX "idempotency_keys_pk" ON "idempotency_keys" USING btree ("org_id","scope","key");--> statement-breakpoint
CREATE INDEX "pilot_assumptions_pilot_idx" ON "pilot_assumptions" USING btree ("pilot_id","status");--> statement-breakpoint
CREATE INDEX "pilot_assumptions_org_idx" ON "pilot_assumptions" USING btree ("org_id");--> statement-breakpoint
CREATE INDEX "pilot_assumptions_updated_by_idx" ON "pilot_assumptions" USING btree ("updated_by");--> statement-breakpoint
CREATE INDEX "pilot_signoffs_pilot_idx" ON "pilot_signoffs" USING btree ("pilot_id","stage","created_at");--> statement-breakpoint
CREATE INDEX "pilot_signoffs_org_idx" ON "pilot_signoffs" USING btree ("org_id");--> statement-breakpoint
CREATE INDEX "pilot_signoffs_user_idx" ON "pilot_signoffs" USING btree ("user_id");--> statement-breakpoint
CREATE INDEX "pilot_transitions_pilot_idx" ON "pilot_transitions" USING btree ("pilot_id","created_at");--> statement-breakpoint
CREATE INDEX "pilot_transitions_org_idx" ON "pilot_transitions" USING btree ("org_id","created_at");--> statement-breakpoint
CREATE INDEX "pilot_transitions_actor_idx" ON "pilot_transitions" USING btree ("actor_user_id");--> statement-breakpoint
CREATE INDEX "pilots_org_stage_idx" ON "pilots" USING btree ("org_id","status","stage");--> statement-breakpoint
CREATE INDEX "pilots_use_case_idx" ON "pilots" USING btree ("use_case_id");--> statement-breakpoint
CREATE UNIQUE INDEX "pilots_one_live_per_use_case_idx" ON "pilots" USING btree ("use_case_id") WHERE "pilots"."status" <> 'retired';--> statement-breakpoint
CREATE INDEX "pilots_owner_idx" ON "pilots" USING btree ("owner_id");--> statement-breakpoint
CREATE INDEX "pilots_assessment_idx" ON "pilots" USING btree ("assessment_id");--> statement-breakpoint
CREATE UNIQUE INDEX "run_metrics_pilot_period_idx" ON "run_metrics" USING btree ("pilot_id","period","period_start");--> statement-breakpoint
CREATE INDEX "run_metrics_org_idx" ON "run_metrics" USING btree ("org_id","period_start");--> statement-breakpoint
CREATE INDEX "run_metrics_recorded_by_idx" ON "run_metrics" USING btree ("recorded_by");
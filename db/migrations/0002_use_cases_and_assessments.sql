CREATE TYPE "public"."assessment_status" AS ENUM('in_progress', 'submitted');--> statement-breakpoint
CREATE TYPE "public"."action_access" AS ENUM('read', 'write');--> statement-breakpoint
CREATE TYPE "public"."blast_radius" AS ENUM('one_record', 'one_customer', 'many_customers', 'money', 'security_access');--> statement-breakpoint
CREATE TYPE "public"."use_case_status" AS ENUM('candidate', 'assessing', 'piloting', 'in_production', 'on_hold');--> statement-breakpoint
CREATE TYPE "public"."action_frequency" AS ENUM('rare', 'daily', 'hourly', 'continuous');--> statement-breakpoint
CREATE TYPE "public"."reversibility" AS ENUM('reversible', 'hard_to_reverse', 'irreversible');--> statement-breakpoint
CREATE TABLE "assessment_answers" (
	"assessment_id" uuid NOT NULL,
	"org_id" uuid NOT NULL,
	"question_id" text NOT NULL,
	"option_id" text,
	"dont_know" boolean DEFAULT false NOT NULL,
	"evidence" text,
	"answered_by" uuid,
	"revision" integer DEFAULT 1 NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "assessment_answers_assessment_id_question_id_pk" PRIMARY KEY("assessment_id","question_id")
);
--> statement-breakpoint
CREATE TABLE "assessments" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"org_id" uuid NOT NULL,
	"use_case_id" uuid NOT NULL,
	"bank_version" text NOT NULL,
	"status" "assessment_status" DEFAULT 'in_progress' NOT NULL,
	"previous_id" uuid,
	"created_by" uuid,
	"submitted_by" uuid,
	"submitted_at" timestamp with time zone,
	"overall" smallint,
	"band" text,
	"confidence" real,
	"inventory_snapshot" jsonb,
	"result" jsonb,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "inventory_actions" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"org_id" uuid NOT NULL,
	"use_case_id" uuid NOT NULL,
	"name" text NOT NULL,
	"system" text NOT NULL,
	"access" "action_access" NOT NULL,
	"reversibility" "reversibility" NOT NULL,
	"blast_radius" "blast_radius" NOT NULL,
	"frequency" "action_frequency" NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "use_cases" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"org_id" uuid NOT NULL,
	"name" text NOT NULL,
	"description" text DEFAULT '' NOT NULL,
	"owner_id" uuid,
	"business_value" smallint NOT NULL,
	"annual_value" bigint,
	"systems" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"status" "use_case_status" DEFAULT 'candidate' NOT NULL,
	"archived_at" timestamp with time zone,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "assessment_answers" ADD CONSTRAINT "assessment_answers_assessment_id_assessments_id_fk" FOREIGN KEY ("assessment_id") REFERENCES "public"."assessments"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "assessment_answers" ADD CONSTRAINT "assessment_answers_org_id_organisations_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."organisations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "assessment_answers" ADD CONSTRAINT "assessment_answers_answered_by_users_id_fk" FOREIGN KEY ("answered_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "assessments" ADD CONSTRAINT "assessments_org_id_organisations_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."organisations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "assessments" ADD CONSTRAINT "assessments_use_case_id_use_cases_id_fk" FOREIGN KEY ("use_case_id") REFERENCES "public"."use_cases"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "assessments" ADD CONSTRAINT "assessments_previous_id_assessments_id_fk" FOREIGN KEY ("previous_id") REFERENCES "public"."assessments"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "assessments" ADD CONSTRAINT "assessments_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "assessments" ADD CONSTRAINT "assessments_submitted_by_users_id_fk" FOREIGN KEY ("submitted_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "inventory_actions" ADD CONSTRAINT "inventory_actions_org_id_organisations_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."organisations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "inventory_actions" ADD CONSTRAINT "inventory_actions_use_case_id_use_cases_id_fk" FOREIGN KEY ("use_case_id") REFERENCES "public"."use_cases"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "use_cases" ADD CONSTRAINT "use_cases_org_id_organisations_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."organisations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "use_cases" ADD CONSTRAINT "use_cases_owner_id_users_id_fk" FOREIGN KEY ("owner_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "assessment_answers_org_idx" ON "assessment_answers" USING btree ("org_id");--> statement-breakpoint
CREATE INDEX "assessment_answers_answered_by_idx" ON "assessment_answers" USING btree ("answered_by");--> statement-breakpoint
CREATE INDEX "assessments_org_use_case_idx" ON "assessments" USING btree ("org_id","use_case_id","created_at" DESC NULLS LAST);--> statement-breakpoint
CREATE INDEX "assessments_use_case_idx" ON "assessments" USING btree ("use_case_id");--> statement-breakpoint
CREATE INDEX "assessments_org_submitted_idx" ON "assessments" USING btree ("org_id","submitted_at" DESC NULLS LAST) WHERE "assessments"."status" = 'submitted';--> statement-breakpoint
CREATE INDEX "assessments_previous_idx" ON "assessments" USING btree ("previous_id");--> statement-breakpoint
CREATE INDEX "assessments_created_by_idx" ON "assessments" USING btree ("created_by");--> statement-breakpoint
CREATE INDEX "assessments_submitted_by_idx" ON "assessments" USING btree ("submitted_by");--> statement-breakpoint
CREATE INDEX "inventory_actions_use_case_idx" ON "inventory_actions" USING btree ("use_case_id","created_at");--> statement-breakpoint
CREATE INDEX "inventory_actions_org_idx" ON "inventory_actions" USING btree ("org_id");--> statement-breakpoint
CREATE INDEX "use_cases_org_active_idx" ON "use_cases" USING btree ("org_id","updated_at" DESC NULLS LAST) WHERE "use_cases"."archived_at" is null;--> statement-breakpoint
CREATE INDEX "use_cases_org_status_idx" ON "use_cases" USING btree ("org_id","status");--> statement-breakpoint
CREATE INDEX "use_cases_owner_idx" ON "use_cases" USING btree ("owner_id");
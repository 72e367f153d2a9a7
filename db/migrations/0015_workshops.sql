CREATE TYPE "public"."workshop_pace" AS ENUM('self_paced', 'led');--> statement-breakpoint
CREATE TYPE "public"."workshop_state" AS ENUM('draft', 'open', 'paused', 'closed');--> statement-breakpoint
CREATE TABLE "workshop_answers" (
	"participant_id" uuid NOT NULL,
	"workshop_id" uuid NOT NULL,
	"question_id" text NOT NULL,
	"option_id" text,
	"dont_know" boolean DEFAULT false NOT NULL,
	"comment" text,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "workshop_answers_participant_id_question_id_pk" PRIMARY KEY("participant_id","question_id")
);
--> statement-breakpoint
CREATE TABLE "workshop_consensus" (
	"workshop_id" uuid NOT NULL,
	"question_id" text NOT NULL,
	"option_id" text,
	"dont_know" boolean DEFAULT false NOT NULL,
	"note" text,
	"recorded_by" uuid,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "workshop_consensus_workshop_id_question_id_pk" PRIMARY KEY("workshop_id","question_id")
);
--> statement-breakpoint
CREATE TABLE "workshop_participants" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"workshop_id" uuid NOT NULL,
	"user_id" uuid,
	"display_name" text NOT NULL,
	"role_tag" text,
	"session_token_hash" text NOT NULL,
	"expires_at" timestamp with time zone NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "workshops" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"org_id" uuid NOT NULL,
	"use_case_id" uuid NOT NULL,
	"title" text NOT NULL,
	"date" date NOT NULL,
	"bank_version" text NOT NULL,
	"dimensions" jsonb NOT NULL,
	"role_tags" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"anonymous" boolean DEFAULT false NOT NULL,
	"state" "workshop_state" DEFAULT 'draft' NOT NULL,
	"join_code" text NOT NULL,
	"pace" "workshop_pace" DEFAULT 'self_paced' NOT NULL,
	"current_dimension" text,
	"assessment_id" uuid,
	"created_by" uuid,
	"closed_at" timestamp with time zone,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "workshop_answers" ADD CONSTRAINT "workshop_answers_participant_id_workshop_participants_id_fk" FOREIGN KEY ("participant_id") REFERENCES "public"."workshop_participants"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "workshop_answers" ADD CONSTRAINT "workshop_answers_workshop_id_workshops_id_fk" FOREIGN KEY ("workshop_id") REFERENCES "public"."workshops"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "workshop_consensus" ADD CONSTRAINT "workshop_consensus_workshop_id_workshops_id_fk" FOREIGN KEY ("workshop_id") REFERENCES "public"."workshops"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "workshop_consensus" ADD CONSTRAINT "workshop_consensus_recorded_by_users_id_fk" FOREIGN KEY ("recorded_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "workshop_participants" ADD CONSTRAINT "workshop_participants_workshop_id_workshops_id_fk" FOREIGN KEY ("workshop_id") REFERENCES "public"."workshops"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "workshop_participants" ADD CONSTRAINT "workshop_participants_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "workshops" ADD CONSTRAINT "workshops_org_id_organisations_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."organisations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "workshops" ADD CONSTRAINT "workshops_use_case_id_use_cases_id_fk" FOREIGN KEY ("use_case_id") REFERENCES "public"."use_cases"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "workshops" ADD CONSTRAINT "workshops_assessment_id_assessments_id_fk" FOREIGN KEY ("assessment_id") REFERENCES "public"."assessments"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "workshops" ADD CONSTRAINT "workshops_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "workshop_answers_workshop_question_idx" ON "workshop_answers" USING btree ("workshop_id","question_id");--> statement-breakpoint
CREATE INDEX "workshop_consensus_recorded_by_idx" ON "workshop_consensus" USING btree ("recorded_by");--> statement-breakpoint
CREATE UNIQUE INDEX "workshop_participants_token_idx" ON "workshop_participants" USING btree ("session_token_hash");--> statement-breakpoint
CREATE INDEX "workshop_participants_workshop_idx" ON "workshop_participants" USING btree ("workshop_id","created_at");--> statement-breakpoint
CREATE UNIQUE INDEX "workshop_participants_workshop_user_idx" ON "workshop_participants" USING btree ("workshop_id","user_id") WHERE "workshop_participants"."user_id" is not null;--> statement-breakpoint
CREATE INDEX "workshop_participants_user_idx" ON "workshop_participants" USING btree ("user_id");--> statement-breakpoint
CREATE UNIQUE INDEX "workshops_join_code_idx" ON "workshops" USING btree ("join_code");--> statement-breakpoint
CREATE INDEX "workshops_org_date_idx" ON "workshops" USING btree ("org_id","date" DESC NULLS LAST);--> statement-breakpoint
CREATE INDEX "workshops_org_state_idx" ON "workshops" USING btree ("org_id","state");--> statement-breakpoint
CREATE INDEX "workshops_use_case_idx" ON "workshops" USING btree ("use_case_id");--> statement-breakpoint
CREATE INDEX "workshops_assessment_idx" ON "workshops" USING btree ("assessment_id");--> statement-breakpoint
CREATE INDEX "workshops_created_by_idx" ON "workshops" USING btree ("created_by");
CREATE TYPE "public"."override_request_status" AS ENUM('pending', 'approved', 'rejected', 'withdrawn');--> statement-breakpoint
CREATE TABLE "gate_override_requests" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"org_id" uuid NOT NULL,
	"pilot_id" uuid NOT NULL,
	"from_stage" "stage" NOT NULL,
	"to_stage" "stage" NOT NULL,
	"pilot_version" integer NOT NULL,
	"justification" text NOT NULL,
	"failing" jsonb NOT NULL,
	"requested_by" uuid,
	"requested_by_label" text NOT NULL,
	"requester_key" text NOT NULL,
	"status" "override_request_status" DEFAULT 'pending' NOT NULL,
	"decided_by" uuid,
	"decided_by_label" text,
	"decided_at" timestamp with time zone,
	"decision_note" text,
	"transition_id" uuid,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "organisations" ADD COLUMN "overrides_need_second_approver" boolean DEFAULT false NOT NULL;--> statement-breakpoint
ALTER TABLE "gate_override_requests" ADD CONSTRAINT "gate_override_requests_org_id_organisations_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."organisations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "gate_override_requests" ADD CONSTRAINT "gate_override_requests_pilot_id_pilots_id_fk" FOREIGN KEY ("pilot_id") REFERENCES "public"."pilots"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "gate_override_requests" ADD CONSTRAINT "gate_override_requests_requested_by_users_id_fk" FOREIGN KEY ("requested_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "gate_override_requests" ADD CONSTRAINT "gate_override_requests_decided_by_users_id_fk" FOREIGN KEY ("decided_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "gate_override_requests" ADD CONSTRAINT "gate_override_requests_transition_id_pilot_transitions_id_fk" FOREIGN KEY ("transition_id") REFERENCES "public"."pilot_transitions"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "gate_override_requests_pilot_idx" ON "gate_override_requests" USING btree ("pilot_id","status","created_at");--> statement-breakpoint
CREATE INDEX "gate_override_requests_org_idx" ON "gate_override_requests" USING btree ("org_id","status");--> statement-breakpoint
CREATE INDEX "gate_override_requests_requested_by_idx" ON "gate_override_requests" USING btree ("requested_by");--> statement-breakpoint
CREATE INDEX "gate_override_requests_decided_by_idx" ON "gate_override_requests" USING btree ("decided_by");--> statement-breakpoint
CREATE INDEX "gate_override_requests_transition_idx" ON "gate_override_requests" USING btree ("transition_id");
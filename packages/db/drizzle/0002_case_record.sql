CREATE TABLE "agreement_acknowledgement" (
	"id" text PRIMARY KEY NOT NULL,
	"agreement_id" text NOT NULL,
	"member_id" text NOT NULL,
	"agreement_version" integer NOT NULL,
	"acknowledged_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "agreement_goal" (
	"id" text PRIMARY KEY NOT NULL,
	"agreement_id" text NOT NULL,
	"factor_ids" text[] DEFAULT '{}'::text[] NOT NULL,
	"change_needed" text NOT NULL,
	"measure" text NOT NULL,
	"evidence_expected" text NOT NULL,
	"due_date" date NOT NULL,
	"support_offered" text NOT NULL,
	"consequence" text NOT NULL,
	"status" text DEFAULT 'not_started' NOT NULL,
	"sort_order" integer NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "agreement_party" (
	"agreement_id" text NOT NULL,
	"member_id" text NOT NULL,
	CONSTRAINT "agreement_party_agreement_id_member_id_pk" PRIMARY KEY("agreement_id","member_id")
);
--> statement-breakpoint
CREATE TABLE "agreement_support" (
	"id" text PRIMARY KEY NOT NULL,
	"agreement_id" text NOT NULL,
	"service" text NOT NULL,
	"provider" text NOT NULL,
	"start_date" date,
	"status" text DEFAULT 'planned' NOT NULL,
	"family_flagged_at" timestamp with time zone,
	"family_flagged_by" text,
	"family_flag_note" text,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "goal_progress" (
	"id" text PRIMARY KEY NOT NULL,
	"goal_id" text NOT NULL,
	"author_user_id" text NOT NULL,
	"author_member_id" text,
	"on_behalf_of_member_id" text,
	"note" text NOT NULL,
	"evidence" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "parental_agreement" (
	"id" text PRIMARY KEY NOT NULL,
	"case_id" text NOT NULL,
	"title" text NOT NULL,
	"status" text DEFAULT 'draft' NOT NULL,
	"risk_factors_summary" text NOT NULL,
	"protective_factors_summary" text NOT NULL,
	"published_at" timestamp with time zone,
	"published_by" text,
	"review_date" date,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "capacity_evidence" (
	"id" text PRIMARY KEY NOT NULL,
	"case_id" text NOT NULL,
	"person_id" text,
	"summary" text NOT NULL,
	"evidence" text,
	"demonstrates_change" boolean NOT NULL,
	"recorded_by" text NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "decision" (
	"id" text PRIMARY KEY NOT NULL,
	"case_id" text NOT NULL,
	"point" text NOT NULL,
	"outcome" text NOT NULL,
	"reasons" text NOT NULL,
	"family_explanation" text,
	"decided_by" text NOT NULL,
	"decided_at" timestamp with time zone NOT NULL,
	"signed_off_by" text,
	"signed_off_at" timestamp with time zone,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "factor_assessment" (
	"id" text PRIMARY KEY NOT NULL,
	"case_id" text NOT NULL,
	"factor_id" text NOT NULL,
	"present" boolean NOT NULL,
	"severity" text,
	"notes" text,
	"evidence" text,
	"assessed_by" text NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "factor_assessment_case_factor_unique" UNIQUE("case_id","factor_id")
);
--> statement-breakpoint
CREATE TABLE "risk_classification" (
	"id" text PRIMARY KEY NOT NULL,
	"review_id" text NOT NULL,
	"practitioner_user_id" text NOT NULL,
	"risk_factors" text NOT NULL,
	"protective_factors" boolean NOT NULL,
	"capacity_to_change" boolean NOT NULL,
	"level" text NOT NULL,
	"rationale" text NOT NULL,
	"submitted_at" timestamp with time zone,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "risk_classification_review_practitioner_unique" UNIQUE("review_id","practitioner_user_id")
);
--> statement-breakpoint
CREATE TABLE "risk_review" (
	"id" text PRIMARY KEY NOT NULL,
	"case_id" text NOT NULL,
	"review_date" date NOT NULL,
	"point" text NOT NULL,
	"status" text DEFAULT 'open' NOT NULL,
	"agreed_risk_factors" text,
	"agreed_protective_factors" boolean,
	"agreed_capacity_to_change" boolean,
	"agreed_level" text,
	"agreed_rationale" text,
	"agreed_by" text,
	"agreed_at" timestamp with time zone,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "meeting" (
	"id" text PRIMARY KEY NOT NULL,
	"case_id" text NOT NULL,
	"type" text NOT NULL,
	"starts_at" timestamp with time zone NOT NULL,
	"ends_at" timestamp with time zone,
	"place" text NOT NULL,
	"purpose" text NOT NULL,
	"minutes_entry_id" text,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "meeting_attendee" (
	"meeting_id" text NOT NULL,
	"name" text NOT NULL,
	"role" text NOT NULL,
	"member_id" text,
	CONSTRAINT "meeting_attendee_meeting_id_name_pk" PRIMARY KEY("meeting_id","name")
);
--> statement-breakpoint
CREATE TABLE "case_person" (
	"id" text PRIMARY KEY NOT NULL,
	"case_id" text NOT NULL,
	"display_name" text NOT NULL,
	"relationship" text NOT NULL,
	"is_subject_child" boolean DEFAULT false NOT NULL,
	"date_of_birth" date,
	"preferred_language" text,
	"interpreter_needed" boolean DEFAULT false NOT NULL,
	"easy_read" boolean DEFAULT false NOT NULL,
	"advocate_needed" boolean DEFAULT false NOT NULL,
	"learning_disability" boolean DEFAULT false NOT NULL,
	"notes" text,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "person_contact" (
	"id" text PRIMARY KEY NOT NULL,
	"person_id" text NOT NULL,
	"address" text,
	"phone" text,
	"email" text,
	"hidden_from_person_ids" text[] DEFAULT '{}'::text[] NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "placement" (
	"id" text PRIMARY KEY NOT NULL,
	"case_id" text NOT NULL,
	"carer_names" text NOT NULL,
	"address" text NOT NULL,
	"phone" text,
	"start_date" date NOT NULL,
	"end_date" date,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "monitoring_visit" (
	"id" text PRIMARY KEY NOT NULL,
	"case_id" text NOT NULL,
	"scheduled_for" date NOT NULL,
	"happened_on" date,
	"visit_type" text NOT NULL,
	"notes" text,
	"recorded_by" text,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "plan" (
	"id" text PRIMARY KEY NOT NULL,
	"case_id" text NOT NULL,
	"kind" text NOT NULL,
	"status" text DEFAULT 'draft' NOT NULL,
	"timescale" text,
	"summary" text NOT NULL,
	"review_points" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"roles" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "plan_service" (
	"id" text PRIMARY KEY NOT NULL,
	"plan_id" text NOT NULL,
	"service" text NOT NULL,
	"provider" text NOT NULL,
	"status" text DEFAULT 'planned' NOT NULL,
	"start_date" date,
	"end_date" date,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "family_response" (
	"id" text PRIMARY KEY NOT NULL,
	"entry_id" text NOT NULL,
	"version_number" integer NOT NULL,
	"author_member_id" text NOT NULL,
	"on_behalf_of_member_id" text,
	"kind" text NOT NULL,
	"anchor_text" text,
	"body" text NOT NULL,
	"proposed_text" text,
	"status" text DEFAULT 'draft' NOT NULL,
	"practitioner_reply" text,
	"replied_by" text,
	"replied_at" timestamp with time zone,
	"resulting_version_number" integer,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "record_entry" (
	"id" text PRIMARY KEY NOT NULL,
	"case_id" text NOT NULL,
	"kind" text NOT NULL,
	"title" text NOT NULL,
	"status" text DEFAULT 'draft' NOT NULL,
	"author_user_id" text NOT NULL,
	"not_for_family" boolean DEFAULT false NOT NULL,
	"event_date" date,
	"source" text,
	"significance" text,
	"pattern" text,
	"chronologist_entry" boolean DEFAULT false NOT NULL,
	"sort_order" integer,
	"review_deadline" date,
	"shared_at" timestamp with time zone,
	"shared_by" text,
	"finalised_at" timestamp with time zone,
	"finalised_by" text,
	"supersedes_entry_id" text,
	"current_version_number" integer DEFAULT 1 NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "record_entry_share" (
	"entry_id" text NOT NULL,
	"member_id" text NOT NULL,
	"shared_at" timestamp with time zone DEFAULT now() NOT NULL,
	"deadline" date NOT NULL,
	CONSTRAINT "record_entry_share_entry_id_member_id_pk" PRIMARY KEY("entry_id","member_id")
);
--> statement-breakpoint
CREATE TABLE "record_entry_version" (
	"id" text PRIMARY KEY NOT NULL,
	"entry_id" text NOT NULL,
	"version_number" integer NOT NULL,
	"body" text NOT NULL,
	"analysis" text,
	"change_reason" text,
	"from_response_id" text,
	"created_by" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "record_entry_version_entry_number_unique" UNIQUE("entry_id","version_number")
);
--> statement-breakpoint
CREATE TABLE "views_and_wishes" (
	"id" text PRIMARY KEY NOT NULL,
	"case_id" text NOT NULL,
	"author_member_id" text NOT NULL,
	"on_behalf_of_member_id" text,
	"kind" text NOT NULL,
	"meeting_id" text,
	"going_well" text,
	"worries" text,
	"wants" text,
	"wants_when" text,
	"trusted_person" text,
	"sharing" text DEFAULT 'social_worker_only' NOT NULL,
	"status" text DEFAULT 'draft' NOT NULL,
	"submitted_at" timestamp with time zone,
	"practitioner_reply" text,
	"replied_by" text,
	"replied_at" timestamp with time zone,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "case_member" ADD COLUMN "person_id" text;--> statement-breakpoint
ALTER TABLE "case_member" ADD COLUMN "consent_recorded_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "case_member" ADD COLUMN "consent_recorded_by" text;--> statement-breakpoint
ALTER TABLE "case_member" ADD COLUMN "granted_by" text;--> statement-breakpoint
ALTER TABLE "case_member" ADD COLUMN "permissions" text[];--> statement-breakpoint
ALTER TABLE "case_member" ADD COLUMN "revoked_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "case" ADD COLUMN "returned_home_on" date;--> statement-breakpoint
ALTER TABLE "case" ADD COLUMN "re_entered_care_on" date;--> statement-breakpoint
ALTER TABLE "case" ADD COLUMN "closed_on" date;--> statement-breakpoint
ALTER TABLE "agreement_acknowledgement" ADD CONSTRAINT "agreement_acknowledgement_agreement_id_parental_agreement_id_fk" FOREIGN KEY ("agreement_id") REFERENCES "public"."parental_agreement"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "agreement_acknowledgement" ADD CONSTRAINT "agreement_acknowledgement_member_id_case_member_id_fk" FOREIGN KEY ("member_id") REFERENCES "public"."case_member"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "agreement_goal" ADD CONSTRAINT "agreement_goal_agreement_id_parental_agreement_id_fk" FOREIGN KEY ("agreement_id") REFERENCES "public"."parental_agreement"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "agreement_party" ADD CONSTRAINT "agreement_party_agreement_id_parental_agreement_id_fk" FOREIGN KEY ("agreement_id") REFERENCES "public"."parental_agreement"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "agreement_party" ADD CONSTRAINT "agreement_party_member_id_case_member_id_fk" FOREIGN KEY ("member_id") REFERENCES "public"."case_member"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "agreement_support" ADD CONSTRAINT "agreement_support_agreement_id_parental_agreement_id_fk" FOREIGN KEY ("agreement_id") REFERENCES "public"."parental_agreement"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "agreement_support" ADD CONSTRAINT "agreement_support_family_flagged_by_case_member_id_fk" FOREIGN KEY ("family_flagged_by") REFERENCES "public"."case_member"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "goal_progress" ADD CONSTRAINT "goal_progress_goal_id_agreement_goal_id_fk" FOREIGN KEY ("goal_id") REFERENCES "public"."agreement_goal"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "goal_progress" ADD CONSTRAINT "goal_progress_author_user_id_user_id_fk" FOREIGN KEY ("author_user_id") REFERENCES "public"."user"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "goal_progress" ADD CONSTRAINT "goal_progress_author_member_id_case_member_id_fk" FOREIGN KEY ("author_member_id") REFERENCES "public"."case_member"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "goal_progress" ADD CONSTRAINT "goal_progress_on_behalf_of_member_id_case_member_id_fk" FOREIGN KEY ("on_behalf_of_member_id") REFERENCES "public"."case_member"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "parental_agreement" ADD CONSTRAINT "parental_agreement_case_id_case_id_fk" FOREIGN KEY ("case_id") REFERENCES "public"."case"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "parental_agreement" ADD CONSTRAINT "parental_agreement_published_by_user_id_fk" FOREIGN KEY ("published_by") REFERENCES "public"."user"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "capacity_evidence" ADD CONSTRAINT "capacity_evidence_case_id_case_id_fk" FOREIGN KEY ("case_id") REFERENCES "public"."case"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "capacity_evidence" ADD CONSTRAINT "capacity_evidence_person_id_case_person_id_fk" FOREIGN KEY ("person_id") REFERENCES "public"."case_person"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "capacity_evidence" ADD CONSTRAINT "capacity_evidence_recorded_by_user_id_fk" FOREIGN KEY ("recorded_by") REFERENCES "public"."user"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "decision" ADD CONSTRAINT "decision_case_id_case_id_fk" FOREIGN KEY ("case_id") REFERENCES "public"."case"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "decision" ADD CONSTRAINT "decision_decided_by_user_id_fk" FOREIGN KEY ("decided_by") REFERENCES "public"."user"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "decision" ADD CONSTRAINT "decision_signed_off_by_user_id_fk" FOREIGN KEY ("signed_off_by") REFERENCES "public"."user"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "factor_assessment" ADD CONSTRAINT "factor_assessment_case_id_case_id_fk" FOREIGN KEY ("case_id") REFERENCES "public"."case"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "factor_assessment" ADD CONSTRAINT "factor_assessment_assessed_by_user_id_fk" FOREIGN KEY ("assessed_by") REFERENCES "public"."user"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "risk_classification" ADD CONSTRAINT "risk_classification_review_id_risk_review_id_fk" FOREIGN KEY ("review_id") REFERENCES "public"."risk_review"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "risk_classification" ADD CONSTRAINT "risk_classification_practitioner_user_id_user_id_fk" FOREIGN KEY ("practitioner_user_id") REFERENCES "public"."user"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "risk_review" ADD CONSTRAINT "risk_review_case_id_case_id_fk" FOREIGN KEY ("case_id") REFERENCES "public"."case"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "risk_review" ADD CONSTRAINT "risk_review_agreed_by_user_id_fk" FOREIGN KEY ("agreed_by") REFERENCES "public"."user"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "meeting" ADD CONSTRAINT "meeting_case_id_case_id_fk" FOREIGN KEY ("case_id") REFERENCES "public"."case"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "meeting" ADD CONSTRAINT "meeting_minutes_entry_id_record_entry_id_fk" FOREIGN KEY ("minutes_entry_id") REFERENCES "public"."record_entry"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "meeting_attendee" ADD CONSTRAINT "meeting_attendee_meeting_id_meeting_id_fk" FOREIGN KEY ("meeting_id") REFERENCES "public"."meeting"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "meeting_attendee" ADD CONSTRAINT "meeting_attendee_member_id_case_member_id_fk" FOREIGN KEY ("member_id") REFERENCES "public"."case_member"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "case_person" ADD CONSTRAINT "case_person_case_id_case_id_fk" FOREIGN KEY ("case_id") REFERENCES "public"."case"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "person_contact" ADD CONSTRAINT "person_contact_person_id_case_person_id_fk" FOREIGN KEY ("person_id") REFERENCES "public"."case_person"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "placement" ADD CONSTRAINT "placement_case_id_case_id_fk" FOREIGN KEY ("case_id") REFERENCES "public"."case"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "monitoring_visit" ADD CONSTRAINT "monitoring_visit_case_id_case_id_fk" FOREIGN KEY ("case_id") REFERENCES "public"."case"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "monitoring_visit" ADD CONSTRAINT "monitoring_visit_recorded_by_user_id_fk" FOREIGN KEY ("recorded_by") REFERENCES "public"."user"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "plan" ADD CONSTRAINT "plan_case_id_case_id_fk" FOREIGN KEY ("case_id") REFERENCES "public"."case"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "plan_service" ADD CONSTRAINT "plan_service_plan_id_plan_id_fk" FOREIGN KEY ("plan_id") REFERENCES "public"."plan"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "family_response" ADD CONSTRAINT "family_response_entry_id_record_entry_id_fk" FOREIGN KEY ("entry_id") REFERENCES "public"."record_entry"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "family_response" ADD CONSTRAINT "family_response_author_member_id_case_member_id_fk" FOREIGN KEY ("author_member_id") REFERENCES "public"."case_member"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "family_response" ADD CONSTRAINT "family_response_on_behalf_of_member_id_case_member_id_fk" FOREIGN KEY ("on_behalf_of_member_id") REFERENCES "public"."case_member"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "family_response" ADD CONSTRAINT "family_response_replied_by_user_id_fk" FOREIGN KEY ("replied_by") REFERENCES "public"."user"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "family_response" ADD CONSTRAINT "family_response_entry_version_fk" FOREIGN KEY ("entry_id","version_number") REFERENCES "public"."record_entry_version"("entry_id","version_number") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "record_entry" ADD CONSTRAINT "record_entry_case_id_case_id_fk" FOREIGN KEY ("case_id") REFERENCES "public"."case"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "record_entry" ADD CONSTRAINT "record_entry_author_user_id_user_id_fk" FOREIGN KEY ("author_user_id") REFERENCES "public"."user"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "record_entry" ADD CONSTRAINT "record_entry_shared_by_user_id_fk" FOREIGN KEY ("shared_by") REFERENCES "public"."user"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "record_entry" ADD CONSTRAINT "record_entry_finalised_by_user_id_fk" FOREIGN KEY ("finalised_by") REFERENCES "public"."user"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "record_entry" ADD CONSTRAINT "record_entry_supersedes_entry_id_record_entry_id_fk" FOREIGN KEY ("supersedes_entry_id") REFERENCES "public"."record_entry"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "record_entry_share" ADD CONSTRAINT "record_entry_share_entry_id_record_entry_id_fk" FOREIGN KEY ("entry_id") REFERENCES "public"."record_entry"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "record_entry_share" ADD CONSTRAINT "record_entry_share_member_id_case_member_id_fk" FOREIGN KEY ("member_id") REFERENCES "public"."case_member"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "record_entry_version" ADD CONSTRAINT "record_entry_version_entry_id_record_entry_id_fk" FOREIGN KEY ("entry_id") REFERENCES "public"."record_entry"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "record_entry_version" ADD CONSTRAINT "record_entry_version_from_response_id_family_response_id_fk" FOREIGN KEY ("from_response_id") REFERENCES "public"."family_response"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "record_entry_version" ADD CONSTRAINT "record_entry_version_created_by_user_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."user"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "views_and_wishes" ADD CONSTRAINT "views_and_wishes_case_id_case_id_fk" FOREIGN KEY ("case_id") REFERENCES "public"."case"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "views_and_wishes" ADD CONSTRAINT "views_and_wishes_author_member_id_case_member_id_fk" FOREIGN KEY ("author_member_id") REFERENCES "public"."case_member"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "views_and_wishes" ADD CONSTRAINT "views_and_wishes_on_behalf_of_member_id_case_member_id_fk" FOREIGN KEY ("on_behalf_of_member_id") REFERENCES "public"."case_member"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "views_and_wishes" ADD CONSTRAINT "views_and_wishes_meeting_id_meeting_id_fk" FOREIGN KEY ("meeting_id") REFERENCES "public"."meeting"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "views_and_wishes" ADD CONSTRAINT "views_and_wishes_replied_by_user_id_fk" FOREIGN KEY ("replied_by") REFERENCES "public"."user"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "agreement_acknowledgement_agreement_idx" ON "agreement_acknowledgement" USING btree ("agreement_id");--> statement-breakpoint
CREATE INDEX "agreement_goal_agreement_idx" ON "agreement_goal" USING btree ("agreement_id");--> statement-breakpoint
CREATE INDEX "agreement_party_member_idx" ON "agreement_party" USING btree ("member_id");--> statement-breakpoint
CREATE INDEX "agreement_support_agreement_idx" ON "agreement_support" USING btree ("agreement_id");--> statement-breakpoint
CREATE INDEX "goal_progress_goal_idx" ON "goal_progress" USING btree ("goal_id");--> statement-breakpoint
CREATE INDEX "parental_agreement_case_idx" ON "parental_agreement" USING btree ("case_id");--> statement-breakpoint
CREATE INDEX "capacity_evidence_case_idx" ON "capacity_evidence" USING btree ("case_id");--> statement-breakpoint
CREATE INDEX "decision_case_idx" ON "decision" USING btree ("case_id");--> statement-breakpoint
CREATE INDEX "risk_review_case_idx" ON "risk_review" USING btree ("case_id");--> statement-breakpoint
CREATE INDEX "meeting_case_idx" ON "meeting" USING btree ("case_id");--> statement-breakpoint
CREATE INDEX "meeting_attendee_member_idx" ON "meeting_attendee" USING btree ("member_id");--> statement-breakpoint
CREATE INDEX "case_person_case_idx" ON "case_person" USING btree ("case_id");--> statement-breakpoint
CREATE INDEX "person_contact_person_idx" ON "person_contact" USING btree ("person_id");--> statement-breakpoint
CREATE INDEX "placement_case_idx" ON "placement" USING btree ("case_id");--> statement-breakpoint
CREATE INDEX "monitoring_visit_case_idx" ON "monitoring_visit" USING btree ("case_id");--> statement-breakpoint
CREATE INDEX "plan_case_idx" ON "plan" USING btree ("case_id");--> statement-breakpoint
CREATE INDEX "plan_service_plan_idx" ON "plan_service" USING btree ("plan_id");--> statement-breakpoint
CREATE INDEX "family_response_entry_idx" ON "family_response" USING btree ("entry_id");--> statement-breakpoint
CREATE INDEX "family_response_author_idx" ON "family_response" USING btree ("author_member_id");--> statement-breakpoint
CREATE INDEX "record_entry_case_idx" ON "record_entry" USING btree ("case_id");--> statement-breakpoint
CREATE INDEX "record_entry_supersedes_idx" ON "record_entry" USING btree ("supersedes_entry_id");--> statement-breakpoint
CREATE INDEX "record_entry_share_member_idx" ON "record_entry_share" USING btree ("member_id");--> statement-breakpoint
CREATE INDEX "views_and_wishes_case_idx" ON "views_and_wishes" USING btree ("case_id");--> statement-breakpoint
CREATE INDEX "views_and_wishes_author_idx" ON "views_and_wishes" USING btree ("author_member_id");--> statement-breakpoint
ALTER TABLE "case_member" ADD CONSTRAINT "case_member_person_id_case_person_id_fk" FOREIGN KEY ("person_id") REFERENCES "public"."case_person"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "case_member" ADD CONSTRAINT "case_member_consent_recorded_by_user_id_fk" FOREIGN KEY ("consent_recorded_by") REFERENCES "public"."user"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "case_member" ADD CONSTRAINT "case_member_granted_by_user_id_fk" FOREIGN KEY ("granted_by") REFERENCES "public"."user"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "case_member_person_idx" ON "case_member" USING btree ("person_id");
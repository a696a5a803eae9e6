CREATE TABLE "agreement_ending" (
	"id" text PRIMARY KEY NOT NULL,
	"agreement_id" text NOT NULL,
	"ended_on" date NOT NULL,
	"reason" text NOT NULL,
	"agreement_version" integer NOT NULL,
	"ended_by" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "agreement_ending_agreement_unique" UNIQUE("agreement_id")
);
--> statement-breakpoint
CREATE TABLE "agreement_review_date_removal" (
	"id" text PRIMARY KEY NOT NULL,
	"agreement_id" text NOT NULL,
	"review_date_id" text NOT NULL,
	"review_date" date NOT NULL,
	"reason" text,
	"agreement_version" integer NOT NULL,
	"removed_by" text NOT NULL,
	"removed_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "agreement_review_date_removal_unique" UNIQUE("review_date_id")
);
--> statement-breakpoint
CREATE TABLE "return_home_episode" (
	"id" text PRIMARY KEY NOT NULL,
	"case_id" text NOT NULL,
	"returned_on" date NOT NULL,
	"risk_level" text,
	"decision_id" text,
	"re_entered_care_on" date,
	"recorded_by" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"ended_by" text,
	"ended_at" timestamp with time zone,
	"version" integer DEFAULT 1 NOT NULL
);
--> statement-breakpoint
ALTER TABLE "agreement_ending" ADD CONSTRAINT "agreement_ending_agreement_id_parental_agreement_id_fk" FOREIGN KEY ("agreement_id") REFERENCES "public"."parental_agreement"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "agreement_ending" ADD CONSTRAINT "agreement_ending_ended_by_user_id_fk" FOREIGN KEY ("ended_by") REFERENCES "public"."user"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "agreement_review_date_removal" ADD CONSTRAINT "agreement_review_date_removal_agreement_id_parental_agreement_id_fk" FOREIGN KEY ("agreement_id") REFERENCES "public"."parental_agreement"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "agreement_review_date_removal" ADD CONSTRAINT "agreement_review_date_removal_removed_by_user_id_fk" FOREIGN KEY ("removed_by") REFERENCES "public"."user"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "return_home_episode" ADD CONSTRAINT "return_home_episode_case_id_case_id_fk" FOREIGN KEY ("case_id") REFERENCES "public"."case"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "return_home_episode" ADD CONSTRAINT "return_home_episode_recorded_by_user_id_fk" FOREIGN KEY ("recorded_by") REFERENCES "public"."user"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "return_home_episode" ADD CONSTRAINT "return_home_episode_ended_by_user_id_fk" FOREIGN KEY ("ended_by") REFERENCES "public"."user"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "agreement_review_date_removal_agreement_idx" ON "agreement_review_date_removal" USING btree ("agreement_id");--> statement-breakpoint
CREATE INDEX "return_home_episode_case_idx" ON "return_home_episode" USING btree ("case_id");--> statement-breakpoint
-- Returns recorded before the history was kept: one record each, from the case's own columns.
INSERT INTO "return_home_episode" ("id", "case_id", "returned_on", "re_entered_care_on") SELECT 'return-' || "id" || '-' || "returned_home_on", "id", "returned_home_on", "re_entered_care_on" FROM "case" WHERE "returned_home_on" IS NOT NULL;

CREATE TABLE "confidential_detail_history" (
	"id" text PRIMARY KEY NOT NULL,
	"case_id" text NOT NULL,
	"subject_type" text NOT NULL,
	"subject_id" text NOT NULL,
	"version" integer NOT NULL,
	"previous" jsonb NOT NULL,
	"changed_by" text NOT NULL,
	"changed_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "confidential_name" ADD COLUMN "version" integer DEFAULT 1 NOT NULL;--> statement-breakpoint
ALTER TABLE "confidential_name" ADD COLUMN "updated_at" timestamp with time zone DEFAULT now() NOT NULL;--> statement-breakpoint
ALTER TABLE "confidential_name" ADD COLUMN "ended_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "confidential_name" ADD COLUMN "ended_by" text;--> statement-breakpoint
ALTER TABLE "confidential_detail_history" ADD CONSTRAINT "confidential_detail_history_case_id_case_id_fk" FOREIGN KEY ("case_id") REFERENCES "public"."case"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "confidential_detail_history" ADD CONSTRAINT "confidential_detail_history_changed_by_user_id_fk" FOREIGN KEY ("changed_by") REFERENCES "public"."user"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "confidential_detail_history_subject_idx" ON "confidential_detail_history" USING btree ("subject_type","subject_id");--> statement-breakpoint
ALTER TABLE "confidential_name" ADD CONSTRAINT "confidential_name_ended_by_user_id_fk" FOREIGN KEY ("ended_by") REFERENCES "public"."user"("id") ON DELETE no action ON UPDATE no action;
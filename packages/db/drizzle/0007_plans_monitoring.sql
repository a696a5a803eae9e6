CREATE TABLE "plan_version" (
	"id" text PRIMARY KEY NOT NULL,
	"plan_id" text NOT NULL,
	"version" integer NOT NULL,
	"snapshot" jsonb NOT NULL,
	"changed_by" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "plan_version_plan_version_unique" UNIQUE("plan_id","version")
);
--> statement-breakpoint
ALTER TABLE "monitoring_visit" ADD COLUMN "cancelled_on" date;--> statement-breakpoint
ALTER TABLE "plan" ADD COLUMN "family_explanation" text;--> statement-breakpoint
ALTER TABLE "plan" ADD COLUMN "activated_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "plan" ADD COLUMN "activated_by" text;--> statement-breakpoint
ALTER TABLE "plan_version" ADD CONSTRAINT "plan_version_plan_id_plan_id_fk" FOREIGN KEY ("plan_id") REFERENCES "public"."plan"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "plan_version" ADD CONSTRAINT "plan_version_changed_by_user_id_fk" FOREIGN KEY ("changed_by") REFERENCES "public"."user"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "plan_version_plan_idx" ON "plan_version" USING btree ("plan_id");--> statement-breakpoint
ALTER TABLE "plan" ADD CONSTRAINT "plan_activated_by_user_id_fk" FOREIGN KEY ("activated_by") REFERENCES "public"."user"("id") ON DELETE no action ON UPDATE no action;
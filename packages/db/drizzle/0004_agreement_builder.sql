CREATE TABLE "agreement_review_date" (
	"id" text PRIMARY KEY NOT NULL,
	"agreement_id" text NOT NULL,
	"review_date" date NOT NULL,
	"held_on" date,
	"created_by" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "agreement_version_snapshot" (
	"id" text PRIMARY KEY NOT NULL,
	"agreement_id" text NOT NULL,
	"version" integer NOT NULL,
	"published" boolean DEFAULT false NOT NULL,
	"terms" jsonb NOT NULL,
	"created_by" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "agreement_version_snapshot_unique" UNIQUE("agreement_id","version")
);
--> statement-breakpoint
ALTER TABLE "agreement_review_date" ADD CONSTRAINT "agreement_review_date_agreement_id_parental_agreement_id_fk" FOREIGN KEY ("agreement_id") REFERENCES "public"."parental_agreement"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "agreement_review_date" ADD CONSTRAINT "agreement_review_date_created_by_user_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."user"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "agreement_version_snapshot" ADD CONSTRAINT "agreement_version_snapshot_agreement_id_parental_agreement_id_fk" FOREIGN KEY ("agreement_id") REFERENCES "public"."parental_agreement"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "agreement_version_snapshot" ADD CONSTRAINT "agreement_version_snapshot_created_by_user_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."user"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "agreement_review_date_agreement_idx" ON "agreement_review_date" USING btree ("agreement_id");
CREATE TABLE "form_draft" (
	"user_id" text NOT NULL,
	"form_key" text NOT NULL,
	"case_id" text NOT NULL,
	"fields" jsonb NOT NULL,
	"base" text,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "form_draft_user_id_case_id_form_key_pk" PRIMARY KEY("user_id","case_id","form_key")
);
--> statement-breakpoint
ALTER TABLE "form_draft" ADD CONSTRAINT "form_draft_user_id_user_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."user"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "form_draft" ADD CONSTRAINT "form_draft_case_id_case_id_fk" FOREIGN KEY ("case_id") REFERENCES "public"."case"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "form_draft_case_idx" ON "form_draft" USING btree ("case_id");
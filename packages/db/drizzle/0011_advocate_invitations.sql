CREATE TABLE "advocate_invitation" (
	"id" text PRIMARY KEY NOT NULL,
	"case_id" text NOT NULL,
	"for_member_id" text NOT NULL,
	"email" text NOT NULL,
	"permissions" text[] NOT NULL,
	"active_until" timestamp with time zone NOT NULL,
	"token_hash" text NOT NULL,
	"invited_by_user_id" text NOT NULL,
	"consent_given_at" timestamp with time zone,
	"consent_method" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"expires_at" timestamp with time zone NOT NULL,
	"accepted_at" timestamp with time zone,
	"accepted_user_id" text,
	"accepted_member_id" text,
	"withdrawn_at" timestamp with time zone,
	"version" integer DEFAULT 1 NOT NULL,
	CONSTRAINT "advocate_invitation_token_hash_unique" UNIQUE("token_hash")
);
--> statement-breakpoint
ALTER TABLE "advocate_invitation" ADD CONSTRAINT "advocate_invitation_case_id_case_id_fk" FOREIGN KEY ("case_id") REFERENCES "public"."case"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "advocate_invitation" ADD CONSTRAINT "advocate_invitation_for_member_id_case_member_id_fk" FOREIGN KEY ("for_member_id") REFERENCES "public"."case_member"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "advocate_invitation" ADD CONSTRAINT "advocate_invitation_invited_by_user_id_user_id_fk" FOREIGN KEY ("invited_by_user_id") REFERENCES "public"."user"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "advocate_invitation" ADD CONSTRAINT "advocate_invitation_accepted_user_id_user_id_fk" FOREIGN KEY ("accepted_user_id") REFERENCES "public"."user"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "advocate_invitation" ADD CONSTRAINT "advocate_invitation_accepted_member_id_case_member_id_fk" FOREIGN KEY ("accepted_member_id") REFERENCES "public"."case_member"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "advocate_invitation_case_idx" ON "advocate_invitation" USING btree ("case_id");--> statement-breakpoint
CREATE INDEX "advocate_invitation_member_idx" ON "advocate_invitation" USING btree ("for_member_id");
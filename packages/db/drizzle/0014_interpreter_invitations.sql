CREATE TABLE "interpreter_invitation" (
	"id" text PRIMARY KEY NOT NULL,
	"case_id" text NOT NULL,
	"for_member_id" text NOT NULL,
	"email" text NOT NULL,
	"language" text NOT NULL,
	"mail_language" text NOT NULL,
	"active_from" timestamp with time zone NOT NULL,
	"active_until" timestamp with time zone NOT NULL,
	"token_hash" text NOT NULL,
	"invited_by_user_id" text NOT NULL,
	"consent_recorded_at" timestamp with time zone NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"expires_at" timestamp with time zone NOT NULL,
	"accepted_at" timestamp with time zone,
	"accepted_user_id" text,
	"accepted_member_id" text,
	"withdrawn_at" timestamp with time zone,
	"version" integer DEFAULT 1 NOT NULL,
	CONSTRAINT "interpreter_invitation_token_hash_unique" UNIQUE("token_hash")
);
--> statement-breakpoint
ALTER TABLE "interpreter_invitation" ADD CONSTRAINT "interpreter_invitation_case_id_case_id_fk" FOREIGN KEY ("case_id") REFERENCES "public"."case"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "interpreter_invitation" ADD CONSTRAINT "interpreter_invitation_for_member_id_case_member_id_fk" FOREIGN KEY ("for_member_id") REFERENCES "public"."case_member"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "interpreter_invitation" ADD CONSTRAINT "interpreter_invitation_invited_by_user_id_user_id_fk" FOREIGN KEY ("invited_by_user_id") REFERENCES "public"."user"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "interpreter_invitation" ADD CONSTRAINT "interpreter_invitation_accepted_user_id_user_id_fk" FOREIGN KEY ("accepted_user_id") REFERENCES "public"."user"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "interpreter_invitation" ADD CONSTRAINT "interpreter_invitation_accepted_member_id_case_member_id_fk" FOREIGN KEY ("accepted_member_id") REFERENCES "public"."case_member"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "interpreter_invitation_case_idx" ON "interpreter_invitation" USING btree ("case_id");--> statement-breakpoint
CREATE INDEX "interpreter_invitation_member_idx" ON "interpreter_invitation" USING btree ("for_member_id");
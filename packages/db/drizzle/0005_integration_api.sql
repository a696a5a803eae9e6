CREATE TABLE "integration_client" (
	"id" text PRIMARY KEY NOT NULL,
	"authority_id" text NOT NULL,
	"name" text NOT NULL,
	"key_id" text NOT NULL,
	"secret_hash" text NOT NULL,
	"scopes" text[] NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"revoked_at" timestamp with time zone,
	"last_used_at" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "integration_request" (
	"client_id" text NOT NULL,
	"idempotency_key" text NOT NULL,
	"request_hash" text NOT NULL,
	"status" integer NOT NULL,
	"body" jsonb NOT NULL,
	"etag" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "integration_request_client_id_idempotency_key_pk" PRIMARY KEY("client_id","idempotency_key")
);
--> statement-breakpoint
ALTER TABLE "integration_client" ADD CONSTRAINT "integration_client_authority_id_authority_id_fk" FOREIGN KEY ("authority_id") REFERENCES "public"."authority"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "integration_request" ADD CONSTRAINT "integration_request_client_id_integration_client_id_fk" FOREIGN KEY ("client_id") REFERENCES "public"."integration_client"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "integration_client_key_id_unique" ON "integration_client" USING btree ("key_id");--> statement-breakpoint
CREATE INDEX "integration_client_authority_idx" ON "integration_client" USING btree ("authority_id");
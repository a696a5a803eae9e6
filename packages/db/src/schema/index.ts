export * from "./audit.ts";
export * from "./auth.ts";
export * from "./case.ts";
export * from "./mail.ts";
export * from "./organisation.ts";

export {
  type Database,
  type DatabaseHandle,
  migrationsFolder,
  openDatabase,
  type OpenDatabaseOptions,
} from "./client.ts";
export { FolderLockedError } from "./folder-lock.ts";
export * from "./schema/index.ts";
export {
  seedDemoData,
  type DemoAccountFactory,
  demoAccounts,
  type DemoAccountKey,
  demoIds,
  demoPassword,
  demoTotpSecret,
} from "./demo.ts";
export { type AuditEntry, recordAudit } from "./queries/audit.ts";
export { demoCohortCaseId, demoCohortStaff, demoCohortTeam } from "./demo-cohort.ts";
export { demoIntegrationClient } from "./demo-integration.ts";
export { demoConfidentialNames } from "./demo-record-review.ts";
export { demoConfidentialDetails } from "./demo-confidential-details.ts";
export { demoEasyReadEntry } from "./demo-easy-read.ts";
export { hashClientSecret, newClientCredentials } from "./integration-credentials.ts";
export {
  type CaseloadRow,
  caseloadForPractitioner,
  casesForFamilyMember,
  type FamilyCaseSummary,
} from "./queries/cases.ts";

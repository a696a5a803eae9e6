// An advocate's account is made like any invited account (lib/invited-account.server.ts).
export { createInvitedAccount as createAdvocateAccount } from "../../lib/invited-account.server.ts";

// Making a family account for someone invited by email - an advocate or an interpreter - who
// has none. The invitation link came to their address, so it is treated as verified; they
// then sign in the usual way (password and an emailed code), which proves it again.
import { createAccount } from "@homeward/auth";
import { services } from "@homeward/runtime";
import type { RouterContextProvider } from "react-router";

export async function createInvitedAccount(
  context: Readonly<RouterContextProvider>,
  input: { name: string; email: string; password: string; language: string },
): Promise<{ ok: true; userId: string } | { ok: false }> {
  try {
    const userId = await createAccount(services(context).auth, {
      name: input.name,
      email: input.email,
      password: input.password,
      kind: "family",
      preferredLanguage: input.language,
    });
    return { ok: true, userId };
  } catch {
    // Most likely the address got an account a moment ago (two tabs): sign in instead.
    return { ok: false };
  }
}

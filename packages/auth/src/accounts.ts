// Creating accounts is the authority's job (there is no self sign-up). Used by the demo
// seeder and, later, by the practitioner app's user administration.
import type { AccountKind } from "@homeward/db";
import { symmetricEncrypt } from "better-auth/crypto";
import type { Auth } from "./create-auth.ts";

export interface NewAccount {
  name: string;
  email: string;
  password: string;
  kind: AccountKind;
  preferredLanguage?: string;
  /**
   * Practitioners: the TOTP secret their authenticator app holds. Family members get an
   * emailed one-time code instead, so they need none.
   */
  totpSecret?: string;
}

export async function createAccount(auth: Auth, account: NewAccount): Promise<string> {
  const ctx = await auth.$context;
  const user = await ctx.internalAdapter.createUser(
    {
      name: account.name,
      email: account.email.toLowerCase(),
      emailVerified: true,
      kind: account.kind,
      preferredLanguage: account.preferredLanguage ?? null,
      // Every account has a second factor: TOTP for staff, an emailed code for families.
      twoFactorEnabled: true,
    },
    { method: "admin" },
  );
  await ctx.internalAdapter.linkAccount({
    userId: user.id,
    providerId: "credential",
    accountId: user.id,
    password: await ctx.password.hash(account.password),
  });
  if (account.totpSecret) {
    await ctx.adapter.create({
      model: "twoFactor",
      data: {
        userId: user.id,
        secret: await symmetricEncrypt({ key: ctx.secretConfig, data: account.totpSecret }),
        backupCodes: await symmetricEncrypt({ key: ctx.secretConfig, data: "[]" }),
        verified: true,
      },
    });
  }
  return user.id;
}

// The demo practitioners' authenticator: the secret as an otpauth:// URI for an app, and the
// code it shows now (the end-to-end tests sign in with it too).
import * as OTPAuth from "otpauth";

export function demoTotp(secret: string, email: string) {
  return new OTPAuth.TOTP({
    issuer: "Homeward",
    label: email,
    algorithm: "SHA1",
    digits: 6,
    period: 30,
    secret: OTPAuth.Secret.fromLatin1(secret),
  });
}

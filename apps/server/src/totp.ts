// Prints the demo practitioners' current TOTP code (`./homeward totp`).
import { demoTotpSecret } from "@homeward/db";
import { demoTotp } from "./demo-totp.ts";

console.log(demoTotp(demoTotpSecret, "demo").generate());

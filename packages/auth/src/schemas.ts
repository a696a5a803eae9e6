// Sign-in form schemas, shared by both apps. Messages are i18n keys (namespace "auth"),
// translated where they are shown.
import { asciiDigits } from "@homeward/i18n";
import { z } from "zod";

export const signInSchema = z.object({
  email: z
    .string()
    .trim()
    .toLowerCase()
    .pipe(z.email({ error: "auth:errors.emailInvalid" })),
  password: z
    .string({ error: "auth:errors.passwordRequired" })
    .min(1, { error: "auth:errors.passwordRequired" }),
  next: z.string().optional(),
});

export const codeSchema = z.object({
  // A code typed on an Arabic, Urdu, Pashto or Bengali keyboard, or copied from an email with
  // its bidi marks, is still the same six digits.
  code: z
    .string({ error: "auth:errors.codeFormat" })
    .transform((code) => asciiDigits(code).trim())
    .pipe(z.string().regex(/^\d{6}$/, { error: "auth:errors.codeFormat" })),
  next: z.string().optional(),
});

export const forgotPasswordSchema = z.object({
  email: z
    .string()
    .trim()
    .toLowerCase()
    .pipe(z.email({ error: "auth:errors.emailInvalid" })),
});

export const resetPasswordSchema = z
  .object({
    token: z.string().min(1, { error: "auth:reset.invalidLink" }),
    newPassword: z
      .string()
      .min(10, { error: "auth:errors.passwordTooShort" })
      .max(128, { error: "auth:errors.passwordTooLong" }),
    confirmPassword: z.string(),
  })
  .refine((value) => value.newPassword === value.confirmPassword, {
    path: ["confirmPassword"],
    error: "auth:errors.passwordsDiffer",
  });

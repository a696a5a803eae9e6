export { Document } from "./document.tsx";
export { NonceProvider, useNonce } from "./nonce.tsx";
export { AppShell, type AppShellProps } from "./app-shell.tsx";
export { Button, type ButtonProps } from "./button.tsx";
export { ErrorSummary, type FieldErrors, FormErrors, useFieldError } from "./form-errors.tsx";
export { type LanguageOption, LanguageSwitcher } from "./language-switcher.tsx";
export {
  LanguageLink,
  LanguageList,
  type LanguageListText,
  languageChoiceHref,
  languagePageHref,
  TranslationNote,
} from "./language-page.tsx";
export { TextField, type TextFieldProps } from "./text-field.tsx";
export {
  CodeForm,
  type CodeFormText,
  ForgotPasswordForm,
  type ForgotPasswordText,
  ResetPasswordForm,
  type ResetPasswordText,
  SignInForm,
  type SignInFormText,
} from "./sign-in-forms.tsx";
export {
  LeaveQuickly,
  type LeaveQuicklyProps,
  leaveQuicklyPath,
  leftQuicklyCookie,
} from "./leave-quickly.tsx";
export { PageTitle } from "./page-title.tsx";
export { RadioGroup, type RadioGroupProps, type RadioOption } from "./radio-group.tsx";
export { CheckboxGroup, type CheckboxGroupProps, type CheckboxOption } from "./checkbox-group.tsx";
export {
  AutosaveTextArea,
  type AutosaveAnswer,
  type AutosaveMessages,
  type AutosaveTextAreaProps,
} from "./autosave-text-area.tsx";
export {
  EasyIcon,
  type EasyIconName,
  type EasyIconProps,
  type EasyLightLevel,
  EasyLine,
  type EasyLineProps,
  EasyList,
  easyIconNames,
} from "./easy-read.tsx";

import { Button as AriaButton, type ButtonProps as AriaButtonProps } from "react-aria-components";

export interface ButtonProps extends AriaButtonProps {
  /** @default 'primary' */
  variant?: "primary" | "secondary" | "link";
}

/** A real <button>; type="submit" by default so forms post without JavaScript. */
export function Button({ variant = "primary", type = "submit", className, ...props }: ButtonProps) {
  return (
    <AriaButton
      {...props}
      type={type}
      className={["hw-button", variant !== "primary" && `hw-button--${variant}`, className]
        .filter(Boolean)
        .join(" ")}
    />
  );
}

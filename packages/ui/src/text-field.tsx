import {
  TextField as AriaTextField,
  type TextFieldProps as AriaTextFieldProps,
  Input,
  Label,
  Text,
  TextArea,
} from "react-aria-components";
import { useFieldError } from "./form-errors.tsx";

export interface TextFieldProps extends Omit<AriaTextFieldProps, "children" | "className"> {
  label: string;
  description?: string;
  /** @default false */
  multiline?: boolean;
  rows?: number;
}

/**
 * A labelled text input. Server errors reach it through <FormErrors>, keyed by `name`;
 * `defaultValue` keeps what the person typed when a submit fails. `dir="auto"` lets a name or
 * a sentence in another script read the right way round on a right-to-left page.
 */
export function TextField({
  label,
  description,
  multiline = false,
  rows = 5,
  id,
  ...props
}: TextFieldProps) {
  // The error summary links to #field-<name>, so every named field gets that id.
  const fieldId = id ?? (props.name ? `field-${props.name}` : undefined);
  const error = useFieldError(props.name);
  return (
    <AriaTextField
      {...props}
      id={fieldId}
      isInvalid={Boolean(error) || props.isInvalid}
      className="hw-field"
    >
      <Label className="hw-label">{label}</Label>
      {description ? (
        <Text slot="description" className="hw-field__description">
          {description}
        </Text>
      ) : null}
      {error ? (
        <Text slot="errorMessage" className="hw-field__error">
          {error}
        </Text>
      ) : null}
      {multiline ? <TextArea rows={rows} dir="auto" /> : <Input dir="auto" />}
    </AriaTextField>
  );
}

import {
  TextField as AriaTextField,
  type TextFieldProps as AriaTextFieldProps,
  FieldError,
  Input,
  Label,
  Text,
  TextArea,
} from "react-aria-components";

export interface TextFieldProps extends Omit<AriaTextFieldProps, "children" | "className"> {
  label: string;
  description?: string;
  /** @default false */
  multiline?: boolean;
  rows?: number;
}

/**
 * A labelled text input. Server errors reach it through <FormErrors>, keyed by `name`;
 * `defaultValue` keeps what the person typed when a submit fails.
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
  return (
    <AriaTextField {...props} id={fieldId} className="hw-field">
      <Label>{label}</Label>
      {description ? (
        <Text slot="description" className="hw-field__description">
          {description}
        </Text>
      ) : null}
      <FieldError className="hw-field__error" />
      {multiline ? <TextArea rows={rows} /> : <Input />}
    </AriaTextField>
  );
}

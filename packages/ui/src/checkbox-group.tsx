import {
  CheckboxGroup as AriaCheckboxGroup,
  type CheckboxGroupProps as AriaCheckboxGroupProps,
  Checkbox,
  Label,
  Text,
} from "react-aria-components";
import { useFieldError } from "./form-errors.tsx";

export interface CheckboxOption {
  value: string;
  label: string;
  description?: string;
}

export interface CheckboxGroupProps extends Omit<AriaCheckboxGroupProps, "children" | "className"> {
  label: string;
  description?: string;
  options: readonly CheckboxOption[];
}

/**
 * A labelled set of choices where several may be picked. react-aria renders real checkbox
 * inputs named after the group, so the picks post with the form even without JavaScript
 * (one value per ticked box); server errors arrive through <FormErrors> by `name`.
 */
export function CheckboxGroup({ label, description, options, ...props }: CheckboxGroupProps) {
  const error = useFieldError(props.name);
  return (
    <AriaCheckboxGroup
      {...props}
      id={props.id ?? (props.name ? `field-${props.name}` : undefined)}
      isInvalid={Boolean(error) || props.isInvalid}
      className="hw-field hw-radio-group"
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
      {options.map((option) => (
        <Checkbox key={option.value} value={option.value} className="hw-radio hw-checkbox">
          <span className="hw-radio__mark hw-checkbox__mark" aria-hidden="true" />
          <span>
            {option.label}
            {option.description ? (
              <span className="hw-field__description hw-radio__description">
                {option.description}
              </span>
            ) : null}
          </span>
        </Checkbox>
      ))}
    </AriaCheckboxGroup>
  );
}

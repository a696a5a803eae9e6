import {
  Label,
  Radio,
  RadioGroup as AriaRadioGroup,
  type RadioGroupProps as AriaRadioGroupProps,
  Text,
} from "react-aria-components";
import { useFieldError } from "./form-errors.tsx";

export interface RadioOption {
  value: string;
  label: string;
  description?: string;
}

export interface RadioGroupProps extends Omit<AriaRadioGroupProps, "children" | "className"> {
  label: string;
  description?: string;
  options: readonly RadioOption[];
}

/**
 * A labelled set of choices. react-aria renders real radio inputs, so the choice posts with
 * the form even without JavaScript; server errors arrive through <FormErrors> by `name`.
 */
export function RadioGroup({ label, description, options, ...props }: RadioGroupProps) {
  const error = useFieldError(props.name);
  return (
    <AriaRadioGroup
      {...props}
      id={props.id ?? (props.name ? `field-${props.name}` : undefined)}
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
        <Radio key={option.value} value={option.value} className="hw-radio">
          <span className="hw-radio__mark" aria-hidden="true" />
          <span>
            {option.label}
            {option.description ? (
              <span className="hw-field__description hw-radio__description">
                {option.description}
              </span>
            ) : null}
          </span>
        </Radio>
      ))}
    </AriaRadioGroup>
  );
}

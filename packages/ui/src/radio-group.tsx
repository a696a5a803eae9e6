import {
  Radio,
  RadioGroup as AriaRadioGroup,
  type RadioGroupProps as AriaRadioGroupProps,
} from "react-aria-components";
import { ChoiceContent, type ChoiceOption, FieldHeading, fieldId } from "./field-parts.tsx";
import { useFieldError } from "./form-errors.tsx";

export type RadioOption = ChoiceOption;

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
      id={fieldId(props.id, props.name)}
      className="hw-field hw-radio-group"
    >
      <FieldHeading label={label} description={description} error={error} />
      {options.map((option) => (
        <Radio key={option.value} value={option.value} className="hw-radio">
          <ChoiceContent option={option} markClassName="hw-radio__mark" />
        </Radio>
      ))}
    </AriaRadioGroup>
  );
}

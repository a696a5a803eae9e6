import {
  CheckboxGroup as AriaCheckboxGroup,
  type CheckboxGroupProps as AriaCheckboxGroupProps,
  Checkbox,
} from "react-aria-components";
import { ChoiceContent, type ChoiceOption, FieldHeading, fieldId } from "./field-parts.tsx";
import { useFieldError } from "./form-errors.tsx";

export type CheckboxOption = ChoiceOption;

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
      id={fieldId(props.id, props.name)}
      isInvalid={Boolean(error) || props.isInvalid}
      className="hw-field hw-radio-group"
    >
      <FieldHeading label={label} description={description} error={error} />
      {options.map((option) => (
        <Checkbox key={option.value} value={option.value} className="hw-radio hw-checkbox">
          <ChoiceContent option={option} markClassName="hw-radio__mark hw-checkbox__mark" />
        </Checkbox>
      ))}
    </AriaCheckboxGroup>
  );
}

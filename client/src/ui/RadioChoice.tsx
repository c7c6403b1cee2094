/**
 * One choice among a few options as a fieldset of radio buttons: the legend names it, each label
 * wraps its input (so a click on the text picks it), and the arrow keys move within the group.
 */
export function RadioChoice<T extends string>(props: {
  legend: string
  /** The radio group's name, unique on the page. */
  name: string
  /** Each input's test id is `${testId}-${option}`. */
  testId: string
  options: readonly T[]
  value: T
  label(option: NoInfer<T>): string
  onChange(option: NoInfer<T>): void
}) {
  return (
    <fieldset>
      <legend>{props.legend}</legend>
      {props.options.map((option) => (
        <label key={option} className="radio">
          <input type="radio" name={props.name} checked={props.value === option} onChange={() => props.onChange(option)} data-testid={`${props.testId}-${option}`} />
          {props.label(option)}
        </label>
      ))}
    </fieldset>
  )
}

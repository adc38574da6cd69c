// The plan form's own fields: a labelled text input or text area, and a group of checkboxes.

export function Text({
  id,
  label,
  value,
  onChange,
  readOnly,
  multiline,
  type,
  hint,
}: {
  id: string
  label: string
  value: string
  onChange: (v: string) => void
  readOnly: boolean
  multiline?: boolean
  type?: string
  /** What to write, shown under the label and read with the field: a prompt, never the field's text. */
  hint?: string
}) {
  const described = hint && !readOnly ? { 'aria-describedby': `${id}-hint` } : {}
  return (
    <p className="field">
      <label htmlFor={id}>{label}</label>
      {hint && !readOnly && (
        <span className="field__hint" id={`${id}-hint`}>
          {hint}
        </span>
      )}
      {multiline ? (
        <textarea id={id} value={value} onChange={(e) => onChange(e.target.value)} readOnly={readOnly} rows={3} {...described} />
      ) : (
        <input id={id} type={type ?? 'text'} value={value} onChange={(e) => onChange(e.target.value)} readOnly={readOnly} {...described} />
      )}
    </p>
  )
}

export function Checks<Id extends string>({
  legend,
  name,
  options,
  value,
  onChange,
  readOnly,
}: {
  legend: string
  name: string
  options: readonly { id: Id; title: string }[]
  value: readonly string[]
  onChange: (v: Id[]) => void
  readOnly: boolean
}) {
  return (
    <fieldset className="checks">
      <legend>{legend}</legend>
      {options.map((o) => (
        <label key={o.id} className="check">
          <input
            type="checkbox"
            name={name}
            value={o.id}
            checked={value.includes(o.id)}
            disabled={readOnly}
            onChange={(e) => onChange(e.target.checked ? ([...value, o.id] as Id[]) : (value.filter((x) => x !== o.id) as Id[]))}
          />{' '}
          {o.title}
        </label>
      ))}
    </fieldset>
  )
}

import type { ChangeEvent, KeyboardEventHandler, ReactNode } from 'react';

interface FieldProps {
  id: string;
  label: string;
  /** Backend field name, so tests and errors can find the field. */
  field?: string;
  hint?: ReactNode;
  error?: string;
  /** Saves, but will not work as meant (e.g. above the model's limit). */
  warning?: string;
  /** Extra classes next to `field` (how it sizes in a row). */
  className?: string;
  children: ReactNode;
}

/** A labelled input with its hint and, when broken, its error (or warning). */
export function Field({ id, label, field, hint, error, warning, className, children }: FieldProps) {
  return (
    <div className={className ? `field ${className}` : 'field'} data-field={field}>
      <label htmlFor={id}>{label}</label>
      {children}
      {error ? (
        <div className="field-error" id={`${id}-error`} data-field-error={field} role="alert">
          {label}: {error}
        </div>
      ) : warning ? (
        <div className="field-warn" id={`${id}-hint`} data-field-warning={field} role="status">
          ⚠ {warning}
        </div>
      ) : hint ? (
        <div className="hint" id={`${id}-hint`}>
          {hint}
        </div>
      ) : null}
    </div>
  );
}

interface SecretInputOptions {
  id: string;
  value: string;
  onChange: (v: string) => void;
  placeholder?: string;
  autoFocus?: boolean;
  error?: string;
}

/**
 * The props of an input that holds a key or credential: never spell-checked
 * or autofilled, and tied to its Field's hint or error.
 */
export function secretInputProps({ id, value, onChange, placeholder, autoFocus, error }: SecretInputOptions) {
  return {
    id,
    value,
    placeholder,
    spellCheck: false,
    autoComplete: 'off',
    autoFocus,
    onChange: (e: ChangeEvent<HTMLInputElement | HTMLTextAreaElement>) => onChange(e.target.value),
    ...describedBy(id, error),
  };
}

/** aria attributes that tie an input to its Field's hint or error. */
export function describedBy(id: string, error?: string) {
  return {
    'aria-invalid': error ? (true as const) : undefined,
    'aria-describedby': error ? `${id}-error` : `${id}-hint`,
  };
}

export interface TextFieldProps extends Omit<FieldProps, 'children'> {
  value: string;
  onChange: (v: string) => void;
  onBlur?: () => void;
  placeholder?: string;
  inputMode?: 'numeric' | 'decimal';
  /** Classes after `input`: width, `mono` for ids and URLs. */
  inputClass?: string;
  /** A <datalist> id of suggestions. */
  list?: string;
  spellCheck?: boolean;
  onKeyDown?: KeyboardEventHandler<HTMLInputElement>;
  /** Shown after the input (a datalist). */
  children?: ReactNode;
}

/** A Field around a one-line text input tied to its hint or error. */
export function TextField({ value, onChange, onBlur, onKeyDown, placeholder, inputMode, inputClass, list, spellCheck, children, ...field }: TextFieldProps) {
  const { id, error } = field;
  return (
    <Field {...field}>
      <input
        id={id}
        className={inputClass ? `input ${inputClass}` : 'input'}
        inputMode={inputMode}
        list={list}
        placeholder={placeholder}
        spellCheck={spellCheck}
        value={value}
        onChange={(e) => onChange(e.target.value)}
        onBlur={onBlur}
        onKeyDown={onKeyDown}
        {...describedBy(id, error)}
      />
      {children}
    </Field>
  );
}

import { Field, Input } from "@fluentui/react-components";
import { useState } from "react";

export interface TextFieldProps {
  label: string;
  /** The saved value; the field shows it again whenever it changes. */
  value: string;
  placeholder?: string;
  inputMode?: "text" | "decimal";
  disabled?: boolean;
  /** Commit the trimmed text (on blur or Enter); returns why it was refused, or null when accepted or unchanged. */
  onCommit(text: string): string | null;
}

/**
 * A field typed freely and committed on blur or Enter, so that "9" on the way to "90" (or half a
 * name) is never saved; a refusal is shown at the field.
 */
export function TextField({ label, value, placeholder, inputMode, disabled, onCommit }: TextFieldProps) {
  const [text, setText] = useState(value);
  const [error, setError] = useState<string | null>(null);
  // A new saved value replaces the text being typed (React's "adjust state when a prop changes").
  const [shown, setShown] = useState(value);
  if (value !== shown) {
    setShown(value);
    setText(value);
  }

  const commit = () => setError(onCommit(text.trim()));
  return (
    <Field label={label} validationMessage={error ?? undefined} validationState={error ? "error" : "none"}>
      <Input
        value={text}
        placeholder={placeholder}
        inputMode={inputMode}
        disabled={disabled}
        onChange={(_, data) => setText(data.value)}
        onBlur={commit}
        onKeyDown={(e) => {
          if (e.key === "Enter") commit();
        }}
      />
    </Field>
  );
}

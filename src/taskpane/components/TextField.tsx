import { Field, Input } from "@fluentui/react-components";
import { useEffect, useState } from "react";

export interface TextFieldProps {
  label: string;
  value: string;
  placeholder?: string;
  disabled?: boolean;
  /** Commit the trimmed text; returns why it was refused, or null when accepted. */
  onCommit(value: string): string | null;
}

/** A text committed on blur or Enter (as NumberField), so a name is saved once, not per keystroke. */
export function TextField({ label, value, placeholder, disabled, onCommit }: TextFieldProps) {
  const [text, setText] = useState(value);
  const [error, setError] = useState<string | null>(null);
  useEffect(() => setText(value), [value]);

  const commit = () => {
    const t = text.trim();
    if (t === value) return setError(null);
    setError(onCommit(t));
  };
  return (
    <Field label={label} validationMessage={error ?? undefined} validationState={error ? "error" : "none"}>
      <Input
        value={text}
        placeholder={placeholder}
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

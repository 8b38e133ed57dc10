import { Field, Input } from "@fluentui/react-components";
import { useEffect, useState } from "react";

/** "92,5" or "92.5" → 92.5; anything else → null. */
export const parseDecimal = (text: string): number | null => {
  const t = text.trim().replace(",", ".");
  return /^-?\d+(\.\d+)?$/.test(t) ? Number(t) : null;
};

export interface NumberFieldProps {
  label: string;
  value: number;
  lang: "sv" | "en";
  disabled?: boolean;
  invalidText: string;
  /** Commit a new value; returns why it was refused, or null when accepted. */
  onCommit(value: number): string | null;
}

/**
 * A number typed freely and committed on blur or Enter, so that "9" on the way to "90" is never
 * saved; shown with a decimal comma in Swedish.
 */
export function NumberField({ label, value, lang, disabled, invalidText, onCommit }: NumberFieldProps) {
  const shown = (n: number) => (lang === "sv" ? String(n).replace(".", ",") : String(n));
  const [text, setText] = useState(shown(value));
  const [error, setError] = useState<string | null>(null);
  useEffect(() => setText(shown(value)), [value, lang]); // eslint-disable-line react-hooks/exhaustive-deps

  const commit = () => {
    const n = parseDecimal(text);
    if (n === null) return setError(invalidText);
    if (n === value) return setError(null);
    setError(onCommit(n));
  };
  return (
    <Field label={label} validationMessage={error ?? undefined} validationState={error ? "error" : "none"}>
      <Input
        value={text}
        inputMode="decimal"
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

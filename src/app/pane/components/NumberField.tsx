import { TextField } from "./TextField";

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

/** A number committed on blur or Enter (TextField), shown with a decimal comma in Swedish. */
export function NumberField({ label, value, lang, disabled, invalidText, onCommit }: NumberFieldProps) {
  const shown = lang === "sv" ? String(value).replace(".", ",") : String(value);
  return (
    <TextField
      label={label}
      value={shown}
      inputMode="decimal"
      disabled={disabled}
      onCommit={(text) => {
        const n = parseDecimal(text);
        if (n === null) return invalidText;
        return n === value ? null : onCommit(n);
      }}
    />
  );
}

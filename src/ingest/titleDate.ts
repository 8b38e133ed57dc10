// The measurement date a sheet's title gives (DOMAIN.md §3): "Mätdatum 2024-01-31" says it outright;
// "väntetidsuttag … 2024-02-05" is an extract taken early in a month, of the month before, so it is
// measured on that month's last day (2024-01-31).
import { type DaySerial, serialFromIso, ymdFromSerial, serialFromYmd } from "../model/days";

const fold = (text: string): string =>
  text
    .toLowerCase()
    .normalize("NFD")
    .replace(/[\u0300-\u036f]/g, "");

const RE_MEASURED = /\b(?:matdatum|matdag|measurement date|measured on)\b\D{0,12}(\d{4}-\d{2}-\d{2})/;
const RE_EXTRACT = /uttag\w*\b[^\d\n]{0,80}?(\d{4}-\d{2}-\d{2})/;

export function titleMeasurementDate(title: string): DaySerial | null {
  const t = fold(title);
  const measured = RE_MEASURED.exec(t);
  if (measured) return serialFromIso(measured[1]);
  const extract = RE_EXTRACT.exec(t);
  if (!extract) return null;
  const taken = serialFromIso(extract[1]);
  if (taken === null) return null;
  const { y, m } = ymdFromSerial(taken);
  return serialFromYmd(y, m, 1) - 1;
}

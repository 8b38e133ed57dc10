// The exception code of a row (avvikelsekod: PvV, MoV, SoV) and the guarantee flag (vardgaranti),
// as DOMAIN.md §1 defines them. A few dozen distinct texts cover a million rows: answers are cached.
import type { Cell } from "../../model/cells";
import type { Basis, ExceptionCode } from "../../model/measures";
import type { Parsed } from "../../model/parsed";
import { CACHE_LIMIT } from "./cache";
import { normalizeHeader } from "./headers";

// Shared answers that carry no per-call data (never mutate them).
const FAIL_CODE: Parsed<never> = { ok: false, reason: "unknownExceptionCode" };
const FAIL_GUARANTEE: Parsed<never> = { ok: false, reason: "unknownGuarantee" };
const OK_NULL: Parsed<null> = { ok: true, value: null };
const OK_TRUE: Parsed<boolean> = { ok: true, value: true };
const OK_FALSE: Parsed<boolean> = { ok: true, value: false };
const OK_PVV: Parsed<ExceptionCode> = { ok: true, value: "PvV" };
const OK_MOV: Parsed<ExceptionCode> = { ok: true, value: "MoV" };
const OK_SOV: Parsed<ExceptionCode> = { ok: true, value: "SoV" };

/** Exact cell texts seen in extracts, answered without normalising. */
const EXCEPTION_EXACT = new Map<string, Parsed<ExceptionCode | null>>([
  ["", OK_NULL],
  ["0", OK_NULL],
  ["-", OK_NULL],
  ["Nej", OK_NULL],
  ["NEJ", OK_NULL],
  ["nej", OK_NULL],
  ["1", OK_PVV],
  ["PvV", OK_PVV],
  ["PVV", OK_PVV],
  ["pvv", OK_PVV],
  ["2", OK_MOV],
  ["MoV", OK_MOV],
  ["MOV", OK_MOV],
  ["mov", OK_MOV],
  ["3", OK_SOV],
  ["SoV", OK_SOV],
  ["SOV", OK_SOV],
  ["sov", OK_SOV],
]);
const exceptionCache = new Map<string, Parsed<ExceptionCode | null>>();

/** Normalised texts meaning "no exception". */
const NO_EXCEPTION = new Set(["", "0", "nej", "n", "no", "none", "ingen", "inga", "ingen avvikelse", "saknas"]);
/** Words that name a code; words that may accompany a code; anything else makes the text unknown. */
const CODE_WORDS = new Map<string, ExceptionCode>([
  ["1", "PvV"],
  ["pvv", "PvV"],
  ["patientvald", "PvV"],
  ["2", "MoV"],
  ["mov", "MoV"],
  ["medicinskt", "MoV"],
  ["medicinsk", "MoV"],
  ["3", "SoV"],
  ["sov", "SoV"],
  ["sarskilda", "SoV"],
  ["sarskild", "SoV"],
  ["sarskilt", "SoV"],
]);
const FILLER_WORDS = new Set(["vantan", "orsakad", "skal", "kod", "avvikelse", "avvikelsekod"]);
const DASHES = new Set(["-", "–", "—", "−"]);

function classifyException(text: string): Parsed<ExceptionCode | null> {
  const trimmed = text.trim();
  if (DASHES.has(trimmed)) return OK_NULL;
  const n = normalizeHeader(trimmed);
  if (NO_EXCEPTION.has(n)) return trimmed.length > 0 && n === "" ? FAIL_CODE : OK_NULL;
  let found: ExceptionCode | null = null;
  for (const w of n.split(" ")) {
    const code = CODE_WORDS.get(w);
    if (code !== undefined) {
      if (found !== null && found !== code) return FAIL_CODE;
      found = code;
    } else if (!FILLER_WORDS.has(w)) return FAIL_CODE;
  }
  if (found === "PvV") return OK_PVV;
  if (found === "MoV") return OK_MOV;
  if (found === "SoV") return OK_SOV;
  return FAIL_CODE;
}

/**
 * The exception code (avvikelsekod) of a row: blank, 0, "Nej", "Ingen", "-" → null (no
 * exception); 1 / "PvV" / "Patientvald väntan" → "PvV"; 2 / "MoV" / "Medicinskt orsakad väntan"
 * → "MoV"; 3 / "SoV" / "Särskilda skäl" → "SoV". Case-insensitive; combined forms such as
 * "1 - PvV" or "Patientvald väntan (PvV)" are accepted when they agree. `false` → null.
 * Anything else → unknownExceptionCode. Results for text are cached per distinct string.
 */
export function parseExceptionCode(cell: Cell): Parsed<ExceptionCode | null> {
  if (cell === null) return OK_NULL;
  if (typeof cell === "number") {
    if (cell === 0) return OK_NULL;
    if (cell === 1) return OK_PVV;
    if (cell === 2) return OK_MOV;
    if (cell === 3) return OK_SOV;
    return FAIL_CODE;
  }
  if (typeof cell === "boolean") return cell ? FAIL_CODE : OK_NULL;
  let r = EXCEPTION_EXACT.get(cell);
  if (r !== undefined) return r;
  r = exceptionCache.get(cell);
  if (r !== undefined) return r;
  r = classifyException(cell);
  if (exceptionCache.size < CACHE_LIMIT) exceptionCache.set(cell, r);
  return r;
}

const GUARANTEE_WORDS = new Map<string, Parsed<boolean | null>>([
  ["", OK_NULL],
  ["1", OK_TRUE],
  ["ja", OK_TRUE],
  ["j", OK_TRUE],
  ["yes", OK_TRUE],
  ["y", OK_TRUE],
  ["true", OK_TRUE],
  ["sant", OK_TRUE],
  ["omfattas", OK_TRUE],
  // PostgreSQL-style booleans in warehouse exports (DOMAIN.md §3).
  ["t", OK_TRUE],
  ["2", OK_FALSE],
  ["nej", OK_FALSE],
  ["n", OK_FALSE],
  ["no", OK_FALSE],
  ["false", OK_FALSE],
  ["falskt", OK_FALSE],
  ["f", OK_FALSE],
  ["omfattas ej", OK_FALSE],
  ["omfattas inte", OK_FALSE],
]);
const RE_WS_RUN = /\s+/g;
const guaranteeCache = new Map<string, Parsed<boolean | null>>();

/**
 * The guarantee flag (vardgaranti): blank → null (no flag); 1, "1", "JA", "Ja", "J", "Yes",
 * "t", true → true (covered); 2, "2", "NEJ", "Nej", "N", "No", "f", false → false (not covered); also
 * "Omfattas"/"Omfattas ej". Case-insensitive. Anything else → unknownGuarantee.
 */
export function parseGuarantee(cell: Cell): Parsed<boolean | null> {
  if (cell === null) return OK_NULL;
  if (typeof cell === "number") return cell === 1 ? OK_TRUE : cell === 2 ? OK_FALSE : FAIL_GUARANTEE;
  if (typeof cell === "boolean") return cell ? OK_TRUE : OK_FALSE;
  let r = guaranteeCache.get(cell);
  if (r !== undefined) return r;
  r = GUARANTEE_WORDS.get(cell.trim().toLowerCase().replace(RE_WS_RUN, " ")) ?? FAIL_GUARANTEE;
  if (guaranteeCache.size < CACHE_LIMIT) guaranteeCache.set(cell, r);
  return r;
}

const OK_FIRST: Parsed<PhaseValue> = { ok: true, value: "firstVisit" };
const OK_TREAT: Parsed<PhaseValue> = { ok: true, value: "treatment" };
const OK_RETURN: Parsed<PhaseValue> = { ok: true, value: "returnVisit" };
const FAIL_PHASE: Parsed<never> = { ok: false, reason: "unknownPhase" };

/** What SKR's `fas` says: the measure, or a return visit (not in the guarantee). */
export type PhaseValue = "firstVisit" | "treatment" | "returnVisit";

/** `fas`: 1 first contact, 2 operation/åtgärd, 4 return visit (DOMAIN.md §3); anything else is unknown. */
export function parsePhase(cell: Cell): Parsed<PhaseValue> {
  const v = typeof cell === "number" ? cell : typeof cell === "string" ? cell.trim() : null;
  if (v === 1 || v === "1") return OK_FIRST;
  if (v === 2 || v === "2") return OK_TREAT;
  if (v === 4 || v === "4") return OK_RETURN;
  return FAIL_PHASE;
}

const OK_WAITING: Parsed<Basis> = { ok: true, value: "waiting" };
const OK_COMPLETED: Parsed<Basis> = { ok: true, value: "completed" };
const FAIL_STATUS: Parsed<never> = { ok: false, reason: "unknownContactStatus" };
const STATUS_WORDS = new Map<string, Parsed<Basis>>([
  ["vantande", OK_WAITING],
  ["vantar", OK_WAITING],
  ["waiting", OK_WAITING],
  ["genomford", OK_COMPLETED],
  ["genomforda", OK_COMPLETED],
  ["utford", OK_COMPLETED],
  ["completed", OK_COMPLETED],
]);

/** `status`: VANTANDE or GENOMFORD (any case, with or without å/ä/ö) → the row's basis. */
export function parseContactStatus(cell: Cell): Parsed<Basis> {
  if (typeof cell !== "string") return FAIL_STATUS;
  return STATUS_WORDS.get(normalizeHeader(cell)) ?? FAIL_STATUS;
}

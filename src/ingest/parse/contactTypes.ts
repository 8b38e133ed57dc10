// Contact types (vardkontakttyp) as the care-guarantee measure they name, from a column, a sheet's
// name or its title. Cached per distinct text: a million rows carry a handful of types.
import type { Cell } from "../../model/cells";
import type { MeasureId } from "../../model/measures";
import { CACHE_LIMIT } from "./cache";
import { normalizeHeader } from "./headers";

const contactCache = new Map<string, MeasureId | null>();

const RE_NOT_GUARANTEE = /(?:^| )(?:ater\p{L}*|follow|followup|return|revisit)(?: |$)/u;
const RE_TREATMENT_TOKEN = /(?:^| )(?:op|opr|atg|op atg)(?: |$)/;

function classifyContact(n: string): MeasureId | null {
  if (n === "" || RE_NOT_GUARANTEE.test(n)) return null;
  const has = (w: string): boolean => n.includes(w);
  // Child and adolescent psychiatry first: the specific patterns before the general ones.
  if (
    has("bup") ||
    has("barn och ungdomspsykiatri") ||
    has("barnpsykiatri") ||
    has("camhs") ||
    has("child") ||
    has("fordjupad") ||
    has("utredning") ||
    has("in depth")
  ) {
    if (has("fordjupad") || has("utredning") || has("behandling") || has("in depth") || has("treatment") || has("atgard")) {
      return "bupTreatment";
    }
    if (has("bedomning") || has("assessment") || has("forsta") || has("first") || has("besok") || has("visit")) {
      return "bupFirst";
    }
    return null;
  }
  if ((has("forsta") || has("first")) && (has("bedomning") || has("assessment"))) return "bupFirst";
  if (has("bedomning") || has("assessment")) return "primaryAssessment";
  if (has("kontakt") || has("contact")) return "primaryContact";
  if (has("besok") || has("visit")) return "firstVisit";
  if (
    has("operation") ||
    has("atgard") ||
    has("behandling") ||
    has("treatment") ||
    has("surgery") ||
    has("procedure") ||
    has("ingrepp") ||
    RE_TREATMENT_TOKEN.test(n)
  ) {
    return "treatment";
  }
  return null;
}

/**
 * The care-guarantee measure a contact-type text names, or null when it names none:
 * "Förstabesök", "Nybesök", "Besök" → firstVisit; "Operation/åtgärd", "Åtgärd", "Behandling",
 * "Op/åtg" → treatment; "Kontakt", "Kontakt samma dag" → primaryContact; "Medicinsk bedömning",
 * "Bedömning" → primaryAssessment; "BUP första bedömning", "Första bedömning" → bupFirst;
 * "BUP fördjupad utredning", "Utredning/behandling", "BUP behandling" → bupTreatment; English
 * equivalents too. Return visits ("Återbesök") → null. Numbers and booleans → null (numeric
 * contact-type codes are not mapped). Cached per distinct string.
 */
export function parseContactType(cell: Cell): MeasureId | null {
  if (typeof cell !== "string") return null;
  const cached = contactCache.get(cell);
  if (cached !== undefined) return cached;
  const r = classifyContact(normalizeHeader(cell));
  if (contactCache.size < CACHE_LIMIT) contactCache.set(cell, r);
  return r;
}

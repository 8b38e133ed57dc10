import { parseContactType } from "../../../src/ingest/parse/contactTypes";

describe("parseContactType", () => {
  test.each([
    ["Förstabesök", "firstVisit"],
    ["Första besök", "firstVisit"],
    ["Nybesök", "firstVisit"],
    ["Nybesök läkare", "firstVisit"],
    ["Besök", "firstVisit"],
    ["FÖRSTABESÖK", "firstVisit"],
    ["first visit", "firstVisit"],
    ["Operation/åtgärd", "treatment"],
    ["Operation", "treatment"],
    ["Åtgärd", "treatment"],
    ["Behandling", "treatment"],
    ["Op/åtg", "treatment"],
    ["treatment", "treatment"],
    ["operation", "treatment"],
    ["Kontakt", "primaryContact"],
    ["Kontakt samma dag", "primaryContact"],
    ["Tillgänglighet/kontakt", "primaryContact"],
    ["Medicinsk bedömning", "primaryAssessment"],
    ["Bedömning", "primaryAssessment"],
    ["BUP första bedömning", "bupFirst"],
    ["Första bedömning", "bupFirst"],
    ["BUP fördjupad utredning", "bupTreatment"],
    ["Fördjupad utredning", "bupTreatment"],
    ["BUP behandling", "bupTreatment"],
    ["Utredning/behandling", "bupTreatment"],
  ] as const)("%p → %p", (text, measure) => {
    expect(parseContactType(text)).toBe(measure);
  });

  test.each([[1], ["1"], ["2"], [null], [""], [true], ["Återbesök"], ["Okänt"]])("%p → null", (cell) => {
    expect(parseContactType(cell)).toBeNull();
  });

  test("repeated calls give the cached answer", () => {
    expect([parseContactType("Förstabesök"), parseContactType("Förstabesök")]).toEqual(["firstVisit", "firstVisit"]);
  });
});

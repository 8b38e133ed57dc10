import { normalizeHeader } from "../../../src/ingest/parse/headers";

describe("normalizeHeader", () => {
  test.each([
    ["Väntat (dagar)", "vantat dagar"],
    ["PvV/MoV", "pvv mov"],
    ["beslut_datum", "beslut datum"],
    ["Vårdenhet", "vardenhet"],
    ["Åtgärd", "atgard"],
    ["Överläkare", "overlakare"],
    ["Remiss-datum", "remiss datum"],
    ["Café", "cafe"],
    ["  Andel (%)  ", "andel"],
    ["Antal  väntande\u00a0>90 dagar", "antal vantande 90 dagar"],
    ["Naïve Søk", "naive sok"],
  ])("%p → %p", (text, expected) => {
    expect(normalizeHeader(text)).toBe(expected);
  });
});

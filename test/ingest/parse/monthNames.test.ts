import { monthFromName } from "../../../src/ingest/parse/monthNames";

describe("monthFromName", () => {
  test.each([
    ["januari", 1],
    ["jan", 1],
    ["februari", 2],
    ["feb", 2],
    ["mars", 3],
    ["mar", 3],
    ["april", 4],
    ["apr", 4],
    ["maj", 5],
    ["juni", 6],
    ["jun", 6],
    ["juli", 7],
    ["jul", 7],
    ["augusti", 8],
    ["aug", 8],
    ["september", 9],
    ["sep", 9],
    ["sept", 9],
    ["oktober", 10],
    ["okt", 10],
    ["november", 11],
    ["nov", 11],
    ["december", 12],
    ["dec", 12],
  ])("Swedish %p is month %p", (name, m) => {
    expect(monthFromName(name)).toBe(m);
  });

  test.each([
    ["January", 1],
    ["March", 3],
    ["May", 5],
    ["June", 6],
    ["July", 7],
    ["October", 10],
    ["oct", 10],
  ])("English %p is month %p", (name, m) => {
    expect(monthFromName(name)).toBe(m);
  });

  test("is case-insensitive", () => {
    expect(monthFromName("MARS")).toBe(3);
  });

  test("accepts a trailing dot", () => {
    expect(monthFromName("okt.")).toBe(10);
  });

  test("unknown names are null", () => {
    expect(monthFromName("tertial")).toBeNull();
  });
});

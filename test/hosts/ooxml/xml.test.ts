import fc from "fast-check";
import { escapeAttr, escapeText, stripIllegal } from "../../../src/hosts/ooxml/xml";

describe("characters XML 1.0 forbids", () => {
  test("controls and lone surrogates go, tab/LF/CR and surrogate pairs stay", () => {
    expect(stripIllegal("a\u0000b\u0008c\u000Bd\u001Fe")).toBe("abcde");
    expect(stripIllegal("\t\n\r")).toBe("\t\n\r");
    expect(stripIllegal("x\uFFFEy\uFFFF")).toBe("xy");
    expect(stripIllegal("😀 Östra")).toBe("😀 Östra");
    expect(stripIllegal("\uD83D")).toBe(""); // high surrogate at the end
    expect(stripIllegal("\uDE00x")).toBe("x"); // low surrogate at the start
    expect(stripIllegal("\uDE00\uD83D")).toBe(""); // low then high: no pair
    expect(stripIllegal("\uD83D\uD83D\uDE00")).toBe("😀"); // the first high is alone
    expect(stripIllegal("a\uD83D\uDE00\uDE00b")).toBe("a😀b"); // the second low is alone
  });

  test("what remains is exactly the well-formed characters, in order", () => {
    // Reference: walk code points; a lone surrogate shows up as a single unit 0xD800–0xDFFF.
    const legal = (cp: number) =>
      cp === 9 || cp === 10 || cp === 13 || (cp >= 0x20 && cp <= 0xd7ff) || (cp >= 0xe000 && cp <= 0xfffd) || cp >= 0x10000;
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 0, max: 0xffff })), (units) => {
        const s = String.fromCharCode(...units);
        let want = "";
        for (const ch of s) if (legal(ch.codePointAt(0)!)) want += ch;
        expect(stripIllegal(s)).toBe(want);
      }),
      { numRuns: 300 },
    );
  });

  test("escaping removes them too", () => {
    expect(escapeText("<a\u0001&>")).toBe("&lt;a&amp;&gt;");
    expect(escapeAttr('"\uD800\t')).toBe("&quot;&#9;");
  });
});

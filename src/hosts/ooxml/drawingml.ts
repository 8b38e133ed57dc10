// Small pieces of DrawingML (ECMA-376 Part 1 §20, §21) that the .xlsx chart parts and the slides'
// chart user shapes both write.

export const NS_C = "http://schemas.openxmlformats.org/drawingml/2006/chart";
export const NS_A = "http://schemas.openxmlformats.org/drawingml/2006/main";

/** A number as written in XML (shortest round-trip form). */
export function num(n: number): string {
  return Object.is(n, -0) ? "0" : String(n);
}

/** A solid fill in an sRGB colour (LibreOffice does not resolve theme colours in chart parts). */
export const solidFill = (hex: string) => `<a:solidFill><a:srgbClr val="${hex.toUpperCase()}"/></a:solidFill>`;

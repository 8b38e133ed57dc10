// A chart's target line as user shapes inside the chart part (c:userShapes), the same in the
// .xlsx (xl/drawings/drawingN.xml beside xl/charts/chartN.xml) and in the slides' chart parts, so the
// line moves and scales with the chart wherever it is pasted.
import { NS_A, NS_C, num, solidFill } from "./drawingml";
import { referenceGeometry, round4, type LinePlacement } from "./chartRules";
import { escapeAttr, escapeText } from "./xml";

export const REL_USER_SHAPES = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/chartUserShapes";
export const CT_USER_SHAPES = "application/vnd.openxmlformats-officedocument.drawingml.chartshapes+xml";
const NS_CDR = "http://schemas.openxmlformats.org/drawingml/2006/chartDrawing";

/**
 * The user-shapes part of a chart with a reference line (c:userShapes, ECMA-376 §21.3): a dashed
 * connector across the plot at the target and its label, anchored in fractions of the chart
 * (relSizeAnchor) so both follow the chart when it is moved or resized. `lineName` names the line's
 * shape (the plan's word, "Mållinje"), as the selection pane lists it. Undefined when the chart has
 * no line to draw.
 */
export function userShapesXml(chart: LinePlacement, lineName: string): string | undefined {
  const g = referenceGeometry(chart);
  if (!g || !chart.reference) return undefined;
  const { label, color } = chart.reference;
  const xfrm = '<a:xfrm><a:off x="0" y="0"/><a:ext cx="0" cy="0"/></a:xfrm>';
  const anchor = (x1: number, y1: number, x2: number, y2: number, shape: string) =>
    `<cdr:relSizeAnchor><cdr:from><cdr:x>${num(x1)}</cdr:x><cdr:y>${num(y1)}</cdr:y></cdr:from><cdr:to><cdr:x>${num(x2)}</cdr:x><cdr:y>${num(y2)}</cdr:y></cdr:to>${shape}</cdr:relSizeAnchor>`;
  const line =
    `<cdr:cxnSp macro=""><cdr:nvCxnSpPr><cdr:cNvPr id="2" name="${escapeAttr(lineName)}"/><cdr:cNvCxnSpPr/></cdr:nvCxnSpPr>` +
    `<cdr:spPr>${xfrm}<a:prstGeom prst="line"><a:avLst/></a:prstGeom><a:ln w="19050">${solidFill(color)}<a:prstDash val="dash"/></a:ln></cdr:spPr></cdr:cxnSp>`;
  const text =
    `<cdr:sp macro="" textlink=""><cdr:nvSpPr><cdr:cNvPr id="3" name="${escapeAttr(label)}"/><cdr:cNvSpPr/></cdr:nvSpPr>` +
    `<cdr:spPr>${xfrm}<a:prstGeom prst="rect"><a:avLst/></a:prstGeom><a:noFill/><a:ln><a:noFill/></a:ln></cdr:spPr>` +
    `<cdr:txBody><a:bodyPr wrap="none" lIns="0" tIns="0" rIns="0" bIns="0" anchor="b"/><a:lstStyle/><a:p><a:pPr algn="${g.align}"/>` +
    `<a:r><a:rPr lang="sv-SE" sz="900" b="1">${solidFill(color)}<a:latin typeface="Calibri"/></a:rPr><a:t>${escapeText(label)}</a:t></a:r></a:p></cdr:txBody></cdr:sp>`;
  return (
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n' +
    `<c:userShapes xmlns:c="${NS_C}" xmlns:a="${NS_A}" xmlns:cdr="${NS_CDR}">` +
    anchor(g.from[0], g.from[1], g.to[0], g.to[1], line) +
    anchor(g.label.x, g.label.y, round4(g.label.x + g.label.w), round4(g.label.y + g.label.h), text) +
    "</c:userShapes>"
  );
}

import { Caption1, makeStyles, tokens } from "@fluentui/react-components";
import type { CSSProperties, ReactNode } from "react";
import { columnLetter } from "../model/cells";
import type { FontStyle, SheetPlan } from "../report/plan";
import { cellText } from "./cellText";
import type { PreviewTexts } from "../app/texts/preview";

/** Enough rows to read a tab; a 100 000-row Datakontroll stays in the downloaded workbook. */
export const MAX_ROWS = 2000;
/** Excel's default font size: the plan's sizes are relative to it. */
const BASE_POINTS = 11;

const useStyles = makeStyles({
  // The table scrolls inside its box, so the page itself never scrolls sideways (320 px).
  scroller: { overflowX: "auto", maxWidth: "100%", border: `1px solid ${tokens.colorNeutralStroke2}`, backgroundColor: "#fff" },
  table: { borderCollapse: "collapse", tableLayout: "fixed", fontSize: tokens.fontSizeBase200 },
  cell: {
    border: "1px solid #E1E1E1",
    padding: "2px 4px",
    verticalAlign: "bottom",
    whiteSpace: "normal",
    overflowWrap: "anywhere",
    lineHeight: tokens.lineHeightBase200,
  },
  number: { textAlign: "right", whiteSpace: "nowrap", fontVariantNumeric: "tabular-nums" },
});

/** Excel's column width (characters of the default font) in CSS pixels, as Excel draws it at 100 %. */
export const widthPx = (chars: number): number => Math.floor(chars * 7 + 5);

interface CellStyle {
  format?: string;
  fill?: string;
  font?: FontStyle;
}

/** Every cell's format, fill and font, blocks in plan order (a later block wins), for the rows shown. */
function styleGrid(plan: SheetPlan, rows: number): CellStyle[][] {
  const width = plan.columnWidths.length;
  const grid: CellStyle[][] = Array.from({ length: rows }, () => Array.from({ length: width }, () => ({})));
  const paint = <T,>(blocks: SheetPlan["fills"] | SheetPlan["numberFormats"] | SheetPlan["fonts"], set: (s: CellStyle, v: T) => void) => {
    for (const { range, value } of blocks as { range: [number, number, number, number]; value: T }[]) {
      const [r0, c0, r1, c1] = range;
      for (let r = r0; r <= Math.min(r1, rows - 1); r++) for (let c = c0; c <= Math.min(c1, width - 1); c++) set(grid[r][c], value);
    }
  };
  paint<string>(plan.numberFormats, (s, v) => (s.format = v));
  paint<string>(plan.fills, (s, v) => (s.fill = v));
  paint<FontStyle>(plan.fonts, (s, v) => (s.font = v));
  return grid;
}

function cssOf(style: CellStyle): CSSProperties {
  const css: CSSProperties = {};
  if (style.fill) css.backgroundColor = `#${style.fill}`;
  const f = style.font;
  if (f?.bold) css.fontWeight = 700;
  if (f?.italic) css.fontStyle = "italic";
  if (f?.size) css.fontSize = `${f.size / BASE_POINTS}em`;
  if (f?.color) css.color = `#${f.color}`;
  return css;
}

/**
 * One summary tab as an HTML table drawn from its SheetPlan: the plan's column widths, fills, bold
 * and italic, font sizes and colours, and every number in its Excel format as Swedish Excel shows
 * it. Text runs on into empty cells to its right, as in Excel (here as a colspan).
 */
export function SheetTable({ plan, sheetName, texts }: { plan: SheetPlan; sheetName: string; texts: PreviewTexts }) {
  const s = useStyles();
  const shown = Math.min(plan.cells.length, MAX_ROWS);
  const styles = styleGrid(plan, shown);
  const widths = plan.columnWidths.map(widthPx);
  const total = widths.reduce((a, b) => a + b, 0);

  const rows: ReactNode[] = [];
  for (let r = 0; r < shown; r++) {
    const values = plan.cells[r];
    const tds: ReactNode[] = [];
    for (let c = 0; c < widths.length; c++) {
      const value = values[c] ?? null;
      const style = styles[r][c];
      let span = 1;
      if (typeof value === "string") {
        while (c + span < widths.length && (values[c + span] ?? null) === null && !styles[r][c + span].fill) span++;
      }
      const numeric = typeof value === "number";
      tds.push(
        <td
          key={c}
          colSpan={span > 1 ? span : undefined}
          className={numeric ? `${s.cell} ${s.number}` : s.cell}
          style={cssOf(style)}
          data-cell={`${columnLetter(c)}${r + 1}`}
          data-fill={style.fill}
        >
          {cellText(value, style.format)}
        </td>,
      );
      c += span - 1;
    }
    rows.push(<tr key={r}>{tds}</tr>);
  }

  return (
    <>
      <div className={s.scroller} tabIndex={0} role="region" aria-label={texts.tableLabel(sheetName)}>
        <table className={s.table} style={{ width: total }} data-sheet={sheetName} data-marker={plan.marker}>
          <colgroup>
            {widths.map((w, c) => (
              <col key={c} style={{ width: w }} />
            ))}
          </colgroup>
          <tbody>{rows}</tbody>
        </table>
      </div>
      {shown < plan.cells.length ? <Caption1>{texts.truncated(shown, plan.cells.length)}</Caption1> : null}
    </>
  );
}

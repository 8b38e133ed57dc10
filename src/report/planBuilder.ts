import type { Cell } from "../model/cells";
import type { Block, ChartSpec, FontStyle, Footnote, HostWords, Section, SectionSlide, SheetPlan } from "./plan";
import { FONT, HEADER_FILL } from "./style";

/** A table column: its header, how to format it, and its width in characters. */
export interface Column {
  header: string;
  format?: string;
  width?: number;
  /** false: the column stays on the tab and off the slides (figures for reconciliation, not for the committee). */
  onSlides?: boolean;
}

/** Per-row styling of a table body row. */
export interface RowStyle {
  font?: FontStyle;
  /** Column index → fill colour. */
  fills?: Record<number, string>;
  /** Column index → number format, where a row's values differ from the column's (percent or count). */
  formats?: Record<number, string>;
}

/** How a tab's tables go on slides, and the host's words its plan carries (deckTexts.ts's slideNotes). */
export interface SlideWords {
  slide(title: string): SectionSlide;
  words: HostWords;
}

/**
 * Lays a summary tab out top to bottom in the house style (title, headings, tables, notes),
 * collecting cells, formats, fills and fonts as blocks. Every summary tab is built with it.
 */
export class PlanBuilder {
  private rows: Cell[][] = [];
  private numberFormats: Block<string>[] = [];
  private fills: Block<string>[] = [];
  private fonts: Block<FontStyle>[] = [];
  private widths: number[] = [];
  private sections: Section[] = [];
  /** The latest heading, which titles the next table. */
  private lastHeading = "";
  /** Where the next tables' figures come from: the tab's, until `from` says otherwise. */
  private source: Footnote;

  /** `tabSource`: where the tab's figures come from, for its charts outside every table. */
  constructor(
    private readonly slides: SlideWords,
    private readonly tabSource: Footnote,
  ) {
    this.source = tabSource;
  }

  /** The tables that follow have their figures from here (their slides' footnote), until said again. */
  from(source: Footnote): this {
    this.source = source;
    return this;
  }

  get nextRow(): number {
    return this.rows.length;
  }

  /** Columns used so far: by cells, or by widths set for table columns. */
  get width(): number {
    // A loop, not Math.max(...rows): a Datakontroll tab can list a million rows, past the spread limit.
    let w = Math.max(1, this.widths.length);
    for (const r of this.rows) if (r.length > w) w = r.length;
    return w;
  }

  private push(cells: Cell[], font?: FontStyle): number {
    const r = this.rows.length;
    this.rows.push(cells);
    if (font && cells.length) this.fonts.push({ range: [r, 0, r, cells.length - 1], value: font });
    return r;
  }

  title(text: string): this {
    this.lastHeading = text;
    this.push([text], FONT.title);
    return this;
  }

  heading(text: string): this {
    this.lastHeading = text;
    this.push([text], FONT.heading);
    return this;
  }

  line(text: string, font?: FontStyle): this {
    if (font === FONT.header || font === FONT.heading) this.lastHeading = text;
    this.push([text], font);
    return this;
  }

  /** One free-standing row, e.g. a comparison figure under a table. */
  row(cells: Cell[], opts: { font?: FontStyle; formats?: Record<number, string> } = {}): this {
    const r = this.push(cells, opts.font);
    for (const [col, format] of Object.entries(opts.formats ?? {}))
      this.numberFormats.push({ range: [r, Number(col), r, Number(col)], value: format });
    return this;
  }

  blank(): this {
    this.push([]);
    return this;
  }

  fill(row: number, col: number, colour: string): this {
    this.fills.push({ range: [row, col, row, col], value: colour });
    return this;
  }

  /**
   * A header row and body rows; number formats per column (a row's own formats win), fonts and fills
   * per row. `onSlides: false` keeps the table off the slides (it stays on the tab).
   */
  table(
    columns: Column[],
    body: Cell[][],
    styles: (RowStyle | undefined)[] = [],
    opts: { onSlides?: boolean } = {},
  ): { firstBodyRow: number } {
    const header = this.push(
      columns.map((c) => c.header),
      FONT.header,
    );
    this.fills.push({ range: [header, 0, header, columns.length - 1], value: HEADER_FILL });
    const first = this.rows.length;
    const last = first + body.length - 1;
    // Column formats first: hosts apply blocks in order, so a row's own format lands on top.
    columns.forEach((c, j) => {
      if (c.format && last >= first) this.numberFormats.push({ range: [first, j, last, j], value: c.format });
      if (c.width) this.widths[j] = Math.max(this.widths[j] ?? 0, c.width);
    });
    body.forEach((cells, k) => {
      const r = this.push(cells, styles[k]?.font);
      for (const [col, colour] of Object.entries(styles[k]?.fills ?? {})) this.fill(r, Number(col), colour);
      for (const [col, format] of Object.entries(styles[k]?.formats ?? {}))
        this.numberFormats.push({ range: [r, Number(col), r, Number(col)], value: format });
    });
    this.sections.push({
      title: this.lastHeading,
      range: [header, 0, last, columns.length - 1],
      footnote: this.source,
      slide: opts.onSlides === false ? null : withColumns(this.slides.slide(this.lastHeading), columns),
    });
    return { firstBodyRow: first };
  }

  widen(col: number, width: number): this {
    this.widths[col] = Math.max(this.widths[col] ?? 0, width);
    return this;
  }

  build(name: string, marker: string, charts: ChartSpec[] = []): SheetPlan {
    const width = this.width;
    const cells = this.rows.map((r) => (r.length === width ? r : [...r, ...new Array<Cell>(width - r.length).fill(null)]));
    const columnWidths = Array.from({ length: width }, (_, j) => this.widths[j] ?? 10);
    return {
      name,
      marker,
      cells,
      numberFormats: this.numberFormats,
      fills: mergeFills(this.fills),
      fonts: this.fonts,
      columnWidths,
      charts,
      sections: this.sections,
      footnote: this.tabSource,
      words: this.slides.words,
    };
  }
}

/** Merge vertically adjacent single-column fills of one colour so hosts write fewer rectangles. */
export function mergeFills(fills: Block<string>[]): Block<string>[] {
  const sorted = [...fills].sort((a, b) => a.range[1] - b.range[1] || a.range[3] - b.range[3] || a.range[0] - b.range[0]);
  const out: Block<string>[] = [];
  for (const f of sorted) {
    const prev = out[out.length - 1];
    if (
      prev &&
      prev.value === f.value &&
      prev.range[1] === f.range[1] &&
      prev.range[3] === f.range[3] &&
      prev.range[2] + 1 === f.range[0]
    ) {
      prev.range = [prev.range[0], prev.range[1], f.range[2], prev.range[3]];
    } else out.push({ range: [...f.range], value: f.value });
  }
  return out;
}

/** The columns a table's slides show, where some stay on the tab only. */
function withColumns(slide: SectionSlide, columns: readonly Column[]): SectionSlide {
  if (columns.every((c) => c.onSlides !== false)) return slide;
  return { ...slide, columns: columns.flatMap((c, k) => (c.onSlides === false ? [] : [k])) };
}

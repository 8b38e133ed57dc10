import type { SheetPlan } from "../../src/report/plan";

/**
 * What a plan says of itself beyond its cells, in Swedish: where its figures come from (a chart
 * slide's footnote outside every section) and the words a host adds (target line, left-out units).
 */
export function planNotes(tab: string, sources: string[] = ["Väntande"]): Pick<SheetPlan, "footnote" | "words"> {
  return {
    footnote: { sources, exclusions: null, extra: null, text: `Källa: ${sources.join(", ")} (flik ${tab}) · Mätdatum 2024-01-31` },
    words: { noValue: "utan värde", targetLine: { name: "Mållinje", dataHeader: "Mållinje (diagramdata)" } },
  };
}

/** Rating and region colours as the plans use them. */
export const RED = "F8696B",
  BLUE = "1F4E79",
  YELLOW = "FFEB84",
  GREEN = "63BE7B";

/**
 * A care-guarantee tab in miniature: a header row, then units ascending by share with the region
 * among them (Hud 25 %, region 75 %, Ögon 90 %, Kirurgi 100 %), a bar chart with a 90 % target line.
 */
export function carePlan(name = "Vårdgaranti"): SheetPlan {
  return {
    name,
    marker: "malkoll:careGuarantee",
    cells: [
      ["Enhet", "Andel"],
      ["Hud", 0.25],
      ["Hela regionen", 0.75],
      ["Ögon", 0.9],
      ["Kirurgi", 1],
    ],
    numberFormats: [{ range: [1, 1, 4, 1], value: "0.0%" }],
    fills: [],
    fonts: [],
    columnWidths: [20, 10],
    charts: [
      {
        kind: "bar",
        title: "Förstabesök – måluppfyllelse vårdgaranti, januari 2024",
        categories: [1, 0, 4, 0],
        series: [{ name: "Andel inom 90 dagar", values: [1, 1, 4, 1], pointColors: [RED, BLUE, YELLOW, GREEN] }],
        valueAxis: { min: 0, max: 1, format: "0%" },
        referenceLine: { value: 0.9, label: "Mål 90 %", color: "C00000" },
        anchor: [0, 3],
        size: { width: 640, height: 340 },
      },
      {
        kind: "stackedBar",
        title: "Mål per färg",
        categories: [1, 0, 2, 0],
        series: [
          { name: "Gröna", values: [1, 1, 2, 1], color: GREEN },
          { name: "Röda", values: [3, 1, 4, 1], color: RED },
        ],
        anchor: [30, 3],
        size: { width: 640, height: 340 },
      },
    ],
    ...planNotes(name),
  };
}

/** The history tab: a title row, then a table with a header row and three data rows. */
export function historyPlan(over: Partial<SheetPlan> = {}): SheetPlan {
  return {
    name: "Historik",
    marker: "malkoll:history",
    cells: [
      ["Historik – vårdgaranti", null, null, null],
      ["Datum", "Mått", "Enhet", "Andel"],
      [45322, "Förstabesök", "Ögon", 0.706],
      [45322, "Förstabesök", "Kirurgi", 0.5],
      [45351, "Förstabesök", "Ögon", 0.725],
    ],
    numberFormats: [
      { range: [2, 0, 4, 0], value: "yyyy-mm-dd" },
      { range: [2, 3, 4, 3], value: "0.0%" },
    ],
    fills: [],
    fonts: [{ range: [0, 0, 0, 0], value: { bold: true, size: 14 } }],
    columnWidths: [12, 14, 14, 10],
    freeze: { rows: 2, columns: 0 },
    charts: [],
    tables: [{ name: "Malkoll_Historik", range: [1, 0, 4, 3], style: "TableStyleLight9" }],
    ...planNotes("Historik"),
    ...over,
  };
}

import type { HostPort, HostSheet, WrittenTab } from "../../src/hosts/port";
import type { SheetGrid } from "../../src/model/cells";
import type { SheetPlan } from "../../src/report/plan";
import { loadWorkbook, runReport, type Progress } from "../../src/app/runReport";
import { waitingList } from "../helpers/grids";

/** An in-memory host: grids in, plans out; settings as given (or a throwing store). */
function memoryHost(grids: SheetGrid[], stored: () => unknown, tabs: HostSheet[] = []): HostPort & { written: SheetPlan[] } {
  const written: SheetPlan[] = [];
  return {
    written,
    listSheets: async () => [...grids.map((g) => ({ name: g.name, hidden: false })), ...tabs],
    readSheet: async (name, onRows) => {
      const g = grids.find((x) => x.name === name)!;
      onRows?.(g.values.length, g.values.length);
      return g;
    },
    loadSettings: async () => stored(),
    saveSettings: async () => {},
    writePlans: async (plans): Promise<WrittenTab[]> => {
      written.push(...plans);
      return plans.map((p) => ({ planName: p.name, sheetName: p.name, replaced: false, renamedBecauseTaken: false }));
    },
    activate: async () => {},
  };
}

const list = waitingList([
  ["Ögon", "Förstabesök", "2024-01-02"],
  ["Ögon", "Förstabesök", "2023-06-01"],
]);

test("a damaged settings part does not stop a run: the defaults apply and the user is told", async () => {
  const host = memoryHost([list], () => {
    throw new Error("ogiltig JSON");
  });
  const loaded = await loadWorkbook(host);
  expect(loaded.settings.measures.firstVisit.limitDays).toBe(90);
  expect(loaded.settingsProblem).toContain("ogiltig JSON");
});

test("stored settings are used: a 300-day limit puts both waits within", async () => {
  const host = memoryHost([list], () => ({ measures: { firstVisit: { limitDays: 300 } } }));
  const out = await runReport(host, { date: "2024-01-31", lang: "sv" });
  // 29 and 244 days, both ≤ 300.
  expect(out.results.careGuarantee[0].region).toMatchObject({ total: 2, withinLimit: 2 });
  expect(out.settingsProblem).toBeNull();
});

test("Målkoll's own tabs are not read as input, and progress runs reading → computing → writing", async () => {
  const host = memoryHost([list], () => null, [{ name: "Vårdgaranti", hidden: false, marker: "malkoll:careGuarantee" }]);
  const seen: Progress[] = [];
  const out = await runReport(host, { date: "2024-01-31", lang: "sv" }, (p) => seen.push(p));
  expect(out.results.sources.map((s) => s.sheet)).toEqual(["Väntande"]);
  const stages = seen.map((p) => p.stage).filter((s, i, all) => all[i - 1] !== s);
  expect(stages).toEqual(["reading", "computing", "writing"]);
  expect(host.written.map((p) => p.name)).toEqual(["Vårdgaranti", "Historik", "Datakontroll"]);
});

test("nothing computable writes nothing", async () => {
  const host = memoryHost([{ name: "Info", values: [["Bara text"]] }], () => null);
  const out = await runReport(host, { lang: "sv" });
  expect(out.written).toEqual([]);
  expect(host.written).toEqual([]);
});

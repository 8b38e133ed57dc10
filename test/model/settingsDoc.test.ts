import { readSettings } from "../../src/model/settingsDoc";
import { DEFAULT_SETTINGS } from "../../src/model/settings";

test("an empty document gives the defaults of DOMAIN.md: 0-3-90-90, BUP 30, PvV out on both bases", () => {
  const r = readSettings({});
  expect(r).toEqual({ ok: true, value: DEFAULT_SETTINGS });
  expect(DEFAULT_SETTINGS.measures.firstVisit.limitDays).toBe(90);
  expect(DEFAULT_SETTINGS.measures.primaryAssessment.limitDays).toBe(3);
  expect(DEFAULT_SETTINGS.measures.primaryContact.limitDays).toBe(0);
  expect(DEFAULT_SETTINGS.measures.bupFirst.limitDays).toBe(30);
  expect(DEFAULT_SETTINGS.exclusions).toEqual({
    waiting: { PvV: true, MoV: true, SoV: true },
    completed: { PvV: true, MoV: false, SoV: false },
  });
});

test("keys given override only themselves and never change the defaults object", () => {
  const r = readSettings({
    measures: { firstVisit: { limitDays: 60 } },
    exclusions: { completed: { MoV: true } },
    thresholds: { yellow: 0.75 },
  });
  if (!r.ok) throw new Error(r.reason);
  expect(r.value.measures.firstVisit).toEqual({ limitDays: 60, target: 1 });
  expect(r.value.measures.treatment.limitDays).toBe(90);
  expect(r.value.exclusions.completed).toEqual({ PvV: true, MoV: true, SoV: false });
  expect(r.value.thresholds).toEqual({ green: 1, yellow: 0.75 });
  expect(DEFAULT_SETTINGS.measures.firstVisit.limitDays).toBe(90);
});

test("unknown keys and wrong values are errors naming the key", () => {
  const r = readSettings({
    version: 2,
    measures: { firstVisit: { limitDays: -1 }, nope: {} },
    thresholds: { green: 0.5, yellow: 0.8 },
    colour: "red",
  });
  expect(r.ok).toBe(false);
  if (r.ok) return;
  for (const key of ["version", "measures.firstVisit.limitDays", "measures.nope", "thresholds", "colour"]) expect(r.reason).toContain(key);
});

test("sheet settings name the kind, the measure and the columns", () => {
  const r = readSettings({
    sheets: { Uttag: { kind: "waitingList", measure: "treatment", columns: { unit: "Mottagning" } }, Info: { kind: "ignore" } },
  });
  expect(r.ok && r.value.sheets).toEqual({
    Uttag: { kind: "waitingList", measure: "treatment", columns: { unit: "Mottagning" } },
    Info: { kind: "ignore" },
  });
});

test("the goal roll-up rule, per-indicator settings and extra status words are read; defaults stay", () => {
  const r = readSettings({
    rollUp: "worst",
    indicators: { Sjukfrånvaro: { direction: "lower", green: 0.95 } },
    assignmentStatus: { Vilande: "grey" },
  });
  if (!r.ok) throw new Error(r.reason);
  expect(r.value.rollUp).toBe("worst");
  expect(r.value.indicators).toEqual({ Sjukfrånvaro: { direction: "lower", green: 0.95 } });
  expect(r.value.assignmentStatus.Vilande).toBe("grey");
  expect(r.value.assignmentStatus.Försenad).toBe("red");
  expect(DEFAULT_SETTINGS.assignmentStatus.Vilande).toBeUndefined();
  expect(DEFAULT_SETTINGS.rollUp).toBe("committee");
});

test("a wrong roll-up rule, direction or status colour is an error naming the key", () => {
  const r = readSettings({
    rollUp: "average",
    indicators: { A: { direction: "up" }, B: { green: 0.7, yellow: 0.9 } },
    assignmentStatus: { Vilande: "blue" },
  });
  expect(r.ok).toBe(false);
  if (r.ok) return;
  for (const key of ["rollUp", "indicators.A.direction", "indicators.B", "assignmentStatus.Vilande"]) expect(r.reason).toContain(key);
});

test("the region's name is a trimmed text or null", () => {
  expect(readSettings({ regionName: "  Region Exempelland " })).toMatchObject({ ok: true, value: { regionName: "Region Exempelland" } });
  expect(readSettings({ regionName: 7 })).toMatchObject({ ok: false, reason: expect.stringContaining("regionName") });
});

test("the completed period, buckets, unit names and home counties are read; wrong ones are errors naming the key", () => {
  const r = readSettings({
    completedPeriod: "tertial",
    buckets: [7, 14, 30, 60, 90],
    unitNames: { " SE2321000131-E000000000001 ": " Ögonkliniken Mölndal " },
    homeCounties: ["14"],
  });
  if (!r.ok) throw new Error(r.reason);
  expect(r.value).toMatchObject({
    completedPeriod: "tertial",
    buckets: [7, 14, 30, 60, 90],
    unitNames: { "SE2321000131-E000000000001": "Ögonkliniken Mölndal" },
    homeCounties: ["14"],
  });
  expect(DEFAULT_SETTINGS).toMatchObject({ completedPeriod: "month", buckets: [30, 60, 90, 120, 180], unitNames: {}, homeCounties: [] });
  const bad = readSettings({ completedPeriod: "week", buckets: [30, 20], unitNames: { x: "" }, homeCounties: ["Västra Götaland"] });
  expect(bad.ok).toBe(false);
  if (bad.ok) return;
  for (const key of ["completedPeriod", "buckets", "unitNames", "homeCounties"]) expect(bad.reason).toContain(`${key}:`);
});

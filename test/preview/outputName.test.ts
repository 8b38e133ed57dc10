import { outputName } from "../../src/preview/PreviewPage";

test("the preview names its download as the CLI names its output, an .xlsm staying an .xlsm", () => {
  expect(outputName("januari.xlsx")).toBe("januari-malkoll.xlsx");
  expect(outputName("extrakt.CSV")).toBe("extrakt-malkoll.xlsx");
  expect(outputName("makron.xlsm")).toBe("makron-malkoll.xlsm");
});

import type { Lang } from "../../model/lang";

/** The export panel's words: in its own module, loaded with the panel, not with the pane. */
export const EXPORT_TEXT = {
  sv: {
    title: "Till presentationen",
    exportPptx: "Exportera till PowerPoint",
    exporting: "Skapar presentationen …",
    downloaded: (name: string) => `Presentationen ${name} har laddats ned.`,
    dialog: "Excel tillåter inte nedladdning här: spara presentationen från fönstret som öppnades.",
    exportFailed: (why: string) => `Presentationen kunde inte skapas: ${why}`,
    showPictures: "Visa tabeller och diagram som bilder",
    picturesHint: "Högerklicka på en bild och välj Kopiera för att klistra in den i en presentation.",
    takingPictures: "Tar bilder …",
    unsupported:
      "Den här versionen av Excel kan inte ta bilder av tabeller och diagram. Markera tabellen eller diagrammet på fliken och kopiera det i stället (Start → Kopiera → Kopiera som bild).",
    someFailed: (titles: string) => `Bilder saknas för: ${titles}.`,
    noPictures: "Bilder visas bara i Excel: förhandsvisningen har inget Excel som kan rita tabellerna och diagrammen.",
    table: "Tabell",
    chart: "Diagram",
    // The download dialog (taskpane/download.html), where the web view blocks downloads.
    dialogTitle: "Målkoll – spara presentationen",
    dialogFetching: "Presentationen hämtas från Målkoll …",
    dialogSave: (name: string) => `Spara ${name}`,
  },
  en: {
    title: "For the slides",
    exportPptx: "Export to PowerPoint",
    exporting: "Creating the presentation …",
    downloaded: (name: string) => `The presentation ${name} was downloaded.`,
    dialog: "Excel does not allow downloads here: save the presentation from the window that opened.",
    exportFailed: (why: string) => `The presentation could not be created: ${why}`,
    showPictures: "Show tables and charts as pictures",
    picturesHint: "Right-click a picture and choose Copy to paste it into a presentation.",
    takingPictures: "Taking pictures …",
    unsupported:
      "This version of Excel cannot take pictures of tables and charts. Select the table or chart on the tab and copy it instead (Home → Copy → Copy as Picture).",
    someFailed: (titles: string) => `No picture for: ${titles}.`,
    noPictures: "Pictures are shown in Excel only: the preview has no Excel to draw the tables and charts.",
    table: "Table",
    chart: "Chart",
    dialogTitle: "Målkoll – save the presentation",
    dialogFetching: "Fetching the presentation from Målkoll …",
    dialogSave: (name: string) => `Save ${name}`,
  },
} satisfies Record<Lang, unknown>;

/** "Målkoll 2024-01-31.pptx", or "Målkoll.pptx" without a measurement date. */
export const deckFileName = (date: string | null) => (date ? `Målkoll ${date}.pptx` : "Målkoll.pptx");

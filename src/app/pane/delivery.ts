/**
 * How a file reaches the user from the pane. A Blob download (an <a download> click) works in a
 * browser and in Excel on the web; the desktop Office web views (WebView2, WKWebView) and Excel
 * on iPad may ignore it, so there the file goes to an Office dialog that offers it as a link.
 * Pure: the environment is passed in, so the choice is tested with fakes.
 */
export interface DeliveryEnv {
  /** Office.context.platform ("OfficeOnline", "PC", "Mac", "iOS" …), or "Browser" outside Office. */
  platform: string;
  /** The page can build a Blob URL and an <a download>. */
  canDownload: boolean;
  /** DialogApi 1.2 (displayDialogAsync and messageChild). */
  canDialog: boolean;
  download(bytes: Uint8Array, fileName: string): void;
  openDialog(bytes: Uint8Array, fileName: string): Promise<void>;
}

export type Delivery = "download" | "dialog";

/** Where downloads are known to work, download; elsewhere the dialog when there is one. */
export function chooseDelivery(env: Pick<DeliveryEnv, "platform" | "canDownload" | "canDialog">): Delivery | null {
  const downloadsWork = env.platform === "OfficeOnline" || env.platform === "Browser";
  if (env.canDownload && (downloadsWork || !env.canDialog)) return "download";
  if (env.canDialog) return "dialog";
  return null;
}

export class DeliveryError extends Error {}

/** Deliver by the chosen path; a download that throws falls back to the dialog. */
export async function deliver(bytes: Uint8Array, fileName: string, env: DeliveryEnv): Promise<Delivery> {
  const path = chooseDelivery(env);
  if (path === null)
    throw new DeliveryError(
      "Filen kan inte sparas härifrån: varken nedladdning eller Office-dialog fungerar i den här versionen av Excel.",
    );
  if (path === "download") {
    try {
      env.download(bytes, fileName);
      return "download";
    } catch (e) {
      if (!env.canDialog) throw e;
    }
  }
  await env.openDialog(bytes, fileName);
  return "dialog";
}

/** A Blob download through a temporary <a download> (the preview's way, and Excel on the web's). */
export function blobDownload(bytes: Uint8Array, fileName: string, type: string): void {
  const url = URL.createObjectURL(new Blob([bytes as BlobPart], { type }));
  const a = document.createElement("a");
  a.href = url;
  a.download = fileName;
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
}

export const PPTX_TYPE = "application/vnd.openxmlformats-officedocument.presentationml.presentation";

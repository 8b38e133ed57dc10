// The part names and workbook relationship ids a package being written uses, and the first free
// ones. Part names are compared lower-cased (they are case-insensitive in a package).
import { relsPathOf } from "./package";

export class PartNames {
  private readonly parts: Set<string>;
  private readonly relIds: Set<string>;
  /** The workbook part's folder ("xl/"): new parts go in folders below it. */
  private readonly wbDir: string;

  constructor(parts: Iterable<string>, relIds: Iterable<string>, wbDir: string) {
    this.parts = new Set(parts);
    this.relIds = new Set(relIds);
    this.wbDir = wbDir;
  }

  has(part: string): boolean {
    return this.parts.has(part.toLowerCase());
  }

  release(part: string): void {
    this.parts.delete(part.toLowerCase());
  }

  releaseRelId(id: string): void {
    this.relIds.delete(id);
  }

  /** The first rIdN the workbook's relationships do not use, now taken. */
  takeRelId(): string {
    for (let n = 1; ; n++) {
      const id = `rId${n}`;
      if (!this.relIds.has(id)) {
        this.relIds.add(id);
        return id;
      }
    }
  }

  /** `<wbDir><folder>/<base>N.xml` for the first N where neither it nor its rels part is used, now taken. */
  takePart(folder: string, base: string): string {
    return this.take(folder, base, (p) => !this.has(p) && !this.has(relsPathOf(p)));
  }

  /** The first free `<wbDir>tables/tableN.xml`, now taken (only the part itself is looked at). */
  takeTablePart(): string {
    return this.take("tables", "table", (p) => !this.has(p));
  }

  /** `<wbDir>styles.xml`, or styles2.xml … when that is used; not taken (no part is named after it). */
  freeStylesPart(): string {
    let path = `${this.wbDir}styles.xml`;
    for (let n = 2; this.has(path); n++) path = `${this.wbDir}styles${n}.xml`;
    return path;
  }

  private take(folder: string, base: string, free: (part: string) => boolean): string {
    for (let n = 1; ; n++) {
      const path = `${this.wbDir}${folder}/${base}${n}.xml`;
      if (free(path)) {
        this.parts.add(path.toLowerCase());
        return path;
      }
    }
  }
}

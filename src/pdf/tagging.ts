/**
 * Tagged PDF (ISO 32000-1 14.7-14.8, PDF/UA-1, PDF/A-2a): marked content around what is drawn,
 * and the structure tree that gives it its meaning and reading order.
 *
 * The layout (layout.ts, protocol-model.ts, summons-model.ts) builds the tree of StructElem in
 * logical order and points each text op at its leaf element. While drawing, a PageMarker wraps
 * each run of ops of one element in `/H2 <</MCID n>> BDC … EMC` and records the MCID on the
 * element; everything else (rules, boxes, the UTKAST mark, the page header and footer, page
 * numbers, repeated table headers) goes in `/Artifact BMC … EMC`. At the end, writeStructure
 * writes the StructTreeRoot, the ParentTree (MCID → element per page), /StructParents and
 * /Tabs /S on each page, and /MarkInfo.
 *
 * Reading order is the tree's order, not the drawing order: a § split over pages is one Sect,
 * and the ärendelista's page numbers (drawn in the late pass) land in their own table cells.
 */
import { type PDFContext, type PDFDict, PDFInvalidObject, PDFName, PDFNumber, type PDFRef } from "pdf-lib";
import type { DrawOp, StructElem } from "./layout";

/** What a PageCanvas offers for marking (pdf-writer.ts). */
export interface MarkableCanvas {
  beginMarked(operator: string, forText: boolean): void;
  endMarked(): void;
}

const ARTIFACT = "artifact";

/** A text string as PDF source: (ASCII) or <FEFF…> (UTF-16BE). */
function pdfTextString(text: string): string {
  if (/^[\x20-\x7e]*$/.test(text)) return `(${text.replace(/[\\()]/g, (c) => `\\${c}`)})`;
  return `<FEFF${Buffer.from(text, "utf16le").swap16().toString("hex").toUpperCase()}>`;
}

/** Marks the ops drawn on one content stream of a page, as they are drawn. */
export class PageMarker {
  private key: StructElem | typeof ARTIFACT | null = null;
  private forText = false;

  constructor(
    private readonly tagger: Tagger,
    private readonly canvas: MarkableCanvas,
    private readonly pageIndex: number,
  ) {}

  /** Called before `op` is drawn; `artifact` for a whole layer drawn as an artifact. */
  before(op: DrawOp, artifact: boolean): void {
    const isText = op.op === "text";
    const elem = isText && !artifact ? op.tag : undefined;
    const key = elem ?? ARTIFACT;
    if (key === this.key && isText === this.forText) return;
    this.key = key;
    this.forText = isText;
    if (elem) {
      const mcid = this.tagger.mcid(this.pageIndex, elem);
      this.canvas.beginMarked(`/${elem.type} <</MCID ${mcid}>> BDC`, true);
    } else {
      this.canvas.beginMarked("/Artifact BMC", isText);
    }
  }

  /** Closes the open sequence (the canvas closes it too when the page ends). */
  end(): void {
    this.canvas.endMarked();
    this.key = null;
  }
}

/** The MCIDs of a tagged document, page by page, and the tree they belong to. */
export class Tagger {
  /** Per page: the element of each MCID (the ParentTree's arrays). */
  private readonly parents: StructElem[][] = [];

  constructor(readonly root: StructElem) {}

  page(canvas: MarkableCanvas, pageIndex: number): PageMarker {
    return new PageMarker(this, canvas, pageIndex);
  }

  mcid(pageIndex: number, elem: StructElem): number {
    let list = this.parents[pageIndex];
    if (!list) this.parents[pageIndex] = list = [];
    const mcid = list.length;
    list.push(elem);
    elem.content.push({ page: pageIndex, mcid });
    return mcid;
  }

  /**
   * Writes the structure tree into the document: StructTreeRoot and ParentTree on the catalog,
   * /StructParents and /Tabs /S on every page, /MarkInfo <</Marked true>>.
   *
   * The elements (thousands in a long protocol) are written as compact dictionaries of raw bytes
   * (pdf-lib's PDFInvalidObject writes its bytes as given): pdf-lib's own PDFDict puts every
   * entry on a line of its own, which made the tree of a 200-§ protocol 1 MB.
   */
  write(context: PDFContext, catalog: PDFDict, pages: readonly { ref: PDFRef; dict: PDFDict }[]): void {
    const keep = (e: StructElem): boolean => {
      // Empty table cells stay (a table's rows keep their cells); other empty elements go.
      e.kids = e.kids.filter(keep);
      return (
        e.content.length > 0 ||
        e.kids.length > 0 ||
        e.objr !== undefined ||
        e.type === "TD" ||
        e.type === "TH" ||
        e.type === "TR"
      );
    };
    keep(this.root);
    const rootRef = context.nextRef();
    const refs = new Map<StructElem, string>();
    const order: [StructElem, PDFRef][] = [];
    const assign = (e: StructElem) => {
      const ref = context.nextRef();
      refs.set(e, ref.toString());
      order.push([e, ref]);
      e.kids.forEach(assign);
    };
    assign(this.root);
    const pageRefs = pages.map((p) => p.ref.toString());
    const parentOf = new Map<StructElem, string>([[this.root, rootRef.toString()]]);
    const encoder = new TextEncoder();
    /** ParentTree keys of the annotations (after the pages' keys) and their Form elements. */
    const annotations: [number, PDFRef][] = [];
    for (const [e, ref] of order) {
      let dict = `<</S/${e.type}/P ${parentOf.get(e)!}`;
      const kids: string[] = [];
      if (e.content.length > 0) {
        const home = e.content[0]!.page;
        dict += `/Pg ${pageRefs[home]!}`;
        for (const c of e.content) {
          kids.push(c.page === home ? String(c.mcid) : `<</Type/MCR/Pg ${pageRefs[c.page]!}/MCID ${c.mcid}>>`);
        }
      }
      if (e.objr) {
        // A signature field's widget (PDF/UA-1 7.18.1): the Form element's object reference.
        dict += `/Pg ${pageRefs[e.objr.page]!}`;
        kids.push(`<</Type/OBJR/Obj ${e.objr.ref}/Pg ${pageRefs[e.objr.page]!}>>`);
        annotations.push([e.objr.key, ref]);
      }
      for (const kid of e.kids) {
        kids.push(refs.get(kid)!);
        parentOf.set(kid, refs.get(e)!);
      }
      if (e.alt) dict += `/Alt${pdfTextString(e.alt)}`;
      if (kids.length === 1) dict += `/K ${kids[0]!}`;
      else if (kids.length > 1) dict += `/K[${kids.join(" ")}]`;
      if (e.scope || (e.colSpan && e.colSpan > 1)) {
        dict += "/A<</O/Table";
        if (e.scope) dict += `/Scope/${e.scope}`;
        if (e.colSpan && e.colSpan > 1) dict += `/ColSpan ${e.colSpan}`;
        dict += ">>";
      }
      context.assign(ref, PDFInvalidObject.of(encoder.encode(`${dict}>>`)));
    }

    let nums = "<</Nums[";
    pages.forEach((page, i) => {
      page.dict.set(PDFName.of("StructParents"), PDFNumber.of(i));
      page.dict.set(PDFName.of("Tabs"), PDFName.of("S"));
      nums += `${i}[${(this.parents[i] ?? []).map((e) => refs.get(e)!).join(" ")}]`;
    });
    for (const [key, ref] of annotations.sort((a, b) => a[0] - b[0])) nums += ` ${key} ${ref.toString()}`;
    nums += "]>>";
    const parentTree = context.register(PDFInvalidObject.of(encoder.encode(nums)));
    const root = context.obj({}) as PDFDict;
    root.set(PDFName.of("Type"), PDFName.of("StructTreeRoot"));
    root.set(PDFName.of("K"), order[0]![1]);
    root.set(PDFName.of("ParentTree"), parentTree);
    root.set(PDFName.of("ParentTreeNextKey"), PDFNumber.of(pages.length + annotations.length));
    context.assign(rootRef, root);
    catalog.set(PDFName.of("StructTreeRoot"), rootRef);
    catalog.set(PDFName.of("MarkInfo"), context.obj({ Marked: true }));
  }
}

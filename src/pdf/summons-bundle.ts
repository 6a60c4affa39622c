/**
 * The handlingar bundle: the kallelse PDF followed by the pages of every PDF handling, one PDF
 * with a bookmark (outline entry) for the kallelse and for each handling, grouped under its
 * ärende. DOCX handlingar are not converted: the kallelse lists them by title and they are
 * downloaded on their own.
 *
 * The caller decides what goes in (the public bundle is built from toPublicSummons, so a
 * confidential ärende or handling is never passed here). A handling pdf-lib cannot read
 * (damaged, encrypted) is left out and reported in `skipped`, never half copied.
 *
 * The kallelse pages are PDF/A-2b; copied pages are as their authors made them, so the bundle as
 * a whole is not claimed to be PDF/A (its XMP is the kallelse's; the bundle is a reading copy,
 * the kallelse PDF is the record).
 */
import { PDFArray, PDFDict, PDFDocument, PDFHexString, PDFName, PDFNumber, type PDFPage, type PDFRef } from "pdf-lib";

export interface BundleHandling {
  /** The ärende's number and title, for the bookmark's parent. */
  itemNumber: number;
  itemTitle: string;
  title: string;
  bytes: Uint8Array;
}

export interface SummonsBundle {
  bytes: Uint8Array;
  pageCount: number;
  /** Titles of handlingar copied in, in order. */
  included: string[];
  /** Titles of handlingar that could not be read and were left out. */
  skipped: string[];
}

interface OutlineNode {
  title: string;
  page: PDFRef;
  children: OutlineNode[];
}

function writeOutline(doc: PDFDocument, nodes: OutlineNode[]): void {
  const context = doc.context;
  const rootRef = context.nextRef();
  const build = (list: OutlineNode[], parent: PDFRef): { first: PDFRef; last: PDFRef; count: number } => {
    const refs = list.map(() => context.nextRef());
    let count = 0;
    list.forEach((node, i) => {
      const dict = context.obj({}) as PDFDict;
      dict.set(PDFName.of("Title"), PDFHexString.fromText(node.title));
      dict.set(PDFName.of("Parent"), parent);
      if (i > 0) dict.set(PDFName.of("Prev"), refs[i - 1]!);
      if (i < list.length - 1) dict.set(PDFName.of("Next"), refs[i + 1]!);
      const dest = PDFArray.withContext(context);
      dest.push(node.page);
      dest.push(PDFName.of("Fit"));
      dict.set(PDFName.of("Dest"), dest);
      count += 1;
      if (node.children.length > 0) {
        const sub = build(node.children, refs[i]!);
        dict.set(PDFName.of("First"), sub.first);
        dict.set(PDFName.of("Last"), sub.last);
        dict.set(PDFName.of("Count"), PDFNumber.of(sub.count));
        count += sub.count;
      }
      context.assign(refs[i]!, dict);
    });
    return { first: refs[0]!, last: refs[refs.length - 1]!, count };
  };
  const root = context.obj({ Type: "Outlines" }) as PDFDict;
  if (nodes.length > 0) {
    const top = build(nodes, rootRef);
    root.set(PDFName.of("First"), top.first);
    root.set(PDFName.of("Last"), top.last);
    root.set(PDFName.of("Count"), PDFNumber.of(top.count));
  }
  context.assign(rootRef, root);
  doc.catalog.set(PDFName.of("Outlines"), rootRef);
  doc.catalog.set(PDFName.of("PageMode"), PDFName.of("UseOutlines"));
}

/**
 * A copied page without what could run when it is shown: its additional actions (/AA) and the
 * annotations that carry an action other than a link within the bundle (a /URI link stays). Uploads
 * with script are refused (src/modules/agenda/file-inspection.ts); this keeps a file stored before
 * that check, or one that slipped past it, from running in the public bundle.
 */
function withoutActions(page: PDFPage): void {
  const node = page.node;
  node.delete(PDFName.of("AA"));
  const annots = node.lookupMaybe(PDFName.of("Annots"), PDFArray);
  if (annots) {
    const kept = annots.asArray().filter((ref) => {
      const annot = node.context.lookupMaybe(ref, PDFDict);
      if (!annot) return false;
      if (annot.has(PDFName.of("AA"))) return false;
      const action = annot.lookupMaybe(PDFName.of("A"), PDFDict);
      const kind = action?.lookupMaybe(PDFName.of("S"), PDFName)?.asString();
      return action === undefined || kind === "/URI" || kind === "/GoTo";
    });
    node.set(PDFName.of("Annots"), node.context.obj(kept));
  }
}

/** The kallelse with the PDF handlingar after it, bookmarked. */
export async function bundleSummons(
  summonsPdf: Uint8Array,
  handlingar: readonly BundleHandling[],
): Promise<SummonsBundle> {
  const doc = await PDFDocument.load(summonsPdf, { updateMetadata: false });
  const outline: OutlineNode[] = [{ title: "Kallelse", page: doc.getPage(0).ref, children: [] }];
  const included: string[] = [];
  const skipped: string[] = [];
  let parent: OutlineNode | null = null;
  for (const h of handlingar) {
    let source: PDFDocument;
    try {
      source = await PDFDocument.load(h.bytes, { updateMetadata: false });
    } catch {
      skipped.push(h.title);
      continue;
    }
    // Stripped in the source, before copying: what a page no longer refers to is not copied.
    for (const page of source.getPages()) withoutActions(page);
    const pages = await doc.copyPages(source, source.getPageIndices());
    if (pages.length === 0) {
      skipped.push(h.title);
      continue;
    }
    for (const page of pages) doc.addPage(page);
    const itemTitle = `${h.itemNumber}. ${h.itemTitle}`;
    if (!parent || parent.title !== itemTitle) {
      parent = { title: itemTitle, page: pages[0]!.ref, children: [] };
      outline.push(parent);
    }
    parent.children.push({ title: h.title, page: pages[0]!.ref, children: [] });
    included.push(h.title);
  }
  writeOutline(doc, outline);
  const bytes = await doc.save({ useObjectStreams: false, addDefaultPage: false, updateFieldAppearances: false });
  return { bytes, pageCount: doc.getPageCount(), included, skipped };
}

/**
 * The PDF handlingar of a kallelse in bundle order (ärende by ärende, handlingar in their order),
 * without bytes: the caller reads them by id. Pass the public projection for the public bundle.
 */
export function bundlePlan(summons: {
  items: readonly {
    number: number;
    title: string;
    documents: readonly { id: string; title: string; mimeType: string }[];
  }[];
}): (Omit<BundleHandling, "bytes"> & { documentId: string })[] {
  return summons.items.flatMap((item) =>
    item.documents
      .filter((d) => d.mimeType === "application/pdf")
      .map((d) => ({ itemNumber: item.number, itemTitle: item.title, title: d.title, documentId: d.id })),
  );
}

// The editor's composited layers at a width (issue 16 point 1): each layer's size, its node and
// why Chromium composited it; a large layer repainted on every key is what to look for. Not a test.
//   npx next build && npx tsx bench/editor/layers.ts     (EDITOR_LAYERS_WIDTH=1280)
import { PARAGRAPH_COUNT } from "./protocol-60";
import { nearParagraphsRendered, openEditorBench, showParagraph } from "./setup";

const WIDTH = Number(process.env.EDITOR_LAYERS_WIDTH ?? 1280);

interface Layer {
  layerId: string;
  width: number;
  height: number;
  drawsContent: boolean;
  backendNodeId?: number;
}

const bench = await openEditorBench();
try {
  const page = await bench.context.newPage();
  await page.setViewportSize({ width: WIDTH, height: 900 });
  await page.goto(bench.url);
  await nearParagraphsRendered(page);
  await showParagraph(page, Math.ceil(PARAGRAPH_COUNT / 2));
  await page.locator(`#p${Math.ceil(PARAGRAPH_COUNT / 2)}-titel`).focus();
  await page.waitForTimeout(500);
  const cdp = await page.context().newCDPSession(page);
  await cdp.send("DOM.getDocument");
  let layers: Layer[] = [];
  cdp.on("LayerTree.layerTreeDidChange", (e: { layers?: Layer[] }) => {
    if (e.layers) layers = e.layers;
  });
  await cdp.send("LayerTree.enable");
  await page.keyboard.press("x");
  await page.waitForTimeout(1000);
  for (const l of layers.filter((x) => x.drawsContent).sort((a, b) => b.width * b.height - a.width * a.height)) {
    const { compositingReasons } = (await cdp
      .send("LayerTree.compositingReasons", { layerId: l.layerId })
      .catch(() => ({ compositingReasons: [] }))) as { compositingReasons: string[] };
    let node = "";
    if (l.backendNodeId) {
      const d = await cdp
        .send("DOM.describeNode", { backendNodeId: l.backendNodeId })
        .catch(() => null as null | { node: { nodeName: string; attributes?: string[] } });
      if (d) node = `${d.node.nodeName} ${(d.node.attributes ?? []).join(" ").slice(0, 140)}`;
    }
    console.log(
      `${String(l.width).padStart(5)}×${String(l.height).padEnd(6)} ${compositingReasons.join(",")}  ${node}`,
    );
  }
} finally {
  await bench.close();
}

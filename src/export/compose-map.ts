/**
 * Map furniture drawn on the exported map: title with scenario and date, the 示意范围 note,
 * legend, scale bar, north arrow and data attribution. Sizes are in millimetres on paper, so a
 * 150 dpi and a 300 dpi sheet look the same when printed.
 */
import { MAP_FONT_STACK } from '../map/colors.ts';

export interface LegendItem {
  /** For fills, the colour as seen on the map (already blended over the land, map/colors.ts blendOver). */
  color: string;
  label: string;
  /**
   * fill: an opaque swatch; dashed: the schematic outline; dot: a node (white, coloured ring);
   * point: a filled dot; line / dashed-line: a stroke; ring: a dashed circle (a reach).
   */
  style: 'fill' | 'dashed' | 'dot' | 'point' | 'line' | 'dashed-line' | 'ring';
}

export interface MapFurniture {
  title: string;
  /** Lines under the title (scenario, date). */
  subtitle: string[];
  /** Shown in an orange box under the title when set. */
  schematicNote: string | null;
  legendTitle: string;
  legend: { heading: string; items: LegendItem[] }[];
  scale: { lengthPx: number; label: string };
  bearingDeg: number;
  northLabel: string;
  attribution: string[];
}

/** Where the legend was drawn, in output pixels (tests read the swatch colours there). */
export interface FurnitureLayout {
  legend: { x: number; y: number; width: number; height: number };
}

/** Space between legend sections, mm. */
const SECTION_GAP_MM = 2;

const FONT = MAP_FONT_STACK.map((f) => (f.includes(' ') ? `"${f}"` : f)).join(', ');

function font(px: number, bold = false): string {
  return `${bold ? 'bold ' : ''}${Math.round(px)}px ${FONT}`;
}

function panel(ctx: CanvasRenderingContext2D, x: number, y: number, w: number, h: number, mm: number): void {
  ctx.save();
  ctx.fillStyle = 'rgba(255,255,255,0.92)';
  ctx.strokeStyle = '#8c8579';
  ctx.lineWidth = 0.25 * mm;
  ctx.fillRect(x, y, w, h);
  ctx.strokeRect(x, y, w, h);
  ctx.restore();
}

/** Draw the furniture over a map already drawn on `ctx` (size `widthPx × heightPx`). */
export function drawFurniture(ctx: CanvasRenderingContext2D, widthPx: number, heightPx: number, pxPerMm: number, f: MapFurniture): FurnitureLayout {
  const mm = pxPerMm;
  const margin = 6 * mm;
  const pad = 3 * mm;
  ctx.textBaseline = 'top';

  // Title block (top left).
  const titlePx = 7 * mm;
  const subPx = 3.6 * mm;
  ctx.font = font(titlePx, true);
  let titleW = ctx.measureText(f.title).width;
  ctx.font = font(subPx);
  for (const s of f.subtitle) titleW = Math.max(titleW, ctx.measureText(s).width);
  const titleH = titlePx * 1.25 + f.subtitle.length * subPx * 1.4;
  panel(ctx, margin, margin, titleW + 2 * pad, titleH + 2 * pad, mm);
  ctx.fillStyle = '#1f2a33';
  ctx.font = font(titlePx, true);
  ctx.fillText(f.title, margin + pad, margin + pad);
  ctx.font = font(subPx);
  ctx.fillStyle = '#3b3a36';
  f.subtitle.forEach((s, i) => ctx.fillText(s, margin + pad, margin + pad + titlePx * 1.25 + i * subPx * 1.4));

  if (f.schematicNote) {
    const notePx = 3.4 * mm;
    ctx.font = font(notePx, true);
    const w = ctx.measureText(f.schematicNote).width + 2 * pad;
    const y = margin + titleH + 2 * pad + 2 * mm;
    ctx.fillStyle = '#fff7e0';
    ctx.strokeStyle = '#c8961e';
    ctx.lineWidth = 0.35 * mm;
    ctx.fillRect(margin, y, w, notePx + 2 * pad);
    ctx.strokeRect(margin, y, w, notePx + 2 * pad);
    ctx.fillStyle = '#5c4300';
    ctx.fillText(f.schematicNote, margin + pad, y + pad);
  }

  // North arrow (top right), rotated against the map's bearing.
  const arrowH = 14 * mm;
  const ax = widthPx - margin - 6 * mm;
  const ay = margin + 4 * mm + arrowH / 2;
  ctx.save();
  ctx.translate(ax, ay);
  ctx.rotate((-f.bearingDeg * Math.PI) / 180);
  ctx.beginPath();
  ctx.moveTo(0, -arrowH / 2);
  ctx.lineTo(arrowH * 0.28, arrowH / 2);
  ctx.lineTo(0, arrowH * 0.3);
  ctx.closePath();
  ctx.fillStyle = '#1f2a33';
  ctx.fill();
  ctx.beginPath();
  ctx.moveTo(0, -arrowH / 2);
  ctx.lineTo(-arrowH * 0.28, arrowH / 2);
  ctx.lineTo(0, arrowH * 0.3);
  ctx.closePath();
  ctx.fillStyle = '#ffffff';
  ctx.fill();
  ctx.strokeStyle = '#1f2a33';
  ctx.lineWidth = 0.35 * mm;
  ctx.stroke();
  ctx.restore();
  ctx.font = font(4 * mm, true);
  ctx.fillStyle = '#1f2a33';
  ctx.textAlign = 'center';
  ctx.fillText(f.northLabel, ax, margin - 1 * mm);
  ctx.textAlign = 'left';

  // Attribution strip (bottom, full width).
  const attrPx = 2.6 * mm;
  const attrH = attrPx * 1.5 * f.attribution.length + 2 * mm;
  ctx.fillStyle = 'rgba(255,255,255,0.85)';
  ctx.fillRect(0, heightPx - attrH, widthPx, attrH);
  ctx.fillStyle = '#3b3a36';
  ctx.font = font(attrPx);
  f.attribution.forEach((line, i) => ctx.fillText(line, margin, heightPx - attrH + 1 * mm + i * attrPx * 1.5));

  // Scale bar (bottom right, above the attribution).
  const barH = 1.8 * mm;
  const scalePx = 3.2 * mm;
  ctx.font = font(scalePx);
  // Leave room for the end label, which is centred on the bar's end.
  const sx = widthPx - margin - pad - ctx.measureText(f.scale.label).width / 2 - f.scale.lengthPx;
  const sy = heightPx - attrH - 3 * mm - barH;
  const labelHalf = ctx.measureText(f.scale.label).width / 2;
  panel(ctx, sx - pad - 1 * mm, sy - scalePx - 2 * mm - pad, f.scale.lengthPx + labelHalf + 2 * pad + 1 * mm, barH + scalePx + 2 * mm + 2 * pad, mm);
  ctx.fillStyle = '#1f2a33';
  ctx.fillRect(sx, sy, f.scale.lengthPx / 2, barH);
  ctx.fillStyle = '#ffffff';
  ctx.fillRect(sx + f.scale.lengthPx / 2, sy, f.scale.lengthPx / 2, barH);
  ctx.strokeStyle = '#1f2a33';
  ctx.lineWidth = 0.3 * mm;
  ctx.strokeRect(sx, sy, f.scale.lengthPx, barH);
  ctx.fillStyle = '#1f2a33';
  ctx.font = font(scalePx);
  ctx.fillText('0', sx - ctx.measureText('0').width / 2, sy - scalePx - 1 * mm);
  ctx.fillText(f.scale.label, sx + f.scale.lengthPx - ctx.measureText(f.scale.label).width / 2, sy - scalePx - 1 * mm);

  // Legend (bottom left, above the attribution).
  const headPx = 3.4 * mm;
  const itemPx = 3.2 * mm;
  const sw = { w: 6 * mm, h: 3.8 * mm };
  const lineH = itemPx * 1.55;
  ctx.font = font(itemPx);
  let legendW = 0;
  for (const s of f.legend) for (const it of s.items) legendW = Math.max(legendW, sw.w + 2 * mm + ctx.measureText(it.label).width);
  ctx.font = font(headPx, true);
  legendW = Math.max(legendW, ctx.measureText(f.legendTitle).width, ...f.legend.map((s) => ctx.measureText(s.heading).width));
  const legendH = headPx * 1.6 + f.legend.reduce((h, s) => h + headPx * 1.5 + s.items.length * lineH, 0) + Math.max(0, f.legend.length - 1) * SECTION_GAP_MM * mm;
  const lx = margin;
  const ly = heightPx - attrH - 3 * mm - legendH - 2 * pad;
  panel(ctx, lx, ly, legendW + 2 * pad, legendH + 2 * pad, mm);
  let y = ly + pad;
  ctx.fillStyle = '#1f2a33';
  ctx.font = font(headPx * 1.1, true);
  ctx.fillText(f.legendTitle, lx + pad, y);
  y += headPx * 1.6;
  for (const [k, s] of f.legend.entries()) {
    if (k > 0) y += SECTION_GAP_MM * mm;
    ctx.font = font(headPx, true);
    ctx.fillStyle = '#555048';
    ctx.fillText(s.heading, lx + pad, y);
    y += headPx * 1.5;
    ctx.font = font(itemPx);
    for (const it of s.items) {
      const x0 = lx + pad;
      const y0 = y + (lineH - sw.h) / 2 - 0.3 * mm;
      drawSwatch(ctx, it, x0, y0, sw.w, sw.h, mm);
      ctx.fillStyle = '#1f2a33';
      ctx.fillText(it.label, x0 + sw.w + 2 * mm, y + (lineH - itemPx) / 2 - 0.3 * mm);
      y += lineH;
    }
  }
  return { legend: { x: lx, y: ly, width: legendW + 2 * pad, height: legendH + 2 * pad } };
}

function drawSwatch(ctx: CanvasRenderingContext2D, it: LegendItem, x: number, y: number, w: number, h: number, mm: number): void {
  ctx.save();
  const cx = x + w / 2;
  const cy = y + h / 2;
  if (it.style === 'dot' || it.style === 'point') {
    ctx.beginPath();
    ctx.arc(cx, cy, h / 2.6, 0, 2 * Math.PI);
    ctx.fillStyle = it.style === 'dot' ? '#ffffff' : it.color;
    ctx.fill();
    ctx.strokeStyle = it.style === 'dot' ? it.color : '#ffffff';
    ctx.lineWidth = 0.5 * mm;
    ctx.stroke();
  } else if (it.style === 'ring') {
    ctx.beginPath();
    ctx.arc(cx, cy, h / 2.1, 0, 2 * Math.PI);
    ctx.setLineDash([0.9 * mm, 0.6 * mm]);
    ctx.strokeStyle = it.color;
    ctx.lineWidth = 0.4 * mm;
    ctx.stroke();
  } else if (it.style === 'line' || it.style === 'dashed-line') {
    if (it.style === 'dashed-line') ctx.setLineDash([1.2 * mm, 0.8 * mm]);
    ctx.beginPath();
    ctx.moveTo(x, cy);
    ctx.lineTo(x + w, cy);
    ctx.strokeStyle = it.color;
    ctx.lineWidth = 0.6 * mm;
    ctx.stroke();
  } else if (it.style === 'dashed') {
    ctx.fillStyle = '#dddddd';
    ctx.fillRect(x, y, w, h);
    ctx.setLineDash([1.2 * mm, 0.8 * mm]);
    ctx.strokeStyle = it.color;
    ctx.lineWidth = 0.4 * mm;
    ctx.strokeRect(x, y, w, h);
  } else {
    ctx.fillStyle = it.color;
    ctx.fillRect(x, y, w, h);
    ctx.strokeStyle = 'rgba(0,0,0,0.35)';
    ctx.lineWidth = 0.2 * mm;
    ctx.strokeRect(x, y, w, h);
  }
  ctx.restore();
}

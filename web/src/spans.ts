/// <reference lib="dom" />
/**
 * Cuts a text into segments at every evidence boundary, so overlapping spans stay readable: each
 * segment lists every span covering it (drawn as stacked underlines), instead of nested or clipped marks.
 */
export interface Span {
  id: string;
  start: number;
  end: number;
}

export interface Segment<S extends Span> {
  start: number;
  end: number;
  text: string;
  spans: S[];
}

export function segments<S extends Span>(text: string, spans: readonly S[]): Segment<S>[] {
  const cuts = new Set<number>([0, text.length]);
  for (const s of spans) {
    if (s.start >= 0 && s.end <= text.length && s.start < s.end) cuts.add(s.start).add(s.end);
  }
  const points = [...cuts].sort((a, b) => a - b);
  const out: Segment<S>[] = [];
  for (let i = 0; i + 1 < points.length; i++) {
    const start = points[i]!;
    const end = points[i + 1]!;
    out.push({ start, end, text: text.slice(start, end), spans: spans.filter((s) => s.start <= start && s.end >= end) });
  }
  return out;
}

/** Offsets of a selection inside an element whose text is exactly `text` (UTF-16 units, as the API). */
export function selectionOffsets(container: Element, selection: Selection | null): { start: number; end: number } | null {
  if (!selection || selection.rangeCount === 0 || selection.isCollapsed) return null;
  const range = selection.getRangeAt(0);
  if (!container.contains(range.startContainer) || !container.contains(range.endContainer)) return null;
  const before = document.createRange();
  before.selectNodeContents(container);
  before.setEnd(range.startContainer, range.startOffset);
  const start = before.toString().length;
  const end = start + range.toString().length;
  return end > start ? { start, end } : null;
}

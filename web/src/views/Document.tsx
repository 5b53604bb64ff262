import { useEffect, useId, useMemo, useRef, useState, type FormEvent } from 'react';
import type { DocumentReaderQuery } from '@dossier/sdk/documents';
import { useLoad, useToken } from '../api.ts';
import { partialDate, words } from '../format.ts';
import { href } from '../router.ts';
import { segments, selectionOffsets } from '../spans.ts';
import { Load, useTitle } from './common.tsx';
import { Curate, type Added } from './Curate.tsx';

type Doc = NonNullable<DocumentReaderQuery['document']>;
type Fact = Doc['evidence']['edges'][number]['node'];

/** What a span supports, grouped for colour: the five kinds the legend names. */
function kindOf(f: Fact): 'actor' | 'event' | 'request' | 'item' | 'response' {
  switch (f.supports.__typename) {
    case 'Actor': case 'ActorRole': case 'ActorRelation': return 'actor';
    case 'Event': case 'EventParticipant': return 'event';
    case 'Request': return 'request';
    case 'RequestItem': return 'item';
    default: return 'response';
  }
}

/** The fact a span supports, in words. */
function describe(f: Fact): string {
  const s = f.supports;
  switch (s.__typename) {
    case 'Actor': return `Actor: ${s.name}`;
    case 'ActorRole': return `Role: ${s.holder.name}, ${s.title}`;
    case 'ActorRelation': return `Relation: ${s.from.name} ${words(s.kind).toLowerCase()} ${s.to.name}`;
    case 'Event': return `Event: ${s.title}`;
    case 'EventParticipant': return `Participant: ${s.actor.name} as ${s.role}`;
    case 'Request': return `Request: ${s.summary}`;
    case 'RequestItem': return `${s.excluded ? 'Not asked for' : 'Asked for'}: ${words(s.category).toLowerCase()} (${s.description}) in “${s.request.summary}”`;
    case 'RequestResponse': return `Response by ${s.responder.name} (${words(s.stance).toLowerCase()}): ${s.summary}`;
    default: return 'Fact';
  }
}

/** Where the fact's own page is, when it has one. */
function factHref(f: Fact): string | null {
  const s = f.supports;
  if (s.__typename === 'Actor') return href(`actors/${encodeURIComponent(s.slug)}`);
  if (s.__typename === 'Request') return href(`requests/${encodeURIComponent(s.slug)}`);
  if (s.__typename === 'RequestItem') return href(`requests/${encodeURIComponent(s.request.slug)}`);
  if (s.__typename === 'RequestResponse') return href(`requests/${encodeURIComponent(s.request.slug)}`);
  if (s.__typename === 'ActorRole') return href(`actors/${encodeURIComponent(s.holder.slug)}`);
  return null;
}

/** Requests the document has evidence on: where a response found in it most likely belongs. */
function requestsOf(doc: Doc): [string, string][] {
  const seen = new Map<string, string>();
  for (const { node } of doc.evidence.edges) {
    const s = node.supports;
    if (s.__typename === 'Request') seen.set(s.slug, s.summary);
    else if (s.__typename === 'RequestItem' || s.__typename === 'RequestResponse') seen.set(s.request.slug, s.request.summary);
  }
  return [...seen];
}

/**
 * The keyboard's way to select: type or paste the words of a passage (its first occurrence is taken;
 * add words around it to pick another). A mouse can select in the text itself.
 */
function FindPassage({ body, onFound }: { body: string; onFound: (s: { start: number; end: number }) => void }) {
  const id = useId();
  const [missing, setMissing] = useState(false);
  const find = (e: FormEvent<HTMLFormElement>) => {
    e.preventDefault();
    const words = String(new FormData(e.currentTarget).get('passage') ?? '');
    const at = words ? body.indexOf(words) : -1;
    setMissing(at < 0);
    if (at >= 0) onFound({ start: at, end: at + words.length });
  };
  return (
    <form className="find-passage" onSubmit={find} aria-label="Select a passage by its words">
      <label htmlFor={id}>Select a passage to curate by its exact words (or select it in the text)</label>
      <input id={id} name="passage" autoComplete="off" />
      <button type="submit">Select</button>
      {missing && <p role="alert" className="error">These words are not in the text, exactly as typed.</p>}
    </form>
  );
}

function Reader({ doc, target, reload }: { doc: Doc; target: [number, number] | null; reload: () => void }) {
  useTitle(doc.title);
  const facts = useMemo(() => doc.evidence.edges.map((e) => e.node).sort((a, b) => a.start - b.start || b.end - a.end), [doc]);
  const segs = useMemo(() => segments(doc.body, facts), [doc, facts]);
  const [active, setActive] = useState<Fact[]>([]);
  const [selection, setSelection] = useState<{ start: number; end: number } | null>(null);
  const [added, setAdded] = useState<Added | null>(null);
  const bodyRef = useRef<HTMLDivElement>(null);
  const canCurate = useToken() !== '';
  const targets = useMemo(() => {
    const seen = new Map<string, string>();
    for (const f of facts) if (!seen.has(f.supports.id)) seen.set(f.supports.id, describe(f));
    return [...seen];
  }, [facts]);
  const requests = useMemo(() => requestsOf(doc), [doc]);

  useEffect(() => {
    if (!target) return;
    const el = bodyRef.current?.querySelector<HTMLElement>(`[data-start="${target[0]}"]`);
    el?.scrollIntoView({ block: 'center' });
    el?.focus({ preventScroll: true });
  }, [target, segs]);

  // The span asked for in the URL, or the one just curated.
  const isTarget = (start: number, end: number) => (target !== null && start >= target[0] && end <= target[1])
    || (added !== null && start >= added.start && end <= added.end);
  return (
    <div className="reader">
      <article>
        <h1>{doc.title}</h1>
        <p className="muted">{doc.publisher} · {partialDate(doc.published)}{doc.url && <> · <a href={doc.url}>original</a></>}</p>
        <p className="legend" aria-label="Highlight colours">
          {(['actor', 'event', 'request', 'item', 'response'] as const).map((k) => <mark key={k} className={`k-${k}`}>{k}</mark>)}
        </p>
        <div className="body" ref={bodyRef}
          onMouseUp={() => canCurate && setSelection(selectionOffsets(bodyRef.current!, getSelection()))}
          onKeyUp={(e) => canCurate && e.shiftKey && setSelection(selectionOffsets(bodyRef.current!, getSelection()))}>
          {segs.map((s) => {
            if (s.spans.length === 0) return <span key={s.start}>{s.text}</span>;
            const label = s.spans.map(describe).join('; ');
            return (
              <mark key={s.start} tabIndex={0} data-start={s.start} data-end={s.end}
                className={`k-${kindOf(s.spans[0]!)}${s.spans.length > 1 ? ' overlap' : ''}${isTarget(s.start, s.end) ? ' target' : ''}`}
                style={{ ['--depth' as string]: String(s.spans.length) }}
                title={label}
                onMouseEnter={() => setActive(s.spans)} onFocus={() => setActive(s.spans)}>
                {s.text}
              </mark>
            );
          })}
        </div>
      </article>
      <aside aria-labelledby="facts-h">
        <div className="active" role="status" aria-live="polite">
          {active.length > 0 && <><strong>This passage supports:</strong><ul>{active.map((f) => <li key={f.id}>{describe(f)}</li>)}</ul></>}
        </div>
        {added && <p role="status" className="ok">{added.text}{added.link && <> <a href={added.link}>Open it</a></>}</p>}
        {canCurate && <FindPassage body={doc.body} onFound={setSelection} />}
        {canCurate && selection && (
          <Curate key={`${selection.start}-${selection.end}`} selected={{ document: doc.id, ...selection, quote: doc.body.slice(selection.start, selection.end) }}
            targets={targets} requests={requests} onAdded={(a) => { setSelection(null); setAdded(a); reload(); }} />
        )}
        <h2 id="facts-h">Facts this document supports ({doc.evidence.totalCount})</h2>
        <ol className="fact-list">
          {facts.map((f) => {
            const link = factHref(f);
            return (
              <li key={f.id} className={`k-${kindOf(f)}${active.includes(f) ? ' on' : ''}`}>
                <a href={href(`documents/${encodeURIComponent(doc.slug)}`, { span: `${f.start}-${f.end}` })}><q>{f.quote}</q></a>
                <span>{describe(f)}{link && <> · <a href={link}>open</a></>}</span>
              </li>
            );
          })}
        </ol>
        {doc.evidence.pageInfo.hasNextPage && <p className="muted">Showing the first {facts.length} spans.</p>}
      </aside>
    </div>
  );
}

export function DocumentView({ slug, params }: { slug: string; params: URLSearchParams }) {
  // Every span, page by page (100 per page): the reader must not drop highlights past the first page.
  const [result, reload] = useLoad(`document:${slug}`, async (c) => {
    const first = await c.documentReader({ slug, first: 100 });
    const doc = first.document;
    if (!doc) return first;
    const edges = [...doc.evidence.edges];
    let page = doc.evidence.pageInfo;
    for (let i = 0; page.hasNextPage && page.endCursor && i < 50; i++) {
      const next = await c.documentReader({ slug, first: 100, after: page.endCursor });
      if (!next.document) break;
      edges.push(...next.document.evidence.edges);
      page = next.document.evidence.pageInfo;
    }
    return { document: { ...doc, evidence: { ...doc.evidence, edges, pageInfo: page } } };
  });
  const m = /^(\d+)-(\d+)$/.exec(params.get('span') ?? '');
  const target: [number, number] | null = m ? [Number(m[1]), Number(m[2])] : null;
  return (
    <Load result={result} reload={reload}>
      {(data) => (data.document ? <Reader doc={data.document} target={target} reload={reload} /> : <p role="alert">No document has the slug “{slug}”.</p>)}
    </Load>
  );
}

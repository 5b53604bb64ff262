import { useEffect, useMemo, useRef, useState } from 'react';
import type { DocumentReaderQuery } from '@dossier/sdk/documents';
import { describeError, editorApi, getToken, useLoad } from '../api.ts';
import { partialDate, words } from '../format.ts';
import { href } from '../router.ts';
import { segments, selectionOffsets } from '../spans.ts';
import { Load, useTitle } from './common.tsx';

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

function Curate({ doc, selection, onAdded }: { doc: Doc; selection: { start: number; end: number }; onAdded: () => void }) {
  const targets = useMemo(() => {
    const seen = new Map<string, string>();
    for (const { node } of doc.evidence.edges) if (!seen.has(node.supports.id)) seen.set(node.supports.id, describe(node));
    return [...seen];
  }, [doc]);
  const [target, setTarget] = useState(targets[0]?.[0] ?? '');
  const [message, setMessage] = useState<{ error: boolean; text: string } | null>(null);
  const quote = doc.body.slice(selection.start, selection.end);
  const attach = async () => {
    setMessage(null);
    try {
      await editorApi().addEvidence({ input: { target, evidence: { document: doc.id, start: selection.start, end: selection.end } } });
      setMessage({ error: false, text: 'Evidence added.' });
      onAdded();
    } catch (e) {
      setMessage({ error: true, text: describeError(e) });
    }
  };
  return (
    <section className="curate" aria-labelledby="curate-h">
      <h2 id="curate-h">Attach the selection as evidence</h2>
      <p><q>{quote}</q> <span className="muted">(characters {selection.start}–{selection.end})</span></p>
      <label htmlFor="curate-target">Supports</label>
      <select id="curate-target" value={target} onChange={(e) => setTarget(e.target.value)}>
        {targets.map(([id, text]) => <option key={id} value={id}>{text}</option>)}
      </select>
      <label htmlFor="curate-id">or the record's global ID</label>
      <input id="curate-id" onChange={(e) => e.target.value.trim() && setTarget(e.target.value.trim())} />
      <button type="button" onClick={attach} disabled={!target}>Attach evidence</button>
      {message && <p role={message.error ? 'alert' : 'status'} className={message.error ? 'error' : 'ok'}>{message.text}</p>}
    </section>
  );
}

function Reader({ doc, target, reload }: { doc: Doc; target: [number, number] | null; reload: () => void }) {
  useTitle(doc.title);
  const facts = useMemo(() => doc.evidence.edges.map((e) => e.node).sort((a, b) => a.start - b.start || b.end - a.end), [doc]);
  const segs = useMemo(() => segments(doc.body, facts), [doc, facts]);
  const [active, setActive] = useState<Fact[]>([]);
  const [selection, setSelection] = useState<{ start: number; end: number } | null>(null);
  const bodyRef = useRef<HTMLDivElement>(null);
  const canCurate = getToken() !== '';

  useEffect(() => {
    if (!target) return;
    const el = bodyRef.current?.querySelector<HTMLElement>(`[data-start="${target[0]}"]`);
    el?.scrollIntoView({ block: 'center' });
    el?.focus({ preventScroll: true });
  }, [target, segs]);

  const isTarget = (start: number, end: number) => target !== null && start >= target[0] && end <= target[1];
  return (
    <div className="reader">
      <article>
        <h1>{doc.title}</h1>
        <p className="muted">{doc.publisher} · {partialDate(doc.published)}{doc.url && <> · <a href={doc.url}>original</a></>}</p>
        <p className="legend" aria-label="Highlight colours">
          {(['actor', 'event', 'request', 'item', 'response'] as const).map((k) => <mark key={k} className={`k-${k}`}>{k}</mark>)}
        </p>
        <div className="body" ref={bodyRef} onMouseUp={() => canCurate && setSelection(selectionOffsets(bodyRef.current!, getSelection()))}>
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
        {canCurate && selection && <Curate doc={doc} selection={selection} onAdded={() => { setSelection(null); reload(); }} />}
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
  const [result, reload] = useLoad(`document:${slug}`, (c) => c.documentReader({ slug, first: 100 }));
  const m = /^(\d+)-(\d+)$/.exec(params.get('span') ?? '');
  const target: [number, number] | null = m ? [Number(m[1]), Number(m[2])] : null;
  return (
    <Load result={result}>
      {(data) => (data.document ? <Reader doc={data.document} target={target} reload={reload} /> : <p role="alert">No document has the slug “{slug}”.</p>)}
    </Load>
  );
}

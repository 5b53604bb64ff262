import type { RequestDetailFragment } from '@dossier/sdk/documents';
import { useLoad, useToken } from '../api.ts';
import { partialDate, words } from '../format.ts';
import { href } from '../router.ts';
import { ActorLink, Evidence, Load, useTitle, type EvidenceLike } from './common.tsx';
import { EditRequest } from './EditRequest.tsx';

type Item = RequestDetailFragment['items'][number];
type Quantity = Item['quantities'][number];
type DateClaim = RequestDetailFragment['dateClaims'][number];
type Citation = DateClaim['citations'][number];

const QUALIFIER: Record<Quantity['qualifier'], string> = { EXACT: '', ABOUT: 'about ', UP_TO: 'up to ', LESS_THAN: 'less than ', MORE_THAN: 'more than ' };

function Citations({ items }: { items: readonly Citation[] }) {
  if (items.length === 0) return null;
  return (
    <ul className="evidence">
      {items.map((c, i) => (
        <li key={i}>
          {c.url ? <a href={c.url}>{c.title}</a> : c.title} <cite>{[c.publisher, c.published && partialDate(c.published)].filter(Boolean).join(', ')}</cite>
          {c.note && <span className="muted"> — {c.note}</span>}
        </li>
      ))}
    </ul>
  );
}

/**
 * Numbers the texts state, each linked to the words that state it: the span of the fact's evidence
 * whose quote contains the quantity's text, narrowed to those words.
 */
function Quantities({ items, evidence }: { items: readonly Quantity[]; evidence: readonly EvidenceLike[] }) {
  if (items.length === 0) return null;
  return (
    <ul className="quantities" aria-label="Numbers stated">
      {items.map((q, i) => {
        const source = evidence.find((e) => e.quote.includes(q.text));
        const at = source ? source.start + source.quote.indexOf(q.text) : -1;
        const value = `${QUALIFIER[q.qualifier]}${q.amount.toLocaleString('en')} ${q.unit}`;
        return (
          <li key={i}>
            <span className="tag">number</span> <strong>{value}</strong>
            {source ? (
              <> — <a href={href(`documents/${encodeURIComponent(source.document.slug)}`, { span: `${at}-${at + q.text.length}` })}><q>{q.text}</q></a> <cite>{source.document.title}</cite></>
            ) : <> — <q>{q.text}</q></>}
            {q.note && <span className="muted"> ({q.note})</span>}
          </li>
        );
      })}
    </ul>
  );
}

/** Dates sources give for the request or the event it was made at, when they disagree: each with its support. */
function DateClaims({ claims, of }: { claims: readonly DateClaim[]; of: string }) {
  return (
    <>
      <h3>{of}</h3>
      <ul className="facts date-claims">
        {claims.map((c) => (
          <li key={c.id} className={c.used ? 'used' : undefined}>
            <p>
              <time dateTime={c.date ?? undefined}>{partialDate(c.date)}</time> <span className="muted">(to the {c.datePrecision.toLowerCase()})</span> · <q>{c.claim}</q>
              {c.used && <> · <strong>the date the record follows</strong></>}
            </p>
            {c.note && <p className="muted">{c.note}</p>}
            {c.evidence.length > 0 && <Evidence items={c.evidence} />}
            <Citations items={c.citations} />
            {c.evidence.length === 0 && c.citations.length === 0 && <p className="muted">no support recorded</p>}
          </li>
        ))}
      </ul>
    </>
  );
}

function Items({ items, excluded }: { items: readonly Item[]; excluded: boolean }) {
  if (items.length === 0) return <p className="muted">None recorded.</p>;
  return (
    <ul className="facts">
      {items.map((i) => (
        <li key={i.id} className={excluded ? 'excluded-item' : undefined}>
          <p>
            {excluded && <strong className="excluded">Not asked for: </strong>}
            <span className="tag">{words(i.category)}</span> {i.description}
          </p>
          <Evidence items={i.evidence} />
          <Quantities items={i.quantities} evidence={i.evidence} />
        </li>
      ))}
    </ul>
  );
}

function Detail({ r, reload }: { r: RequestDetailFragment; reload: () => void }) {
  useTitle(r.summary);
  const token = useToken();
  const claimsOfEvent = r.madeAt?.dateClaims ?? [];
  // In time order; a response with no known date last ("date unknown" is no earlier than the rest).
  const responses = [...r.responses].sort((a, b) => (a.date ?? '\uffff').localeCompare(b.date ?? '\uffff'));
  const bySide = (side: string) => r.parties.filter((p) => p.side === side);
  return (
    <article>
      <h1>{r.summary}</h1>
      {token && <EditRequest r={r} onSaved={reload} />}
      <p>
        Made {partialDate(r.date)}{r.dateNote && <> ({r.dateNote})</>} by {words(r.channel).toLowerCase()} ·
        latest status <span className={`status status-${r.status}`}>{words(r.status)}</span>
        {r.madeAt && <> · at <a href={href('timeline', { actors: r.requesters.map((a) => a.slug).join(',') })}>{r.madeAt.title}</a></>}
      </p>
      <section aria-labelledby="parties">
        <h2 id="parties">Parties</h2>
        <dl className="parties">
          {(['REQUESTER', 'ADDRESSEE'] as const).map((side) => (
            <div key={side}>
              <dt>{side === 'REQUESTER' ? 'Asked by' : 'Asked of'}</dt>
              {bySide(side).map((p) => (
                <dd key={p.actor.id}><ActorLink actor={p.actor} />{p.onBehalfOf && <> on behalf of <ActorLink actor={p.onBehalfOf} /></>}</dd>
              ))}
            </div>
          ))}
        </dl>
      </section>
      <section aria-labelledby="items">
        <h2 id="items">Asked for</h2>
        <Items items={r.items} excluded={false} />
      </section>
      <section aria-labelledby="exclusions">
        <h2 id="exclusions">Explicitly not asked for</h2>
        <Items items={r.exclusions} excluded />
      </section>
      <section aria-labelledby="responses">
        <h2 id="responses">Responses, in time order</h2>
        {responses.length === 0 ? <p className="muted">No response recorded.</p> : (
          <ol className="facts">
            {responses.map((x) => (
              <li key={x.id}>
                <p>
                  <time dateTime={x.date ?? undefined}>{partialDate(x.date)}</time> · <ActorLink actor={x.responder} />{' '}
                  <span className={`stance stance-${x.stance}`}>{words(x.stance).toLowerCase()}</span>: {x.summary}
                </p>
                <Evidence items={x.evidence} />
                <Quantities items={x.quantities} evidence={x.evidence} />
              </li>
            ))}
          </ol>
        )}
      </section>
      <section aria-labelledby="dates">
        <h2 id="dates">When: the dates the sources give</h2>
        <p>Made {partialDate(r.date)}{r.dateNote && <> — {r.dateNote}</>}</p>
        {r.dateClaims.length === 0 && claimsOfEvent.length === 0 && <p className="muted">The sources do not disagree on the date.</p>}
        {r.dateClaims.length > 0 && <DateClaims claims={r.dateClaims} of="Dates claimed for the request" />}
        {r.madeAt && claimsOfEvent.length > 0 && <DateClaims claims={claimsOfEvent} of={`Dates claimed for ${r.madeAt.title}`} />}
      </section>
      <section aria-labelledby="status">
        <h2 id="status">Status over time</h2>
        {r.statusHistory.length === 0 ? <p className="muted">No status history recorded; the current status is {words(r.status).toLowerCase()}.</p> : (
          <ol className="facts">
            {r.statusHistory.map((h) => (
              <li key={h.id}>
                <p>
                  <time dateTime={h.date ?? undefined}>{partialDate(h.date)}</time> · <span className={`status status-${h.status}`}>{words(h.status)}</span>
                  {h.note && <> — {h.note}</>} <span className="muted">({words(h.supportKind).toLowerCase()})</span>
                </p>
                <Evidence items={h.evidence} />
                <Citations items={h.citations} />
              </li>
            ))}
          </ol>
        )}
      </section>
      <section aria-labelledby="sources">
        <h2 id="sources">Evidence for the request itself</h2>
        <Evidence items={r.evidence.edges.map((e) => e.node)} />
      </section>
    </article>
  );
}

export function RequestView({ slug }: { slug: string }) {
  const [result, reload] = useLoad(`request:${slug}`, (c) => c.requestDetail({ slug }));
  return (
    <Load result={result} reload={reload}>
      {(data) => (data.request ? <Detail r={data.request} reload={reload} /> : <p role="alert">No request has the slug “{slug}”.</p>)}
    </Load>
  );
}

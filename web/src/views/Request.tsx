import type { RequestDetailFragment } from '@dossier/sdk/documents';
import { useLoad } from '../api.ts';
import { partialDate, words } from '../format.ts';
import { href } from '../router.ts';
import { ActorLink, Evidence, Load, useTitle } from './common.tsx';

type Item = RequestDetailFragment['items'][number];

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
        </li>
      ))}
    </ul>
  );
}

function Detail({ r }: { r: RequestDetailFragment }) {
  useTitle(r.summary);
  const responses = [...r.responses].sort((a, b) => (a.date ?? '').localeCompare(b.date ?? ''));
  const bySide = (side: string) => r.parties.filter((p) => p.side === side);
  return (
    <article>
      <h1>{r.summary}</h1>
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
                  <time>{partialDate(x.date)}</time> · <ActorLink actor={x.responder} />{' '}
                  <span className={`stance stance-${x.stance}`}>{words(x.stance).toLowerCase()}</span>: {x.summary}
                </p>
                <Evidence items={x.evidence} />
              </li>
            ))}
          </ol>
        )}
      </section>
      <section aria-labelledby="status">
        <h2 id="status">Status over time</h2>
        {r.statusHistory.length === 0 ? <p className="muted">No status history recorded; the current status is {words(r.status).toLowerCase()}.</p> : (
          <ol className="facts">
            {r.statusHistory.map((h) => (
              <li key={h.id}>
                <p>
                  <time>{partialDate(h.date)}</time> · <span className={`status status-${h.status}`}>{words(h.status)}</span>
                  {h.note && <> — {h.note}</>} <span className="muted">({words(h.supportKind).toLowerCase()})</span>
                </p>
                <Evidence items={h.evidence} />
                {h.citations.length > 0 && (
                  <ul className="evidence">
                    {h.citations.map((c, i) => <li key={i}>{c.url ? <a href={c.url}>{c.title}</a> : c.title} <cite>{[c.publisher, c.published && partialDate(c.published)].filter(Boolean).join(', ')}</cite></li>)}
                  </ul>
                )}
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
  const [result] = useLoad(`request:${slug}`, (c) => c.requestDetail({ slug }));
  return (
    <Load result={result}>
      {(data) => (data.request ? <Detail r={data.request} /> : <p role="alert">No request has the slug “{slug}”.</p>)}
    </Load>
  );
}

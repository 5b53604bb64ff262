import type { ActorProfileQuery } from '@dossier/sdk/documents';
import { useLoad } from '../api.ts';
import { dateRange, partialDate, words } from '../format.ts';
import { href } from '../router.ts';
import { ActorLink, Evidence, Load, useTitle } from './common.tsx';

type Actor = NonNullable<ActorProfileQuery['actor']>;
type Role = Actor['roles'][number];

/** Roles as bars on one time axis; an open end runs to the axis' end, marked as open. */
function RoleAxis({ roles }: { roles: readonly Role[] }) {
  const dated = roles.filter((r) => r.from);
  if (dated.length === 0) return null;
  const starts = dated.map((r) => dateRange(r.from!)[0]);
  const ends = dated.map((r) => (r.to ? dateRange(r.to)[1] : dateRange(r.from!)[1]));
  const min = Math.min(...starts);
  const max = Math.max(...ends, ...starts) + 1;
  const pct = (t: number) => `${(((t - min) / (max - min)) * 100).toFixed(2)}%`;
  return (
    <figure className="axis" aria-label="Roles over time">
      {dated.map((r) => {
        const [s] = dateRange(r.from!);
        const e = r.to ? dateRange(r.to)[1] : max;
        return (
          <div key={r.id} className="axis-row">
            <span className="axis-label">{r.title}{r.of && <> of {r.of.name}</>}</span>
            <span className="axis-track">
              <span className={`bar${r.to ? '' : ' open'}`} style={{ left: pct(s), width: `calc(${pct(e)} - ${pct(s)})` }}
                title={`${partialDate(r.from)} – ${r.to ? partialDate(r.to) : 'no known end'}`} />
            </span>
          </div>
        );
      })}
      <figcaption>{partialDate(new Date(min).toISOString().slice(0, 4))} – {partialDate(new Date(max).toISOString().slice(0, 4))}</figcaption>
    </figure>
  );
}

function Profile({ a }: { a: Actor }) {
  useTitle(a.name);
  return (
    <article>
      <h1>{a.name}</h1>
      <p>{words(a.kind)}{a.countryCode && <> · {a.countryCode}</>}{a.description && <> · {a.description}</>}</p>
      <p>{a.aliases.length ? <>Also known as {a.aliases.join(', ')}.</> : <span className="muted">No aliases recorded.</span>}</p>
      <p><a href={href('timeline', { actors: a.slug })}>Timeline of {a.name}</a> · <a href={href('requests', { requester: a.slug })}>requests made</a> · <a href={href('requests', { addressee: a.slug })}>requests received</a></p>
      <section aria-labelledby="roles">
        <h2 id="roles">Roles</h2>
        <RoleAxis roles={a.roles} />
        <ul className="facts">
          {a.roles.map((r) => (
            <li key={r.id}>
              <p>{r.title}{r.of && <> of <ActorLink actor={r.of} /></>}, {partialDate(r.from)} – {r.to ? partialDate(r.to) : 'no known end'}{r.dateNote && <> ({r.dateNote})</>}</p>
              <Evidence items={r.evidence} />
            </li>
          ))}
        </ul>
      </section>
      {(['requestsMade', 'requestsReceived'] as const).map((k) => (
        <section key={k} aria-labelledby={k}>
          <h2 id={k}>{k === 'requestsMade' ? 'Requests made' : 'Requests received'} ({a[k].totalCount})</h2>
          <ul>
            {a[k].edges.map(({ node }) => (
              <li key={node.id}><a href={href(`requests/${encodeURIComponent(node.slug)}`)}>{node.summary}</a> · {partialDate(node.date)} · {words(node.status)}</li>
            ))}
          </ul>
        </section>
      ))}
      <section aria-labelledby="responses">
        <h2 id="responses">Responses given ({a.responses.totalCount})</h2>
        <ul>
          {a.responses.edges.map(({ node }) => (
            <li key={node.id}>{partialDate(node.date)} · {words(node.stance).toLowerCase()}: {node.summary} (to <a href={href(`requests/${encodeURIComponent(node.request.slug)}`)}>{node.request.summary}</a>)</li>
          ))}
        </ul>
      </section>
      <section aria-labelledby="comentions">
        <h2 id="comentions">Mentioned together with</h2>
        <ul>{a.coMentions.edges.map((e) => <li key={e.node.id}><ActorLink actor={e.node} /> ({e.count} document{e.count === 1 ? '' : 's'})</li>)}</ul>
      </section>
    </article>
  );
}

export function ActorView({ slug }: { slug: string }) {
  const [result, reload] = useLoad(`actor:${slug}`, (c) => c.actorProfile({ slug, first: 50 }));
  return <Load result={result} reload={reload}>{(d) => (d.actor ? <Profile a={d.actor} /> : <p role="alert">No actor has the slug “{slug}”.</p>)}</Load>;
}

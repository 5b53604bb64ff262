import { useId, type FormEvent } from 'react';
import type { DossierClient } from '@dossier/sdk';
import type { ItemCategory, RequestFilter, RequestRowFragment, RequestStatus } from '@dossier/sdk/documents';
import { useLoad } from '../api.ts';
import { findActor } from '../actors.ts';
import { MoreButton, useMore } from '../paging.tsx';
import { ITEM_CATEGORIES, partialDate, REQUEST_STATUSES, words } from '../format.ts';
import { href, navigate } from '../router.ts';
import { ActorInput, ActorLink, list, Load, useTitle } from './common.tsx';

const FIELDS = ['requester', 'addressee', 'status', 'category', 'excluded', 'from', 'to'] as const;
/** Rows per page; "Show more" loads the next. */
const PAGE = 100;
const DATE = /^\d{4}(-\d{2}(-\d{2})?)?$/;

function Select({ label, name, value, options }: { label: string; name: string; value: string; options: readonly string[] }) {
  const id = useId();
  return (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      <select id={id} name={name} defaultValue={value} key={value}>
        <option value="">any</option>
        {options.map((o) => <option key={o} value={o}>{words(o)}</option>)}
      </select>
    </div>
  );
}

function DateInput({ label, name, value }: { label: string; name: string; value: string }) {
  const id = useId();
  return (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      <input id={id} name={name} defaultValue={value} key={value} placeholder="YYYY, YYYY-MM or YYYY-MM-DD"
        pattern="\d{4}(-\d{2}(-\d{2})?)?" inputMode="numeric" size={12} />
    </div>
  );
}

/** Each category once (two items of one category would read "Other, Other"). */
const categories = (items: readonly { category: ItemCategory }[]) => [...new Set(items.map((i) => i.category))];

function Row({ r }: { r: RequestRowFragment }) {
  const requesters = r.parties.filter((p) => p.side === 'REQUESTER');
  const asked = r.items.filter((i) => !i.excluded);
  const notAsked = r.items.filter((i) => i.excluded);
  return (
    <tr>
      <td><a href={href(`requests/${encodeURIComponent(r.slug)}`)}>{r.summary}</a></td>
      <td>
        {list(requesters.map((p) => (
          <span key={p.actor.id}><ActorLink actor={p.actor} />{p.onBehalfOf && <> (for <ActorLink actor={p.onBehalfOf} />)</>}</span>
        )))}
        {' → '}
        {list(r.addressees.map((a) => <ActorLink key={a.id} actor={a} />))}
      </td>
      <td>{asked.length ? list(categories(asked).map((c) => <span key={c}>{words(c)}</span>)) : <span className="muted">nothing recorded</span>}</td>
      <td>{notAsked.length ? list(categories(notAsked).map((c) => <span key={c} className="excluded">not {words(c).toLowerCase()}</span>)) : <span className="muted">—</span>}</td>
      <td>{partialDate(r.date)}</td>
      <td><span className={`status status-${r.status}`}>{words(r.status)}</span></td>
    </tr>
  );
}

export function RequestsView({ params }: { params: URLSearchParams }) {
  const value = (k: string) => params.get(k) ?? '';
  const filter: RequestFilter = {};
  if (value('requester')) filter.requester = value('requester');
  if (value('addressee')) filter.addressee = value('addressee');
  if (value('status')) filter.status = [value('status') as RequestStatus];
  if (value('category')) filter.category = [value('category') as ItemCategory];
  if (value('excluded')) filter.excludedCategory = [value('excluded') as ItemCategory];
  if (DATE.test(value('from'))) filter.from = value('from');
  if (DATE.test(value('to'))) filter.to = value('to');
  const orderBy = { field: 'DATE', direction: 'ASC' } as const;
  // The actors filtered on, for the heading: their names, not the slugs (or words) in the URL.
  const named = async (c: DossierClient, key: string) => (key ? (await findActor(c, key))?.name ?? key : '');
  const [result, reload] = useLoad(JSON.stringify(filter), async (c) => {
    const [{ requests }, requester, addressee] = await Promise.all([c.requestRows({ filter, orderBy, first: PAGE }), named(c, value('requester')), named(c, value('addressee'))]);
    return { requests, requester, addressee };
  });
  const rows = useMore(result.state === 'ok' ? result.data.requests : null, (c, after) => c.requestRows({ filter, orderBy, first: PAGE, after }).then((r) => r.requests));
  const names = result.state === 'ok' ? result.data : { requester: value('requester'), addressee: value('addressee') };
  const described = [names.requester && `by ${names.requester}`, names.addressee && `to ${names.addressee}`].filter(Boolean).join(' ');
  const heading = described ? `Requests ${described}` : 'Requests';
  useTitle(heading);

  const submit = (e: FormEvent<HTMLFormElement>) => {
    e.preventDefault();
    const data = new FormData(e.currentTarget);
    navigate('requests', Object.fromEntries(FIELDS.map((f) => [f, String(data.get(f) ?? '').trim()])));
  };
  return (
    <>
      <h1>{heading}</h1>
      <form className="filters" onSubmit={submit} aria-label="Filter requests">
        <ActorInput label="Requested by" name="requester" value={value('requester')} />
        <ActorInput label="Addressed to" name="addressee" value={value('addressee')} />
        <Select label="Status" name="status" value={value('status')} options={REQUEST_STATUSES} />
        <Select label="Asked for" name="category" value={value('category')} options={ITEM_CATEGORIES} />
        <Select label="Explicitly not asked for" name="excluded" value={value('excluded')} options={ITEM_CATEGORIES} />
        <DateInput label="From" name="from" value={value('from')} />
        <DateInput label="To" name="to" value={value('to')} />
        <div className="actions">
          <button type="submit">Filter</button>
          <a href={href('requests')}>Clear</a>
        </div>
      </form>
      <p className="quick">Try: <a href={href('requests', { addressee: 'nato' })}>requests to NATO</a> · <a href={href('requests', { excluded: 'TROOPS' })}>requests that rule out troops</a></p>
      <Load result={result} reload={reload}>
        {(data) => (
          <>
          <table>
            <caption>{data.requests.totalCount} request{data.requests.totalCount === 1 ? '' : 's'}</caption>
            <thead>
              <tr><th scope="col">Request</th><th scope="col">Who asked whom</th><th scope="col">Asked for</th><th scope="col">Not asked for</th><th scope="col">Made</th><th scope="col">Latest status</th></tr>
            </thead>
            <tbody>{rows.edges.map(({ node }) => <Row key={node.id} r={node} />)}</tbody>
          </table>
          <MoreButton list={rows} noun="requests" />
          </>
        )}
      </Load>
    </>
  );
}

import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { useToken } from './api.ts';
import { href, useRoute } from './router.ts';
import { RequestsView } from './views/Requests.tsx';
import { RequestView } from './views/Request.tsx';
import { DocumentView } from './views/Document.tsx';
import { ActorView } from './views/Actor.tsx';
import { TimelineView } from './views/Timeline.tsx';
import { SearchView } from './views/Search.tsx';
import { CurationView } from './views/Curation.tsx';
import './styles.css';

const NAV: [string, string][] = [['requests', 'Requests'], ['timeline', 'Timeline'], ['search', 'Search']];

function Page() {
  const route = useRoute();
  const signedIn = useToken() !== '';
  const [view = 'requests', id] = route.parts;
  let body;
  if (view === 'requests' && id) body = <RequestView slug={id} />;
  else if (view === 'documents' && id) body = <DocumentView slug={id} params={route.params} />;
  else if (view === 'actors' && id) body = <ActorView slug={id} />;
  else if (view === 'timeline') body = <TimelineView params={route.params} />;
  else if (view === 'search') body = <SearchView params={route.params} />;
  else if (view === 'curation') body = <CurationView />;
  else body = <RequestsView params={route.params} />;
  return (
    <>
      <a className="skip" href="#main" onClick={(e) => { e.preventDefault(); document.getElementById('main')?.focus(); }}>Skip to content</a>
      <header>
        <a className="brand" href={href('requests')}>dossier</a>
        <nav aria-label="Views">
          <ul>
            {[...NAV, ['curation', signedIn ? 'Curation (signed in)' : 'Sign in']].map(([path = '', label]) => (
              <li key={path}><a href={href(path)} aria-current={view === path ? 'page' : undefined}>{label}</a></li>
            ))}
          </ul>
        </nav>
      </header>
      <main id="main" tabIndex={-1}>{body}</main>
    </>
  );
}

createRoot(document.getElementById('root')!).render(<StrictMode><Page /></StrictMode>);

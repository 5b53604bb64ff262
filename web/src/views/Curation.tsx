import { useToken } from '../api.ts';
import { href } from '../router.ts';
import { SignIn, useTitle } from './common.tsx';

/** The token: kept in this tab's session storage only, never in a URL; sent with every call. */
export function CurationView() {
  useTitle('Sign in and curate');
  const token = useToken();
  return (
    <>
      <h1>Sign in and curate</h1>
      <p>
        A token (an editor's, to make changes) lets you curate: select text in any document (for example{' '}
        <a href={href('search', { q: 'NATO' })}>a search result</a>) to attach it as evidence for a fact, start a request or
        add a response from it, and edit a request's summary or status on its page. A server that keeps its data private asks
        for the token before showing anything. The token stays in this browser tab only and is forgotten when the tab closes.
      </p>
      <SignIn label="Editor token" />
      <p role="status">{token ? 'A token is set for this tab.' : 'No token is set: reading only.'}</p>
    </>
  );
}

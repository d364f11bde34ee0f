import { useEffect, useState, useCallback } from 'preact/hooks';
import { gql } from './api.js';

/**
 * Runs a GraphQL query whenever its key changes; older answers that arrive late are dropped. While a new answer
 * loads the previous data stays shown; dataKey says which key the data (or error) shown belongs to.
 */
export function useQuery(query, variables, key) {
  const [state, setState] = useState({ loading: true, data: null, error: null, dataKey: null });
  const [attempt, setAttempt] = useState(0);
  useEffect(() => {
    const controller = new AbortController();
    setState(previous => ({ ...previous, loading: true, error: null }));
    gql(query, variables, controller.signal)
      .then(data => setState({ loading: false, data, error: null, dataKey: key }))
      .catch(error => {
        if (error.name !== 'AbortError') setState({ loading: false, data: null, error, dataKey: key });
      });
    return () => controller.abort();
  }, [key, attempt]);
  const retry = useCallback(() => setAttempt(a => a + 1), []);
  // The render right after the key changes comes before the effect above: the data shown is still the old key's.
  return { ...state, loading: state.loading || state.dataKey !== key, retry };
}

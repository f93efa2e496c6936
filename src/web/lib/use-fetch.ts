/**
 * @module web/lib/use-fetch
 * Loads data for a component and reloads when its key changes; a late answer for an old key is dropped,
 * so typing in a search box never shows the results of an earlier query.
 */
import { useCallback, useEffect, useState } from "react";
import { api, ApiError } from "./api.ts";

export interface FetchState<T> {
  data: T | undefined;
  error: ApiError | undefined;
  loading: boolean;
  reload: () => void;
}

/** Runs `load` whenever `key` changes (null: load nothing). */
export function useLoader<T>(key: string | null, load: () => Promise<T>): FetchState<T> {
  const [state, setState] = useState<{ key: string | null; data?: T; error?: ApiError; loading: boolean }>({ key: null, loading: key !== null });
  const [generation, setGeneration] = useState(0);
  useEffect(() => {
    if (key === null) {
      setState({ key, loading: false });
      return;
    }
    let live = true;
    setState((s) => ({ ...s, key, loading: true, error: undefined }));
    load().then(
      (data) => live && setState({ key, data, loading: false }),
      (error: unknown) =>
        live &&
        setState({
          key,
          loading: false,
          error: error instanceof ApiError ? error : new ApiError({ status: 0, title: String(error), errors: [] }),
        }),
    );
    return () => {
      live = false;
    };
    // `load` is recreated each render; `key` names what it loads.
  }, [key, generation]);
  const reload = useCallback(() => setGeneration((g) => g + 1), []);
  return { data: state.data, error: state.error, loading: state.loading, reload };
}

/** GET a path and keep its JSON. */
export function useFetch<T>(path: string | null): FetchState<T> {
  return useLoader<T>(path, () => api<T>("GET", path!));
}

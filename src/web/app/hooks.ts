import { App, type FormInstance } from 'antd';
import { useCallback, useEffect, useLayoutEffect, useRef, useState } from 'react';
import { type ApiError, toApiError } from './api';

export interface QueryState<T> {
  /** The latest data; while a new key loads, the previous data stays (tables keep their rows). */
  data: T | undefined;
  error: ApiError | undefined;
  loading: boolean;
  /** Fetch the same key again. */
  reload: () => void;
}

/**
 * Fetch when `key` changes (null: do not fetch). The key names everything the fetcher depends on, so a result is
 * only shown for the key it was fetched for; responses that arrive late for an old key are dropped.
 */
export function useQuery<T>(key: string | null, fetcher: () => Promise<T>): QueryState<T> {
  const [state, setState] = useState<{ key: string | null; data?: T; error?: ApiError }>({ key: null });
  const [nonce, setNonce] = useState(0);
  const fetcherRef = useRef(fetcher);
  useLayoutEffect(() => {
    fetcherRef.current = fetcher;
  });
  const fullKey = key === null ? null : `${key}#${nonce}`;
  useEffect(() => {
    if (fullKey === null) return;
    let active = true;
    fetcherRef.current().then(
      (data) => {
        if (active) setState({ key: fullKey, data });
      },
      (error: unknown) => {
        if (active) setState({ key: fullKey, error: toApiError(error) });
      },
    );
    return () => {
      active = false;
    };
  }, [fullKey]);
  const reload = useCallback(() => setNonce((n) => n + 1), []);
  return {
    data: state.data,
    error: state.key === fullKey ? state.error : undefined,
    loading: fullKey !== null && state.key !== fullKey,
    reload,
  };
}

/** The value, once it has stopped changing for `ms` milliseconds. */
export function useDebounced<T>(value: T, ms = 300): T {
  const [settled, setSettled] = useState(value);
  useEffect(() => {
    const timer = window.setTimeout(() => setSettled(value), ms);
    return () => window.clearTimeout(timer);
  }, [value, ms]);
  return settled;
}

/** `/name` or `/body/name` → `name`; the form field a server detail is about. */
export function fieldOfPath(path: string): string | null {
  const parts = path.split('/').filter(Boolean);
  if (parts[0] === 'body') parts.shift();
  return parts[0] ?? null;
}

export type ShowError = (error: unknown, form?: FormInstance, handledCodes?: readonly string[]) => ApiError;

/**
 * Show a failed call: field details on the form's fields (antd setFields), anything else as a message.
 * A 401 is left to the session (it sends the user to the login page), and codes the caller handles itself
 * (VERSION_CONFLICT, say) are not shown. Returns the ApiError.
 */
export function useShowError(): ShowError {
  const { message } = App.useApp();
  return useCallback(
    (error: unknown, form?: FormInstance, handledCodes: readonly string[] = []) => {
      const apiError = toApiError(error);
      if (apiError.status === 401 && apiError.code !== 'INVALID_CREDENTIALS') return apiError;
      if (handledCodes.includes(apiError.code) || apiError.code === 'ABORTED') return apiError;
      let shown = false;
      if (form && apiError.details.length > 0) {
        const byField = new Map<string, string[]>();
        const registered = form.getFieldsValue() as Record<string, unknown>;
        for (const detail of apiError.details) {
          const field = fieldOfPath(detail.path);
          if (!field || !(field in registered)) continue;
          byField.set(field, [...(byField.get(field) ?? []), detail.message]);
        }
        if (byField.size > 0) {
          form.setFields([...byField].map(([name, errors]) => ({ name, errors })));
          shown = true;
        }
      }
      if (!shown) void message.error(apiError.message);
      return apiError;
    },
    [message],
  );
}

/** Whether a CSS media query matches, following changes. */
export function useMediaQuery(query: string): boolean {
  const [matches, setMatches] = useState(() => window.matchMedia(query).matches);
  useEffect(() => {
    const media = window.matchMedia(query);
    const onChange = () => setMatches(media.matches);
    media.addEventListener('change', onChange);
    return () => media.removeEventListener('change', onChange);
  }, [query]);
  return matches;
}

/** Whether the viewport is phone-sized (< 768 px). */
export function useIsPhone(): boolean {
  return useMediaQuery('(max-width: 767.98px)');
}

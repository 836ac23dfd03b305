import { App, type FormInstance } from 'antd';
import { useCallback, useEffect, useState } from 'react';
import { type ApiError, toApiError } from './api';

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

import { App, type FormInstance } from 'antd';
import { useCallback, useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
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

export interface VersionedSaveOptions {
  /** The dialog's form: field details of a failed save are shown on its fields. */
  form?: FormInstance;
  /**
   * After a 409 VERSION_CONFLICT: read the record again and take in its new version (and show it). A failure
   * here is left to the page's own reload.
   */
  refetch?: () => Promise<unknown>;
  /** Also show the conflict as a message (default true; a FormDialog shows `conflict` as its alert either way). */
  notify?: boolean;
}

export interface VersionedSave {
  /** A save (or its refetch after a conflict) is running. */
  saving: boolean;
  /** The last save met a newer version: someone else changed the record. */
  conflict: boolean;
  /** Run one save (the call and what follows its success): whether it succeeded (a failure is shown). */
  save: (mutation: () => Promise<void>) => Promise<boolean>;
}

/**
 * The save of a versioned record (a write that sends the `version` it read): runs the mutation, shows field
 * errors on the form and other failures as a message (useShowError); on 409 VERSION_CONFLICT marks `conflict`,
 * tells the user someone else changed the record and refetches it, so the next save sends the new version.
 */
export function useVersionedSave(options: VersionedSaveOptions = {}): VersionedSave {
  const { message } = App.useApp();
  const { t } = useTranslation();
  const showError = useShowError();
  const [saving, setSaving] = useState(false);
  const [conflict, setConflict] = useState(false);
  const optionsRef = useRef(options);
  useEffect(() => {
    optionsRef.current = options;
  });
  const save = useCallback(
    async (mutation: () => Promise<void>): Promise<boolean> => {
      const { form, refetch, notify = true } = optionsRef.current;
      setSaving(true);
      try {
        await mutation();
        return true;
      } catch (error) {
        const apiError = showError(error, form, ['VERSION_CONFLICT']);
        if (apiError.code === 'VERSION_CONFLICT') {
          if (notify) void message.warning(t('errors.conflict'));
          setConflict(true);
          try {
            await refetch?.();
          } catch {
            // the page's own reload shows what happened
          }
        }
        return false;
      } finally {
        setSaving(false);
      }
    },
    [message, showError, t],
  );
  return { saving, conflict, save };
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

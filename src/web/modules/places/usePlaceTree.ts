import { useCallback, useLayoutEffect, useMemo, useRef, useState } from 'react';
import { api, unwrap, type Place } from '../../app/api';

/** Children are fetched in pages of this size (the API's maximum). */
export const CHILD_PAGE_SIZE = 200;

interface Children {
  codes: string[];
  total: number;
  /** Pages fetched so far. */
  pages: number;
}

interface TreeState {
  nodes: Record<string, Place>;
  children: Record<string, Children>;
  expanded: string[];
}

export interface PlaceTreeModel {
  state: TreeState;
  /** Fetch a node's first page of children unless it is already loaded. */
  ensureChildren: (code: string) => Promise<void>;
  /** Fetch the next page of a node with more than one page of children. */
  loadMore: (code: string) => Promise<void>;
  /** Fetch again the pages already loaded for a node (after a change under it). */
  reloadChildren: (code: string | null) => Promise<void>;
  /** Fetch one node again (its name, child count …) and put it in the tree. */
  refreshNode: (code: string | null) => Promise<void>;
  /** Expand the path to a node: its ancestors, top down. */
  reveal: (ancestorCodes: string[]) => Promise<void>;
  /** Drop what is known under a node (its code changed or it is gone). */
  forget: (code: string) => void;
  setExpanded: (codes: string[]) => void;
}

async function fetchChildren(code: string, page: number) {
  return unwrap(
    api.GET('/api/places/{code}/children', {
      params: { path: { code }, query: { page, pageSize: CHILD_PAGE_SIZE } },
    }),
  );
}

function withPlaces(nodes: Record<string, Place>, places: Place[]): Record<string, Place> {
  const next = { ...nodes };
  for (const place of places) next[place.code] = place;
  return next;
}

/**
 * The lazily loaded place tree below the user's own node: what is loaded, what is expanded. Children load a page
 * at a time; a change reloads only the pages already shown.
 */
export function usePlaceTree(root: Place | undefined): PlaceTreeModel {
  const [state, setState] = useState<TreeState>({ nodes: {}, children: {}, expanded: [] });
  const stateRef = useRef(state);
  useLayoutEffect(() => {
    stateRef.current = state;
  });
  const inflight = useRef(new Map<string, Promise<void>>());

  // The root comes from outside (the user's node); keep it in the node table.
  const nodes = useMemo(
    () => (root ? { ...state.nodes, [root.code]: state.nodes[root.code] ?? root } : state.nodes),
    [root, state.nodes],
  );

  const ensureChildren = useCallback(async (code: string) => {
    if (stateRef.current.children[code]) return;
    const running = inflight.current.get(code);
    if (running) return running;
    const task = fetchChildren(code, 1)
      .then((page) => {
        setState((s) => ({
          ...s,
          nodes: withPlaces(s.nodes, page.items),
          children: {
            ...s.children,
            [code]: { codes: page.items.map((p) => p.code), total: page.total, pages: 1 },
          },
        }));
      })
      .finally(() => inflight.current.delete(code));
    inflight.current.set(code, task);
    return task;
  }, []);

  const loadMore = useCallback(async (code: string) => {
    const known = stateRef.current.children[code];
    if (!known || known.codes.length >= known.total) return;
    const page = await fetchChildren(code, known.pages + 1);
    setState((s) => {
      const current = s.children[code];
      if (!current) return s;
      const seen = new Set(current.codes);
      const added = page.items.filter((p) => !seen.has(p.code)).map((p) => p.code);
      return {
        ...s,
        nodes: withPlaces(s.nodes, page.items),
        children: {
          ...s.children,
          [code]: { codes: [...current.codes, ...added], total: page.total, pages: current.pages + 1 },
        },
      };
    });
  }, []);

  const reloadChildren = useCallback(async (code: string | null) => {
    if (!code) return;
    const known = stateRef.current.children[code];
    if (!known) return;
    const pages = await Promise.all(
      Array.from({ length: known.pages }, (_, i) => fetchChildren(code, i + 1)),
    );
    const items = pages.flatMap((p) => p.items);
    setState((s) => ({
      ...s,
      nodes: withPlaces(s.nodes, items),
      children: {
        ...s.children,
        [code]: {
          codes: items.map((p) => p.code),
          total: pages[0]?.total ?? items.length,
          pages: known.pages,
        },
      },
    }));
  }, []);

  const refreshNode = useCallback(async (code: string | null) => {
    if (!code) return;
    try {
      const place = await unwrap(api.GET('/api/places/{code}', { params: { path: { code } } }));
      setState((s) => ({ ...s, nodes: withPlaces(s.nodes, [place]) }));
    } catch {
      // gone or out of scope: the parent's reload drops it
    }
  }, []);

  const reveal = useCallback(
    async (ancestorCodes: string[]) => {
      for (const code of ancestorCodes) await ensureChildren(code);
      setState((s) => {
        const missing = ancestorCodes.filter((c) => !s.expanded.includes(c));
        return missing.length ? { ...s, expanded: [...s.expanded, ...missing] } : s;
      });
    },
    [ensureChildren],
  );

  const forget = useCallback((code: string) => {
    setState((s) => {
      const children = { ...s.children };
      delete children[code];
      return { ...s, children, expanded: s.expanded.filter((c) => c !== code) };
    });
  }, []);

  const setExpanded = useCallback((codes: string[]) => setState((s) => ({ ...s, expanded: codes })), []);

  const merged = useMemo(() => ({ ...state, nodes }), [state, nodes]);
  return {
    state: merged,
    ensureChildren,
    loadMore,
    reloadChildren,
    refreshNode,
    reveal,
    forget,
    setExpanded,
  };
}

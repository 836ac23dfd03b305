import { useEffect, useState } from 'react';
import type { FeedItem } from '../../../shared/case-feed';

/** New and escalated cases: what a command centre watches. */
const FEED_ACTIONS = 'report,escalate,supervise';

/**
 * The live feed of new and escalated cases in my sight, newest first (at most `keep`). The browser's
 * EventSource sends the session cookie (same origin) and reconnects by itself with Last-Event-ID, so nothing
 * is missed across a dropped connection. `connected` is false while it is (re)connecting.
 */
export function useCaseFeed(keep = 30): { items: FeedItem[]; connected: boolean } {
  const [items, setItems] = useState<FeedItem[]>([]);
  const [connected, setConnected] = useState(false);
  useEffect(() => {
    const source = new EventSource(`/api/cases/feed?actions=${FEED_ACTIONS}`, { withCredentials: true });
    source.onopen = () => setConnected(true);
    source.onerror = () => setConnected(false);
    source.addEventListener('case', (event: MessageEvent<string>) => {
      let item: FeedItem;
      try {
        item = JSON.parse(event.data) as FeedItem;
      } catch {
        return;
      }
      setItems((list) => (list.some((i) => i.id === item.id) ? list : [item, ...list].slice(0, keep)));
    });
    return () => source.close();
  }, [keep]);
  return { items, connected };
}

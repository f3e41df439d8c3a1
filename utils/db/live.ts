/**
 * Dexie liveQuery as a Preact hook: extension pages read the database directly (same origin)
 * and re-render whenever a transaction changes what the query read, in any context.
 */
import { liveQuery } from 'dexie';
import { useEffect, useState } from 'preact/hooks';

export function useLiveQuery<T>(query: () => Promise<T>, deps: unknown[] = []): T | undefined {
  const [value, setValue] = useState<T | undefined>(undefined);
  useEffect(() => {
    const subscription = liveQuery(query).subscribe({
      next: setValue,
      error: (err) => console.debug('[Pandu Izin] live query failed:', err),
    });
    return () => subscription.unsubscribe();
  }, deps);
  return value;
}

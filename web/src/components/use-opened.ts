import type { UseQueryResult } from '@tanstack/react-query';
import { useState } from 'react';

/**
 * What an edit form opened, kept while its query refetches (after any write, on focus, on another's
 * save): a newer version never replaces what the user is typing. A save over it gets 409; `reload`
 * then opens what is saved now. Another `id` (the same page for another object) opens afresh.
 */
export function useOpened<T>(query: UseQueryResult<T>, id: string) {
  const [opened, setOpened] = useState<{ id: string; data: T } | undefined>(undefined);
  const current = opened?.id === id ? opened.data : undefined;
  if (current === undefined && query.data !== undefined) setOpened({ id, data: query.data });
  const reload = async () => {
    const fresh = await query.refetch();
    if (fresh.data !== undefined) setOpened({ id, data: fresh.data });
  };
  return { opened: current, reload };
}

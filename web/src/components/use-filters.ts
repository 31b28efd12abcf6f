import { useState } from 'react';

/** Filters of a paged list: changing any filter goes back to page 1. */
export function useFilters<T extends Record<string, string | null>>(initial: T) {
  const [filters, setFilters] = useState(initial);
  const [page, setPage] = useState(1);
  return {
    filters,
    page,
    setPage,
    set: <K extends keyof T>(key: K, value: T[K]) => {
      setFilters((current) => ({ ...current, [key]: value }));
      setPage(1);
    },
    reset: () => {
      setFilters(initial);
      setPage(1);
    },
  };
}

/**
 * The query string of the web app's addresses, as people and the API read it: one key per value, a
 * list as the same key repeated (`?track=labelling&track=homologation`) — never JSON. Addresses written
 * before (`?track=["labelling"]`, `?q="congés"`) are still read. Values stay text: each route's
 * `validateSearch` turns them into what it expects.
 */

/** A JSON list or string as the router used to write it; anything else is not JSON here. */
function fromOldJson(raw: string): string[] | null {
  if (!/^\s*[["]/.test(raw)) return null;
  try {
    const value: unknown = JSON.parse(raw);
    if (typeof value === 'string') return [value];
    if (Array.isArray(value)) return value.map(String);
  } catch {
    // Plain text that happens to start with a bracket or a quote.
  }
  return null;
}

export function parseSearch(text: string): Record<string, unknown> {
  const search: Record<string, unknown> = {};
  for (const [key, raw] of new URLSearchParams(text.startsWith('?') ? text.slice(1) : text)) {
    const old = fromOldJson(raw);
    const values = old ?? [raw];
    const previous = search[key];
    if (previous === undefined) search[key] = old && raw.trim().startsWith('[') ? values : values[0];
    else search[key] = [...(Array.isArray(previous) ? previous : [previous]), ...values];
  }
  return search;
}

export function stringifySearch(search: Record<string, unknown>): string {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(search)) {
    for (const item of Array.isArray(value) ? value : [value]) {
      if (item !== undefined && item !== null && item !== '') params.append(key, String(item));
    }
  }
  const text = params.toString();
  return text ? `?${text}` : '';
}

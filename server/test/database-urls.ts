export const TEMPLATE_DATABASE = 'mutualis_test_template';

/** The maintenance database of the same server, from which test databases are created and dropped. */
export function adminUrl(url: string) {
  const parsed = new URL(url);
  parsed.pathname = '/postgres';
  return parsed.toString();
}

export function databaseUrl(url: string, name: string) {
  const parsed = new URL(url);
  parsed.pathname = `/${name}`;
  return parsed.toString();
}

/** Text helpers shared by the server and the web. */

/** The text without its accents and other combining marks: "Congés été" → "Conges ete". */
export const withoutAccents = (text: string) => text.normalize('NFD').replace(/\p{M}/gu, '');

/**
 * The form in which two labels typed by people are compared: no accents, lower case, one kind of
 * apostrophe, single spaces, trimmed ("Relation  Client’s " and "relation client's" compare equal).
 */
export const comparableText = (text: string) =>
  withoutAccents(text).toLowerCase().replace(/[’']/g, "'").replace(/\s+/g, ' ').trim();

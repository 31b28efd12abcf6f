import parseSpdx from 'spdx-expression-parse';

/**
 * The value checks of publiccode.yml, as the standard's reference parser (publiccode-parser-go) makes
 * them: SPDX licence expressions, BCP 47 language tags, ISO 3166-1 alpha-2 countries, URLs, dates,
 * organisation URIs and lengths counted in characters as a reader sees them (grapheme clusters).
 */

/** ISO 3166-1 alpha-2: the 249 officially assigned codes (no reserved, historic or private ones). */
const ISO_COUNTRIES = new Set(
  (
    'AD AE AF AG AI AL AM AO AQ AR AS AT AU AW AX AZ BA BB BD BE BF BG BH BI BJ BL BM BN BO BQ BR BS BT BV ' +
    'BW BY BZ CA CC CD CF CG CH CI CK CL CM CN CO CR CU CV CW CX CY CZ DE DJ DK DM DO DZ EC EE EG EH ER ES ' +
    'ET FI FJ FK FM FO FR GA GB GD GE GF GG GH GI GL GM GN GP GQ GR GS GT GU GW GY HK HM HN HR HT HU ID IE ' +
    'IL IM IN IO IQ IR IS IT JE JM JO JP KE KG KH KI KM KN KP KR KW KY KZ LA LB LC LI LK LR LS LT LU LV LY ' +
    'MA MC MD ME MF MG MH MK ML MM MN MO MP MQ MR MS MT MU MV MW MX MY MZ NA NC NE NF NG NI NL NO NP NR NU ' +
    'NZ OM PA PE PF PG PH PK PL PM PN PR PS PT PW PY QA RE RO RS RU RW SA SB SC SD SE SG SH SI SJ SK SL SM ' +
    'SN SO SR SS ST SV SX SY SZ TC TD TF TG TH TJ TK TL TM TN TO TR TT TV TW TZ UA UG UM US UY UZ VA VC VE ' +
    'VG VI VN VU WF WS YE YT ZA ZM ZW'
  ).split(' '),
);

/** A country code in one case, upper (the standard's form since 0.4) or lower (deprecated). */
export const isCountryCode = (value: string) =>
  (value === value.toUpperCase() || value === value.toLowerCase()) && ISO_COUNTRIES.has(value.toUpperCase());

/** A key of the file that names a country section (`IT:`, `it:`…). */
export const isCountrySectionKey = (key: string) => key.length === 2 && isCountryCode(key);

const languageNames = new Intl.DisplayNames(['en'], { type: 'language', fallback: 'none' });

/** A well-formed BCP 47 tag whose primary language subtag exists ("fr", "en-GB", "sl-IT-nedis", "ita"). */
export function isLanguageTag(tag: string) {
  try {
    const [canonical] = Intl.getCanonicalLocales(tag);
    const primary = canonical?.split('-')[0];
    return primary !== undefined && languageNames.of(primary) !== undefined;
  } catch {
    return false;
  }
}

/** An SPDX expression: identifiers of the SPDX list, `AND`, `OR`, `WITH` an exception, `+`, parentheses, LicenseRef-. */
export function isSpdxExpression(expression: string) {
  try {
    parseSpdx(expression);
    return true;
  } catch {
    return false;
  }
}

function parsedUrl(value: string) {
  try {
    return new URL(value);
  } catch {
    return null;
  }
}

/** An absolute http(s) URL with a host. */
export function isHttpUrl(value: string) {
  const url = parsedUrl(value);
  return url !== null && (url.protocol === 'http:' || url.protocol === 'https:') && url.hostname !== '';
}

const REPOSITORY_PROTOCOLS = ['http:', 'https:', 'git:', 'ssh:', 'git+ssh:', 'svn:', 'svn+ssh:'];

/** The address of a source repository (`url`, `isBasedOn`): http(s), or a version-control protocol. */
export function isRepositoryUrl(value: string) {
  const url = parsedUrl(value);
  return url !== null && REPOSITORY_PROTOCOLS.includes(url.protocol) && url.hostname !== '';
}

/** RFC 2141 URN: `urn:<NID>:<NSS>`. */
const URN = /^urn:[a-z0-9][a-z0-9-]{0,31}:[a-z0-9()+,\-.:=@;$_!*'%/?#]+$/i;
/** The shape of an Italian public administration code (iPA) in `urn:x-italian-pa:<code>`. */
const IPA_CODE = /^[a-z0-9_]{2,20}$/i;

/** `organisation.uri`, `fundedBy[].uri`: an http(s) URL with a host, or a URN (iPA codes well-formed). */
export function isOrganisationUri(value: string) {
  if (/^urn:/i.test(value)) {
    if (!URN.test(value)) return false;
    const ipa = /^urn:x-italian-pa:(.*)$/i.exec(value);
    return !ipa || IPA_CODE.test(ipa[1] ?? '');
  }
  return isHttpUrl(value);
}

/** A real calendar date written YYYY-MM-DD (2023-02-30 is not one). */
export function isRealDate(value: string) {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value);
  if (!match) return false;
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  const date = new Date(Date.UTC(year, month - 1, day));
  return date.getUTCFullYear() === year && date.getUTCMonth() === month - 1 && date.getUTCDate() === day;
}

const graphemes = new Intl.Segmenter('und', { granularity: 'grapheme' });

/** Length as the standard counts it: characters as a reader sees them (an accent with its letter is one). */
export function characterCount(value: string) {
  let count = 0;
  for (const _ of graphemes.segment(value)) count += 1;
  return count;
}

/** A file of the repository (logo, screenshots): a relative path or an http(s) URL, never a local path. */
export function localFileRefusal(value: string, extensions: readonly string[]): string | null {
  if (value.startsWith('/') || /^[a-z]:\\/i.test(value))
    return 'est un chemin absolu : seuls un chemin relatif au dépôt ou une adresse http(s) sont admis.';
  if (/^file:/i.test(value))
    return 'est une adresse file:// : seuls un chemin relatif au dépôt ou une adresse http(s) sont admis.';
  if (/^[a-z][a-z0-9+.-]*:/i.test(value) && !isHttpUrl(value))
    return 'doit être un chemin relatif au dépôt ou une adresse http(s).';
  const path = (parsedUrl(value)?.pathname ?? value).toLowerCase();
  if (!extensions.some((extension) => path.endsWith(extension)))
    return `doit être un fichier ${extensions.join(', ')}.`;
  return null;
}

/** RFC 6838 media type (deprecated `inputTypes`/`outputTypes`). */
export const isMediaType = (value: string) =>
  /^ *([A-Za-z0-9][A-Za-z0-9!#$&^_-]{0,126})\/([A-Za-z0-9][A-Za-z0-9!#$&^_.+-]{0,126}) *$/.test(value);

import MarkdownIt from 'markdown-it';

/**
 * Markdown of the applications, rendered on the server: raw HTML is escaped (html: false), markdown-it
 * refuses javascript:, vbscript:, file: and data: links (except images), and every link opens safely.
 */
const markdown = new MarkdownIt({ html: false, linkify: true, breaks: false });
const defaultLinkOpen =
  markdown.renderer.rules.link_open ??
  ((tokens, idx, options, _env, self) => self.renderToken(tokens, idx, options));
markdown.renderer.rules.link_open = (tokens, idx, options, env, self) => {
  const token = tokens[idx];
  token?.attrSet('rel', 'noopener noreferrer nofollow');
  token?.attrSet('target', '_blank');
  return defaultLinkOpen(tokens, idx, options, env, self);
};
// Images would load from anywhere; the application has its own screenshots.
markdown.disable('image');

export const renderMarkdown = (source: string) => markdown.render(source);

export interface TocEntry {
  level: number;
  text: string;
  anchor: string;
}

/** An anchor from a heading's text: lower case, without accents, words joined by dashes. */
const anchorOf = (heading: string) =>
  heading
    .normalize('NFD')
    .replace(/\p{Diacritic}/gu, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '') || 'section';

/** Markdown rendered as renderMarkdown does, its headings (levels 2 and 3) given ids, and its table of contents. */
export function renderMarkdownWithToc(source: string): { html: string; toc: TocEntry[] } {
  const env = {};
  const tokens = markdown.parse(source, env);
  const toc: TocEntry[] = [];
  const used = new Map<string, number>();
  tokens.forEach((token, index) => {
    if (token.type !== 'heading_open') return;
    const level = Number(token.tag.slice(1));
    const text = tokens[index + 1]?.content ?? '';
    const base = `section-${anchorOf(text)}`;
    const seen = used.get(base) ?? 0;
    used.set(base, seen + 1);
    const anchor = seen ? `${base}-${seen + 1}` : base;
    token.attrSet('id', anchor);
    if (level === 2 || level === 3) toc.push({ level, text, anchor });
  });
  return { html: markdown.renderer.render(tokens, markdown.options, env), toc };
}

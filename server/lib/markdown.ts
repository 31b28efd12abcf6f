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

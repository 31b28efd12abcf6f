import { Typography } from '@mantine/core';

/** Markdown the server rendered, with raw HTML escaped and unsafe links refused (lib/markdown.ts). */
export function MarkdownHtml({ html }: { html: string }) {
  return (
    <Typography>
      {/* biome-ignore lint/security/noDangerouslySetInnerHtml: sanitised on the server */}
      <div className="markdown" dangerouslySetInnerHTML={{ __html: html }} />
    </Typography>
  );
}

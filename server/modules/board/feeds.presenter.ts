import { BOARD_ITEM_KIND_LABELS, DECISION_OUTCOME_LABELS } from '../../../common/board/vocabulary.ts';
import type { DecisionDto } from '../../../common/schemas/board.ts';

/**
 * The decision log as feeds readers subscribe to: Atom 1.0 (RFC 4287) and RSS 2.0, in French. Each entry
 * is one published decision, its id a stable tag URI, its link the decision's page of the web app.
 */

const escapeXml = (text: string) =>
  text.replace(
    /[&<>"']/g,
    (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&apos;' })[c] as string,
  );
// Texts reach here without C0 controls (the schemas refuse them), so escaping is all XML 1.0 needs.
const clean = escapeXml;

const titleOf = (d: DecisionDto) =>
  `Décision ${d.reference} — ${d.item.title} : ${DECISION_OUTCOME_LABELS[d.outcome].fr.toLowerCase()}`;
const summaryOf = (d: DecisionDto) =>
  `${BOARD_ITEM_KIND_LABELS[d.item.kind].fr}. Question : ${d.question} Décision : ${d.statement} Motif : ${d.rationale}`;
const linkOf = (publicUrl: string, d: DecisionDto) => `${publicUrl}/instance/decisions/${d.id}`;

export function decisionsAtom(decisions: readonly DecisionDto[], publicUrl: string) {
  const host = new URL(publicUrl).hostname;
  const updated = decisions[0]?.publishedAt ?? new Date(0).toISOString();
  const entries = decisions.map(
    (d) => `  <entry>
    <id>tag:${host},${d.publishedAt?.slice(0, 10)}:board-decision/${d.id}</id>
    <title>${clean(titleOf(d))}</title>
    <updated>${d.publishedAt}</updated>
    <published>${d.publishedAt}</published>
    <link rel="alternate" type="text/html" href="${escapeXml(linkOf(publicUrl, d))}"/>
    <category term="${d.item.kind}" label="${escapeXml(BOARD_ITEM_KIND_LABELS[d.item.kind].fr)}"/>
    <summary type="text">${clean(summaryOf(d))}</summary>
  </entry>`,
  );
  return `<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom" xml:lang="fr">
  <id>tag:${host},2026:board-decisions</id>
  <title>Mutualis — décisions de l'instance de gouvernance</title>
  <updated>${updated}</updated>
  <author><name>Instance de gouvernance Mutualis</name></author>
  <link rel="self" type="application/atom+xml" href="${escapeXml(`${publicUrl}/api/board/decisions.atom`)}"/>
  <link rel="alternate" type="text/html" href="${escapeXml(`${publicUrl}/instance/decisions`)}"/>
${entries.join('\n')}
</feed>
`;
}

export function decisionsRss(decisions: readonly DecisionDto[], publicUrl: string) {
  const items = decisions.map(
    (d) => `    <item>
      <title>${clean(titleOf(d))}</title>
      <link>${escapeXml(linkOf(publicUrl, d))}</link>
      <guid isPermaLink="false">board-decision/${d.id}</guid>
      <pubDate>${new Date(d.publishedAt ?? 0).toUTCString()}</pubDate>
      <category>${escapeXml(BOARD_ITEM_KIND_LABELS[d.item.kind].fr)}</category>
      <description>${clean(summaryOf(d))}</description>
    </item>`,
  );
  return `<?xml version="1.0" encoding="utf-8"?>
<rss version="2.0" xmlns:atom="http://www.w3.org/2005/Atom">
  <channel>
    <title>Mutualis — décisions de l'instance de gouvernance</title>
    <link>${escapeXml(`${publicUrl}/instance/decisions`)}</link>
    <description>Le registre public des décisions de l'instance de gouvernance du réseau.</description>
    <language>fr</language>
    <atom:link href="${escapeXml(`${publicUrl}/api/board/decisions.rss`)}" rel="self" type="application/rss+xml"/>
${items.join('\n')}
  </channel>
</rss>
`;
}

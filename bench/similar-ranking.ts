/**
 * The ranking of POST /api/similar alone, in one process, without HTTP: the corpus of N generated sheets
 * (generate.ts, one in twenty a planted duplicate) and N generated projects (generate-projects.ts) as the
 * service builds it (FrenchVocabulary stemmed by the embedded database, TextCorpus), then the 20 needs of
 * similar-needs.ts, each made new by a made-up word in its title, ranked one after the other. Prints the
 * p50 / p99 / mean in ms of the stemming of the new words (`prepare`, a statement), of the words of the
 * need (`profile`) and of `rankSimilar`; then checks the ranking against the comparison with every text
 * (same texts, same order) for every need.
 *
 *   npx tsx bench/similar-ranking.ts [count] [requests]        (10000, 2000)
 */

import { openDatabase } from '../server/db/client.ts';
import { TextCorpus } from '../server/lib/similarity.ts';
import { rankSimilar } from '../server/lib/similarity-ranking.ts';
import { FrenchVocabulary } from '../server/lib/similarity-vocabulary.ts';
import { SIMILAR_MIN_SCORE } from '../server/modules/similar/similar-kinds.service.ts';
import { uniqueWord } from './api-client.ts';
import { generateCatalogue } from './generate.ts';
import { generateProjects } from './generate-projects.ts';
import { similarNeeds } from './similar-needs.ts';

const count = Number(process.argv[2] ?? 10_000);
const requests = Number(process.argv[3] ?? 2_000);
const LIMIT = 5;

const database = await openDatabase({});
await database.migrate();
const sheets = generateCatalogue(count, ['CPAM-69'], undefined, { duplicates: Math.round(count / 20) });
const projects = generateProjects(count, [{ code: 'CPAM-69', type: 'cpam' }]);
const texts = [
  ...sheets.map((s) => ({ name: s.name, summary: s.summary })),
  ...projects.map((p) => ({ name: p.title, summary: p.need })),
];
const vocabulary = new FrenchVocabulary();
let start = performance.now();
await vocabulary.prepare(
  database.db,
  texts.flatMap((t) => [t.name, t.summary]),
);
const stemMs = performance.now() - start;
start = performance.now();
const corpus = new TextCorpus(texts, vocabulary);
const corpusMs = performance.now() - start;
const needs = similarNeeds(sheets, projects);
console.log(
  `${texts.length} texts: stems ${stemMs.toFixed(0)} ms, corpus ${corpusMs.toFixed(0)} ms; ${needs.length} needs`,
);

const percentile = (sorted: number[], p: number) =>
  sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] as number;
const summary = (label: string, values: number[]) => {
  const sorted = [...values].sort((a, b) => a - b);
  const mean = values.reduce((a, b) => a + b, 0) / values.length;
  console.log(
    `${label}: p50 ${percentile(sorted, 50).toFixed(2)} p99 ${percentile(sorted, 99).toFixed(2)} mean ${mean.toFixed(2)}`,
  );
};

const prepareMs: number[] = [];
const profileMs: number[] = [];
const rankMs: number[] = [];
for (let k = 0; k < requests; k += 1) {
  const need = needs[k % needs.length] as { title: string; text: string };
  const title = `${need.title} ${uniqueWord()}`;
  let t = performance.now();
  await vocabulary.prepare(database.db, [title, need.text]);
  prepareMs.push(performance.now() - t);
  t = performance.now();
  const query = corpus.profile(title, need.text);
  profileMs.push(performance.now() - t);
  t = performance.now();
  rankSimilar(corpus, query, { minScore: SIMILAR_MIN_SCORE, limit: LIMIT });
  rankMs.push(performance.now() - t);
}
summary('prepare (stems of the new words, embedded database)', prepareMs);
summary('profile (the words of the need)', profileMs);
summary('rankSimilar', rankMs);

// Same texts, same order as comparing the need with every text.
let compared = 0;
for (const need of needs) {
  const query = corpus.profile(need.title, need.text);
  const expected = corpus.profiles
    .map((profile, index) => ({ index, score: corpus.similarity(query, profile) }))
    .filter((match) => match.score >= SIMILAR_MIN_SCORE)
    .sort((a, b) => b.score - a.score || a.index - b.index)
    .slice(0, LIMIT)
    .map((match) => match.index);
  const ranked = rankSimilar(corpus, query, { minScore: SIMILAR_MIN_SCORE, limit: LIMIT }).map(
    (r) => r.index,
  );
  if (JSON.stringify(ranked) !== JSON.stringify(expected))
    throw new Error(`"${need.title}": ${JSON.stringify(ranked)} instead of ${JSON.stringify(expected)}`);
  compared += expected.length;
}
console.log(`the ranking equals the full comparison for the ${needs.length} needs (${compared} results)`);
await database.close();
process.exit(0);

import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { parse, parseAllDocuments, stringify } from 'yaml';

/**
 * Renders a Helm chart the way `helm template` does, for the subset of Go templates our chart uses
 * (`deploy/mutualis`): fields, `$variables`, pipelines, `if`/`else`, `range $k, $v := map`, `define`,
 * `include`, comments, `{{-`/`-}}` trimming, and the functions below. Anything else throws, so a chart
 * change that needs more is noticed here rather than passing unrendered. Neither `helm` nor a Go
 * toolchain is available from npm or Debian on our machines (docs/operations.md, "Helm chart").
 */
type Scope = { dot: unknown; vars: Record<string, unknown> };
type Node =
  | { kind: 'text'; text: string }
  | { kind: 'action'; pipeline: string }
  | { kind: 'if'; pipeline: string; whenTrue: Node[]; whenFalse: Node[] }
  | { kind: 'range'; key: string; value: string; pipeline: string; body: Node[] };

const TAG = /\{\{(-?)\s*([\s\S]*?)\s*(-?)\}\}/g;

function tokenize(source: string) {
  const parts: ({ text: string } | { action: string })[] = [];
  let last = 0;
  let trimNext = false;
  for (const match of source.matchAll(TAG)) {
    let text = source.slice(last, match.index);
    if (trimNext) text = text.replace(/^\s+/, '');
    if (match[1]) text = text.replace(/\s+$/, '');
    parts.push({ text });
    parts.push({ action: match[2] as string });
    trimNext = match[3] === '-';
    last = match.index + match[0].length;
  }
  const tail = source.slice(last);
  parts.push({ text: trimNext ? tail.replace(/^\s+/, '') : tail });
  return parts;
}

function parseNodes(source: string, defines: Map<string, Node[]>) {
  const root: Node[] = [];
  const stack: { nodes: Node[]; node?: Extract<Node, { kind: 'if' | 'range' }>; define?: string }[] = [
    { nodes: root },
  ];
  const top = () => stack[stack.length - 1] as (typeof stack)[number];
  for (const part of tokenize(source)) {
    if ('text' in part) {
      if (part.text) top().nodes.push({ kind: 'text', text: part.text });
      continue;
    }
    const action = part.action;
    const define = action.match(/^define "([^"]+)"$/);
    const condition = action.match(/^if (.+)$/);
    const loop = action.match(/^range \$(\w+), \$(\w+) := (.+)$/);
    if (action.startsWith('/*')) continue;
    if (define) stack.push({ nodes: [], define: define[1] as string });
    else if (condition) {
      const node: Node = { kind: 'if', pipeline: condition[1] as string, whenTrue: [], whenFalse: [] };
      top().nodes.push(node);
      stack.push({ nodes: node.whenTrue, node });
    } else if (action === 'else') {
      const frame = top();
      if (frame.node?.kind !== 'if') throw new Error('else outside if');
      frame.nodes = frame.node.whenFalse;
    } else if (loop) {
      const node: Node = {
        kind: 'range',
        key: loop[1] as string,
        value: loop[2] as string,
        pipeline: loop[3] as string,
        body: [],
      };
      top().nodes.push(node);
      stack.push({ nodes: node.body, node });
    } else if (action === 'end') {
      const frame = stack.pop();
      if (!frame || stack.length === 0) throw new Error('end without a block');
      if (frame.define) defines.set(frame.define, frame.nodes);
    } else if (/^(with|template|block|range|tpl)\b/.test(action))
      throw new Error(`unsupported: {{ ${action} }}`);
    else top().nodes.push({ kind: 'action', pipeline: action });
  }
  if (stack.length !== 1) throw new Error('a block is not closed');
  return root;
}

const truthy = (value: unknown) =>
  !(value === undefined || value === null || value === false || value === 0 || value === '') &&
  !(Array.isArray(value) && value.length === 0) &&
  !(typeof value === 'object' && value !== null && Object.keys(value).length === 0);

function words(command: string) {
  return [...command.matchAll(/"(?:[^"\\]|\\.)*"|\S+/g)].map((m) => m[0]);
}

export function renderChart(chartDir: string, values: Record<string, unknown>, release = 'mutualis') {
  const chart = parse(readFileSync(path.join(chartDir, 'Chart.yaml'), 'utf8')) as Record<string, unknown>;
  const defines = new Map<string, Node[]>();
  const dir = path.join(chartDir, 'templates');
  const files = readdirSync(dir).sort();
  const trees = new Map(
    files.map((file) => [file, parseNodes(readFileSync(path.join(dir, file), 'utf8'), defines)]),
  );
  const functions: Record<string, (...args: unknown[]) => unknown> = {
    include: (name, dot) => {
      const body = defines.get(name as string);
      if (!body) throw new Error(`no template named ${String(name)}`);
      return run(body, { dot, vars: {} });
    },
    quote: (value) => JSON.stringify(String(value ?? '')),
    nindent: (n, text) => `\n${indent(Number(n), String(text))}`,
    indent: (n, text) => indent(Number(n), String(text)),
    toYaml: (value) => stringify(value).trimEnd(),
    not: (value) => !truthy(value),
  };
  const indent = (n: number, text: string) =>
    text
      .split('\n')
      .map((line) => ' '.repeat(n) + line)
      .join('\n');
  const operand = (word: string, scope: Scope): unknown => {
    if (word.startsWith('"')) return JSON.parse(word);
    if (/^-?\d+$/.test(word)) return Number(word);
    if (word === '.') return scope.dot;
    const [head, ...fields] = word.startsWith('$')
      ? word.slice(1).split('.')
      : ['.', ...word.slice(1).split('.')];
    let value: unknown = head === '.' ? scope.dot : scope.vars[head as string];
    if (head !== '.' && !((head as string) in scope.vars)) throw new Error(`unknown variable ${word}`);
    for (const field of fields) value = (value as Record<string, unknown> | undefined)?.[field];
    return value;
  };
  const evaluate = (pipeline: string, scope: Scope) => {
    let piped: unknown;
    pipeline.split(/\s*\|\s*/).forEach((command, index) => {
      const [head, ...rest] = words(command);
      if (head && functions[head]) {
        const args = rest.map((word) => operand(word, scope));
        piped = functions[head](...(index > 0 ? [...args, piped] : args));
      } else if (index === 0 && head && rest.length === 0) piped = operand(head, scope);
      else throw new Error(`unsupported: {{ ${pipeline} }}`);
    });
    return piped;
  };
  const run = (nodes: Node[], scope: Scope): string =>
    nodes
      .map((node) => {
        if (node.kind === 'text') return node.text;
        if (node.kind === 'action') return String(evaluate(node.pipeline, scope) ?? '');
        if (node.kind === 'if')
          return run(truthy(evaluate(node.pipeline, scope)) ? node.whenTrue : node.whenFalse, scope);
        const map = (evaluate(node.pipeline, scope) ?? {}) as Record<string, unknown>;
        return Object.keys(map)
          .sort()
          .map((key) =>
            run(node.body, {
              dot: scope.dot,
              vars: { ...scope.vars, [node.key]: key, [node.value]: map[key] },
            }),
          )
          .join('');
      })
      .join('');
  const top = {
    Values: values,
    Release: { Name: release, Namespace: 'default', Service: 'Helm' },
    Chart: { Name: chart.name, Version: chart.version, AppVersion: chart.appVersion },
  };
  const documents: Record<string, unknown>[] = [];
  for (const [file, tree] of trees) {
    if (!file.endsWith('.yaml')) continue;
    for (const document of parseAllDocuments(run(tree, { dot: top, vars: {} }))) {
      if (document.errors.length > 0) throw new Error(`${file}: ${document.errors[0]?.message}`);
      const object = document.toJS() as Record<string, unknown> | null;
      if (object) documents.push(object);
    }
  }
  return documents;
}

import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import ts from 'typescript';

interface DeclaredRoute {
  file: string;
  name: string;
  path?: string;
  parent?: string;
}

/** The `createRoute` (and root route) declarations of one source file, by variable name. */
function declaredRoutes(source: ts.SourceFile, routes: DeclaredRoute[]) {
  const visit = (node: ts.Node) => {
    if (ts.isVariableDeclaration(node) && ts.isIdentifier(node.name) && node.initializer) {
      if (isRouteCall(node.initializer))
        routes.push({
          file: source.fileName,
          name: node.name.text,
          ...readOptions(node.initializer.arguments[0], source.fileName),
        });
    }
    ts.forEachChild(node, visit);
  };
  visit(source);
}

/** Whether this is a call of `createRoute(…)` or `createRootRoute…()(…)`. */
function isRouteCall(expression: ts.Expression): expression is ts.CallExpression {
  if (!ts.isCallExpression(expression)) return false;
  let callee: ts.Expression = expression.expression;
  while (ts.isCallExpression(callee)) callee = callee.expression;
  const name = ts.isIdentifier(callee) ? callee.text : '';
  return name === 'createRoute' || name.startsWith('createRootRoute');
}

function readOptions(options: ts.Expression | undefined, file: string) {
  const route: { path?: string; parent?: string } = {};
  if (!options) return route;
  if (!ts.isObjectLiteralExpression(options))
    throw new Error(`${file}: route options that are not an object`);
  for (const property of options.properties) {
    if (!ts.isPropertyAssignment(property) || !ts.isIdentifier(property.name)) continue;
    const value = property.initializer;
    if (property.name.text === 'path') {
      if (!ts.isStringLiteralLike(value)) throw new Error(`${file}: a route path that is not a literal`);
      route.path = value.text;
    }
    if (property.name.text === 'getParentRoute') {
      const body = ts.isArrowFunction(value) ? value.body : undefined;
      if (!body || !ts.isIdentifier(body)) throw new Error(`${file}: getParentRoute is not () => aRoute`);
      route.parent = body.text;
    }
  }
  return route;
}

/**
 * Every path the web app's router declares (web/src/router*.tsx), nested paths resolved against their
 * parents as TanStack Router joins them (`$` is the catch-all). Read from the sources with the
 * TypeScript parser: the route tree itself needs a browser to load.
 */
export function routerPaths(folder = 'web/src'): string[] {
  const routes: DeclaredRoute[] = [];
  for (const file of readdirSync(folder).filter((f) => /^router.*\.tsx$/.test(f))) {
    const full = path.join(folder, file);
    declaredRoutes(ts.createSourceFile(full, readFileSync(full, 'utf8'), ts.ScriptTarget.Latest), routes);
  }
  // A parent is a route of the same file, or one another router file declares (and exports).
  const parentOf = (route: DeclaredRoute) => {
    const candidates = routes.filter((r) => r.name === route.parent);
    const parent = candidates.find((r) => r.file === route.file) ?? candidates[0];
    if (!parent || (parent.file !== route.file && candidates.length > 1))
      throw new Error(`${route.file}: cannot tell which route ${route.parent} is`);
    return parent;
  };
  const fullPath = (route: DeclaredRoute, depth = 0): string => {
    if (depth > 20) throw new Error(`${route.file}: the parents of ${route.name} loop`);
    const parent = route.parent ? fullPath(parentOf(route), depth + 1) : '';
    const own = (route.path ?? '').replace(/^\/+|\/+$/g, '');
    return own ? `${parent.replace(/\/$/, '')}/${own}` : parent;
  };
  const paths = routes.filter((route) => route.path !== undefined).map((route) => fullPath(route) || '/');
  return [...new Set(paths)].sort();
}

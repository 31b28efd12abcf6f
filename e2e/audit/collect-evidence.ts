/**
 * Collects, in Chromium, the evidence of the manual RGAA audit (docs/accessibility/README.md) on the ten
 * pages of the sample: against a running portal with the demonstration data,
 *   npx tsx e2e/audit/collect-evidence.ts http://localhost:3471 /tmp/audit
 * writes <folder>/evidence.json and screenshots (1280 px, 320 px, 200 % zoom) that the auditor reads and
 * looks at before recording each verdict in common/accessibility/audit.ts. It decides nothing by itself.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { AUDIT_PAGES } from '../../common/accessibility/audit.ts';
import { accessibilityViolations, launchBrowser } from '../support/browser.ts';

const [baseUrl = 'http://localhost:3471', folder = '/tmp/audit'] = process.argv.slice(2);
const ACCOUNT = { email: 'dev.basrhin@mutualis.demo', password: 'mutualis-demo' };
mkdirSync(folder, { recursive: true });

/** The pages whose address needs an id: the first the account sees in each list. */
async function resolvePaths(page: Page) {
  const first = async (url: string, pick: (body: unknown) => string | undefined) => {
    const response = await page.request.get(`${baseUrl}${url}`);
    return response.ok() ? pick(await response.json()) : undefined;
  };
  const item = (body: unknown) => (body as { items?: { id: string }[] }).items?.[0]?.id;
  return {
    application: await first('/api/applications?pageSize=1', item),
    project: await first('/api/projects?pageSize=1', item),
    request: await first('/api/deployment-requests', item),
    campaign: await first('/api/acceptance-campaigns', item),
  };
}

/** Everything read from the page's DOM: structure, images, links, tables, forms, live regions. */
const structure = (page: Page) =>
  page.evaluate(() => {
    const name = (el: Element) =>
      (el.getAttribute('aria-label') || (el as HTMLElement).textContent || el.getAttribute('title') || '')
        .trim()
        .replace(/\s+/g, ' ')
        .slice(0, 80);
    const visible = (el: Element) => {
      const r = el.getBoundingClientRect();
      return r.width > 0 && r.height > 0 && getComputedStyle(el).visibility !== 'hidden';
    };
    return {
      title: document.title,
      lang: document.documentElement.lang,
      headings: [...document.querySelectorAll('h1,h2,h3,h4,h5,h6,[role="heading"]')]
        .filter(visible)
        .map(
          (h) =>
            `${h.tagName === 'DIV' ? `h${h.getAttribute('aria-level')}` : h.tagName.toLowerCase()} ${name(h)}`,
        ),
      landmarks: [
        ...document.querySelectorAll(
          'header,nav,main,footer,aside,[role="search"],[role="banner"],[role="contentinfo"],[role="navigation"],[role="main"]',
        ),
      ]
        .filter(visible)
        .map((l) =>
          `${l.tagName.toLowerCase()}${l.getAttribute('role') ? `[${l.getAttribute('role')}]` : ''} ${l.getAttribute('aria-label') ?? ''}`.trim(),
        ),
      skipLink: (() => {
        const link = document.querySelector('a.skip-link') as HTMLAnchorElement | null;
        return link ? { text: link.textContent, target: Boolean(document.querySelector(link.hash)) } : null;
      })(),
      images: [...document.querySelectorAll('img,svg,[role="img"]')].filter(visible).map((el) => ({
        tag: el.tagName.toLowerCase(),
        alt: el.getAttribute('alt'),
        ariaHidden: el.closest('[aria-hidden="true"]') !== null,
        role: el.getAttribute('role'),
        label: el.getAttribute('aria-label') ?? el.querySelector('title')?.textContent ?? null,
        insideNamed: (el.closest('a,button') as HTMLElement | null)?.textContent?.trim().slice(0, 40) ?? null,
      })),
      links: [...document.querySelectorAll('a[href]')].filter(visible).map((a) => name(a)),
      tables: [...document.querySelectorAll('table')].filter(visible).map((table) => ({
        role: table.getAttribute('role'),
        caption: table.querySelector('caption')?.textContent?.trim() ?? null,
        label: table.getAttribute('aria-label') ?? table.getAttribute('aria-labelledby'),
        columnHeaders: table.querySelectorAll('thead th').length,
        rowHeaders: table.querySelectorAll('tbody th').length,
        scoped: table.querySelectorAll('th[scope]').length,
        rows: table.querySelectorAll('tbody tr').length,
      })),
      fields: [...document.querySelectorAll('input,select,textarea')]
        .filter((f) => visible(f) && (f as HTMLInputElement).type !== 'hidden')
        .map((f) => {
          const input = f as HTMLInputElement;
          const labels = input.labels ? [...input.labels].map((l) => l.textContent?.trim()) : [];
          return {
            type: input.type,
            label:
              labels.join(' ') || input.getAttribute('aria-label') || input.getAttribute('aria-labelledby'),
            required: input.required || input.getAttribute('aria-required') === 'true',
            autocomplete: input.getAttribute('autocomplete'),
            describedBy: input.getAttribute('aria-describedby'),
          };
        }),
      liveRegions: [...document.querySelectorAll('[role="status"],[role="alert"],[aria-live]')].map((r) =>
        `${r.getAttribute('role') ?? ''} ${r.getAttribute('aria-live') ?? ''}`.trim(),
      ),
      lists: [...document.querySelectorAll('ul,ol')].filter((l) =>
        [...l.children].some((c) => c.tagName !== 'LI' && c.tagName !== 'SCRIPT' && c.tagName !== 'TEMPLATE'),
      ).length,
    };
  });

/** Tab through the page: what gets the focus, in what order, and whether the focus can be seen. */
async function keyboardWalk(page: Page, presses = 45) {
  await page.evaluate(() => {
    (document.activeElement as HTMLElement | null)?.blur();
    window.scrollTo(0, 0);
  });
  const stops: { name: string; tag: string; x: number; y: number; indicator: boolean }[] = [];
  for (let i = 0; i < presses; i++) {
    await page.keyboard.press('Tab');
    stops.push(
      await page.evaluate(() => {
        const el = document.activeElement as HTMLElement | null;
        if (!el || el === document.body) return { name: '(body)', tag: 'body', x: 0, y: 0, indicator: false };
        const style = getComputedStyle(el);
        const r = el.getBoundingClientRect();
        const indicator =
          (style.outlineStyle !== 'none' && Number.parseFloat(style.outlineWidth) > 0) ||
          style.boxShadow !== 'none';
        return {
          name: (el.getAttribute('aria-label') || el.textContent || el.getAttribute('placeholder') || '')
            .trim()
            .replace(/\s+/g, ' ')
            .slice(0, 50),
          tag: `${el.tagName.toLowerCase()}${el.getAttribute('role') ? `[${el.getAttribute('role')}]` : ''}`,
          x: Math.round(r.x),
          y: Math.round(r.y + window.scrollY),
          indicator,
        };
      }),
    );
  }
  return stops;
}

/** Horizontal scrolling and the elements wider than the window. */
const overflow = (page: Page) =>
  page.evaluate(() => {
    const width = document.documentElement.clientWidth;
    const wide = [...document.querySelectorAll('body *')]
      .filter((el) => {
        const r = el.getBoundingClientRect();
        return r.right > width + 1 && r.width > 0 && getComputedStyle(el).position !== 'fixed';
      })
      .filter((el) => !el.closest('[style*="overflow"], .mantine-ScrollArea-root, .table-scroll'))
      .slice(0, 8)
      .map((el) => `${el.tagName.toLowerCase()}.${[...el.classList].slice(0, 2).join('.')}`);
    return {
      scrollWidth: document.documentElement.scrollWidth,
      width,
      horizontalScroll: document.documentElement.scrollWidth > width + 1,
      wide,
    };
  });

/** WCAG 1.4.12 text spacing (the values of RGAA 10.12), then the texts cut by their box. */
const textSpacing = (page: Page) =>
  page.evaluate(() => {
    const style = document.createElement('style');
    style.textContent =
      '* { line-height: 1.5 !important; letter-spacing: 0.12em !important; word-spacing: 0.16em !important; } p { margin-bottom: 2em !important; }';
    document.head.append(style);
    const clipped = [...document.querySelectorAll('body *')]
      .filter((el) => {
        const s = getComputedStyle(el);
        const clips = s.overflow === 'hidden' || s.overflowX === 'hidden' || s.textOverflow === 'ellipsis';
        return (
          clips &&
          (el.scrollWidth > el.clientWidth + 2 || el.scrollHeight > el.clientHeight + 2) &&
          (el as HTMLElement).textContent?.trim()
        );
      })
      .slice(0, 8)
      .map((el) => `${el.tagName.toLowerCase()} « ${(el as HTMLElement).textContent.trim().slice(0, 40)} »`);
    style.remove();
    return clipped;
  });

/** Animations still running after a second, with and without « reduce motion ». */
const runningAnimations = (page: Page) =>
  page.evaluate(() =>
    document
      .getAnimations()
      .filter((a) => a.playState === 'running')
      .map(
        (a) =>
          `${(a.effect as KeyframeEffect | null)?.target?.nodeName ?? '?'} ${a.effect?.getTiming().iterations}`,
      ),
  );

const browser = await launchBrowser();
const evidence: Record<string, unknown> = { baseUrl, account: ACCOUNT.email, date: new Date().toISOString() };
try {
  const context = await browser.newContext({ locale: 'fr-FR', viewport: { width: 1280, height: 900 } });
  // tsx keeps function names with a helper the page does not have.
  await context.addInitScript({ content: 'window.__name = (f) => f;' });
  const page = await context.newPage();
  await page.goto(`${baseUrl}/connexion`);
  await page.request.post(`${baseUrl}/api/auth/login`, { data: ACCOUNT });
  const ids = await resolvePaths(page);
  evidence.ids = ids;
  for (const audited of AUDIT_PAGES) {
    const url = audited.path.replace(/:(\w+)/g, (_, key: keyof typeof ids) => ids[key] ?? 'introuvable');
    const record: Record<string, unknown> = { url };
    await page.setViewportSize({ width: 1280, height: 900 });
    await page.goto(`${baseUrl}${url}`);
    await page.waitForLoadState('networkidle');
    await page.waitForTimeout(500);
    await page.screenshot({ path: path.join(folder, `${audited.id}-1280.png`), fullPage: true });
    record.structure = await structure(page);
    record.axe = await accessibilityViolations(page);
    record.keyboard = await keyboardWalk(page);
    record.textSpacing = await textSpacing(page);
    record.animations = await runningAnimations(page);
    await page.setViewportSize({ width: 320, height: 640 });
    // What a disclosure hides must reflow too: every <details> is opened before measuring.
    await page.evaluate(() => {
      for (const details of document.querySelectorAll('details')) details.open = true;
    });
    await page.waitForTimeout(300);
    record.reflow320 = await overflow(page);
    await page.screenshot({ path: path.join(folder, `${audited.id}-320.png`), fullPage: true });
    await page.evaluate(() => window.scrollTo(0, 0));
    await page.screenshot({ path: path.join(folder, `${audited.id}-320-top.png`) });
    await page.setViewportSize({ width: 640, height: 450 });
    await page.evaluate(() => window.scrollTo(0, 0));
    await page.waitForTimeout(300);
    record.zoom200 = await overflow(page);
    await page.screenshot({ path: path.join(folder, `${audited.id}-zoom200.png`) });
    evidence[audited.id] = record;
    console.log(audited.id, url, 'axe', (record.axe as string[]).length);
  }
  const reduced = await browser.newContext({
    locale: 'fr-FR',
    reducedMotion: 'reduce',
    viewport: { width: 1280, height: 900 },
  });
  await reduced.addInitScript({ content: 'window.__name = (f) => f;' });
  const calm = await reduced.newPage();
  await calm.request.post(`${baseUrl}/api/auth/login`, { data: ACCOUNT });
  await calm.goto(`${baseUrl}/`);
  await calm.waitForLoadState('networkidle');
  evidence.reducedMotionHome = await runningAnimations(calm);
} finally {
  await browser.close();
}
writeFileSync(path.join(folder, 'evidence.json'), `${JSON.stringify(evidence, null, 2)}\n`);
console.log('evidence in', folder);

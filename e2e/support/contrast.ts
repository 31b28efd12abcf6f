/**
 * WCAG 2.x contrast from the colours a browser computes. Chromium returns `rgb()`/`rgba()` for most
 * colours, `color(srgb …)` for `color-mix(in srgb, …)` and `oklab()`/`oklch()` for colours mixed or
 * written in those spaces; a translucent layer is composited over what lies beneath it, as the browser
 * paints it (in gamma-encoded sRGB), down to the white canvas.
 */

/** sRGB channels (gamma-encoded) and alpha, each in 0–1. */
export interface Rgba {
  r: number;
  g: number;
  b: number;
  alpha: number;
}

export const WHITE: Rgba = { r: 1, g: 1, b: 1, alpha: 1 };

const clamp = (x: number) => Math.min(1, Math.max(0, x));

/** "50%" → 0.5 of `scale`; "0.5" → 0.5 (or /255 for rgb channels, through `scale`). */
function component(token: string | undefined, scale: number): number {
  if (token === undefined || token === 'none') return 0;
  if (token.endsWith('%')) return Number.parseFloat(token) / 100;
  const value = Number.parseFloat(token);
  if (Number.isNaN(value)) throw new Error(`not a number: ${token}`);
  return value / scale;
}

/** Splits "r, g, b, a", "r g b / a" into the channels and the alpha token. */
function channels(body: string): { values: string[]; alpha: string | undefined } {
  const [main = '', slashAlpha] = body.split('/');
  const values = main
    .trim()
    .split(/[\s,]+/)
    .filter(Boolean);
  if (slashAlpha !== undefined) return { values, alpha: slashAlpha.trim() };
  return values.length === 4
    ? { values: values.slice(0, 3), alpha: values[3] }
    : { values, alpha: undefined };
}

const toGamma = (linear: number) =>
  linear <= 0.0031308 ? 12.92 * linear : 1.055 * linear ** (1 / 2.4) - 0.055;
const toLinear = (channel: number) =>
  channel <= 0.04045 ? channel / 12.92 : ((channel + 0.055) / 1.055) ** 2.4;

/** OKLab → gamma-encoded sRGB (Björn Ottosson's matrices), clamped to the sRGB gamut. */
function fromOklab(lightness: number, a: number, b: number) {
  const l = (lightness + 0.3963377774 * a + 0.2158037573 * b) ** 3;
  const m = (lightness - 0.1055613458 * a - 0.0638541728 * b) ** 3;
  const s = (lightness - 0.0894841775 * a - 1.291485548 * b) ** 3;
  return {
    r: clamp(toGamma(4.0767416621 * l - 3.3077115913 * m + 0.2309699292 * s)),
    g: clamp(toGamma(-1.2684380046 * l + 2.6097574011 * m - 0.3413193965 * s)),
    b: clamp(toGamma(-0.0041960863 * l - 0.7034186147 * m + 1.707614701 * s)),
  };
}

/** Parses a computed CSS colour; throws on a form it does not know, so that a check never passes blind. */
export function parseCssColor(value: string): Rgba {
  const text = value.trim().toLowerCase();
  if (text === 'transparent') return { r: 0, g: 0, b: 0, alpha: 0 };
  const match = /^([a-z]+)\((.*)\)$/.exec(text);
  if (!match) throw new Error(`unsupported colour: ${value}`);
  const [, fn, body = ''] = match;
  const { values, alpha: alphaToken } = channels(body);
  const alpha = alphaToken === undefined ? 1 : clamp(component(alphaToken, 1));
  if ((fn === 'rgb' || fn === 'rgba') && values.length === 3) {
    const [r, g, b] = values.map((v) => clamp(component(v, 255)));
    return { r: r as number, g: g as number, b: b as number, alpha };
  }
  if (fn === 'color' && values[0] === 'srgb' && values.length === 4) {
    const [r, g, b] = values.slice(1).map((v) => clamp(component(v, 1)));
    return { r: r as number, g: g as number, b: b as number, alpha };
  }
  if (fn === 'oklab' && values.length === 3) {
    // a and b: a percentage is of 0.4.
    const [l, a, b] = values;
    const ab = (token: string | undefined) =>
      token?.endsWith('%') ? component(token, 1) * 0.4 : component(token, 1);
    return { ...fromOklab(component(l, 1), ab(a), ab(b)), alpha };
  }
  if (fn === 'oklch' && values.length === 3) {
    const [l, c, h] = values;
    const chroma = c?.endsWith('%') ? component(c, 1) * 0.4 : component(c, 1);
    const hue = (Number.parseFloat(h ?? '0') * Math.PI) / 180;
    return { ...fromOklab(component(l, 1), chroma * Math.cos(hue), chroma * Math.sin(hue)), alpha };
  }
  throw new Error(`unsupported colour: ${value}`);
}

/** `top` painted over `bottom` (source-over). */
export function over(top: Rgba, bottom: Rgba): Rgba {
  const alpha = top.alpha + bottom.alpha * (1 - top.alpha);
  if (alpha === 0) return { r: 0, g: 0, b: 0, alpha: 0 };
  const mix = (t: number, b: number) => (t * top.alpha + b * bottom.alpha * (1 - top.alpha)) / alpha;
  return { r: mix(top.r, bottom.r), g: mix(top.g, bottom.g), b: mix(top.b, bottom.b), alpha };
}

/** WCAG 2.x relative luminance of an opaque colour. */
export function relativeLuminance({ r, g, b }: Rgba) {
  return 0.2126 * toLinear(r) + 0.7152 * toLinear(g) + 0.0722 * toLinear(b);
}

/** (L1 + 0.05) / (L2 + 0.05), the lighter over the darker: 1 to 21. */
export function contrastRatio(foreground: Rgba, background: Rgba) {
  const a = relativeLuminance(foreground);
  const b = relativeLuminance(background);
  return (Math.max(a, b) + 0.05) / (Math.min(a, b) + 0.05);
}

/**
 * The contrast of text as painted: `backgrounds` are the computed background colours of the text's
 * element and of its ancestors, innermost first; they are laid over the white canvas from the outermost in.
 */
export function paintedContrast(textColor: string, backgrounds: string[]) {
  const background = backgrounds.map(parseCssColor).reduceRight((below, layer) => over(layer, below), WHITE);
  return contrastRatio(over(parseCssColor(textColor), background), background);
}

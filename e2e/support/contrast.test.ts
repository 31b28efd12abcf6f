import { describe, expect, it } from 'vitest';
import { contrastRatio, paintedContrast, parseCssColor } from './contrast.ts';

describe('WCAG contrast ratio', () => {
  it('is 21 for black on white, 1 for a colour on itself, whichever is in front', () => {
    const black = parseCssColor('rgb(0, 0, 0)');
    const white = parseCssColor('rgb(255, 255, 255)');
    expect(contrastRatio(black, white)).toBeCloseTo(21, 5);
    expect(contrastRatio(white, black)).toBeCloseTo(21, 5);
    const teal = parseCssColor('rgb(12, 166, 120)');
    expect(contrastRatio(teal, teal)).toBe(1);
  });

  it('matches known pairs: #767676 on white is the lightest AA grey (4.54)', () => {
    expect(contrastRatio(parseCssColor('rgb(118, 118, 118)'), parseCssColor('rgb(255,255,255)'))).toBeCloseTo(
      4.54,
      2,
    );
  });

  it('reads the forms Chromium computes: rgba, space-separated rgb, color(srgb), oklab, oklch', () => {
    expect(parseCssColor('rgba(255, 0, 0, 0.5)')).toEqual({ r: 1, g: 0, b: 0, alpha: 0.5 });
    expect(parseCssColor('rgb(255 0 0 / 50%)')).toEqual({ r: 1, g: 0, b: 0, alpha: 0.5 });
    expect(parseCssColor('color(srgb 1 0.5 0 / 0.25)')).toEqual({ r: 1, g: 0.5, b: 0, alpha: 0.25 });
    expect(parseCssColor('transparent').alpha).toBe(0);
    const white = parseCssColor('oklab(1 0 0)');
    expect([white.r, white.g, white.b].map((c) => Number(c.toFixed(3)))).toEqual([1, 1, 1]);
    // oklch(0.628 0.2577 29.23) is sRGB red.
    const red = parseCssColor('oklch(0.628 0.2577 29.23)');
    expect([red.r, red.g, red.b].map((c) => Number(c.toFixed(2)))).toEqual([1, 0, 0]);
    expect(() => parseCssColor('lab(50 20 30)')).toThrow('unsupported colour');
  });

  it('lays translucent backgrounds over what lies beneath, down to the white canvas', () => {
    // Nothing painted: black text on the canvas.
    expect(paintedContrast('rgb(0, 0, 0)', ['rgba(0, 0, 0, 0)', 'transparent'])).toBeCloseTo(21, 5);
    // A light tint over white is nearly white; white text on it is nearly invisible.
    const onTint = paintedContrast('rgb(255, 255, 255)', ['rgba(18, 184, 134, 0.1)', 'rgb(255, 255, 255)']);
    expect(onTint).toBeGreaterThan(1);
    expect(onTint).toBeLessThan(1.2);
    // Half-transparent black text on white is mid-grey (#808080: 3.95).
    expect(paintedContrast('rgba(0, 0, 0, 0.5)', [])).toBeCloseTo(3.95, 1);
  });
});

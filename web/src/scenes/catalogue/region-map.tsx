import { REGION_LABELS, type Region } from '../../../../common/organisations.ts';

/**
 * A tile map of the French regions: one hexagon a region, placed as on the map of France (metropolitan
 * regions on an offset grid, overseas regions and the national level in a row below). Every tile names
 * its region and value; the same figures are in a table next to it.
 */
const LAYOUT: { region: Region; col: number; row: number; short: string }[] = [
  { region: 'hauts-de-france', col: 2, row: 0, short: 'HDF' },
  { region: 'bretagne', col: 0, row: 1, short: 'BRE' },
  { region: 'normandie', col: 1, row: 1, short: 'NOR' },
  { region: 'ile-de-france', col: 2, row: 1, short: 'IDF' },
  { region: 'grand-est', col: 3, row: 1, short: 'GE' },
  { region: 'pays-de-la-loire', col: 0, row: 2, short: 'PDL' },
  { region: 'centre-val-de-loire', col: 1, row: 2, short: 'CVL' },
  { region: 'bourgogne-franche-comte', col: 2, row: 2, short: 'BFC' },
  { region: 'nouvelle-aquitaine', col: 1, row: 3, short: 'NA' },
  { region: 'auvergne-rhone-alpes', col: 2, row: 3, short: 'ARA' },
  { region: 'occitanie', col: 1, row: 4, short: 'OCC' },
  { region: 'provence-alpes-cote-d-azur', col: 2, row: 4, short: 'PACA' },
  { region: 'corse', col: 3, row: 5, short: 'COR' },
];
const OVERSEAS: { region: Region; short: string }[] = [
  { region: 'guadeloupe', short: 'GUA' },
  { region: 'martinique', short: 'MQ' },
  { region: 'guyane', short: 'GUY' },
  { region: 'la-reunion', short: 'RÉU' },
  { region: 'mayotte', short: 'MAY' },
  { region: 'national', short: 'NAT' },
];

const R = 38;
const W = Math.sqrt(3) * R;
const SHADES = ['#eef3fb', '#c6d9f1', '#8db3e2', '#4a7fc1', '#1f4e8c', '#0b2d5c'];

function hexagon(cx: number, cy: number) {
  return Array.from({ length: 6 }, (_, i) => {
    const angle = (Math.PI / 180) * (60 * i - 30);
    return `${(cx + R * Math.cos(angle)).toFixed(1)},${(cy + R * Math.sin(angle)).toFixed(1)}`;
  }).join(' ');
}

export function shadeIndex(value: number, max: number) {
  if (value <= 0 || max <= 0) return 0;
  return Math.min(SHADES.length - 1, 1 + Math.floor((value / max) * (SHADES.length - 2) + 0.0001));
}

export function RegionMap({
  values,
  title,
  valueLabel,
}: {
  values: Partial<Record<Region, number>>;
  title: string;
  valueLabel: (value: number) => string;
}) {
  const max = Math.max(0, ...Object.values(values).map((v) => v ?? 0));
  const tile = (region: Region, short: string, cx: number, cy: number) => {
    const value = values[region] ?? 0;
    const shade = shadeIndex(value, max);
    const dark = shade >= 3;
    return (
      <g key={region}>
        <title>{`${REGION_LABELS[region]} : ${valueLabel(value)}`}</title>
        <polygon points={hexagon(cx, cy)} fill={SHADES[shade]} stroke="#ffffff" strokeWidth={3} />
        <text
          x={cx}
          y={cy - 4}
          textAnchor="middle"
          fontSize={13}
          fontWeight={700}
          fill={dark ? '#ffffff' : '#1a1b1e'}
        >
          {short}
        </text>
        <text x={cx} y={cy + 14} textAnchor="middle" fontSize={13} fill={dark ? '#ffffff' : '#1a1b1e'}>
          {value}
        </text>
      </g>
    );
  };
  const top = R + 4;
  const overseasY = top + 6 * R * 1.5 + 10;
  return (
    <svg
      viewBox={`0 0 ${W * 6 + 10} ${overseasY + R + 30}`}
      role="img"
      aria-label={title}
      style={{ maxWidth: 520, width: '100%' }}
    >
      {LAYOUT.map(({ region, col, row, short }) =>
        tile(region, short, W * (col + 1 + (row % 2 ? 0.5 : 0)), top + row * R * 1.5),
      )}
      <text x={6} y={overseasY - R - 8} fontSize={12} fill="#495057">
        Outre-mer et national
      </text>
      {OVERSEAS.map(({ region, short }, i) => tile(region, short, W * (i + 0.5) + 6, overseasY))}
      <g transform={`translate(6, ${overseasY + R + 12})`}>
        {SHADES.map((shade, i) => (
          <rect
            key={shade}
            x={i * 28}
            y={0}
            width={28}
            height={12}
            fill={shade}
            stroke="#adb5bd"
            strokeWidth={0.5}
          />
        ))}
        <text x={SHADES.length * 28 + 6} y={11} fontSize={12} fill="#495057">
          {`0 → ${max}`}
        </text>
      </g>
    </svg>
  );
}

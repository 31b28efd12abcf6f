/**
 * A calendar invitation (RFC 5545) for a training session: one all-day event over its three days
 * (DTEND is the day after the last, exclusive), text escaped and lines folded at 75 octets.
 */
const escapeText = (value: string) =>
  value.replace(/\\/g, '\\\\').replace(/;/g, '\\;').replace(/,/g, '\\,').replace(/\r?\n/g, '\\n');

function fold(line: string) {
  const bytes = Buffer.from(line, 'utf8');
  if (bytes.length <= 75) return line;
  const parts: string[] = [];
  let current = '';
  for (const char of line) {
    const limit = parts.length === 0 ? 75 : 74;
    if (Buffer.byteLength(current + char, 'utf8') > limit) {
      parts.push(current);
      current = char;
    } else current += char;
  }
  parts.push(current);
  return parts.join('\r\n ');
}

const day = (iso: string) => iso.replaceAll('-', '');
const nextDay = (iso: string) => {
  const date = new Date(`${iso}T00:00:00Z`);
  date.setUTCDate(date.getUTCDate() + 1);
  return date.toISOString().slice(0, 10);
};
const stamp = (date: Date) => `${date.toISOString().replace(/[-:]/g, '').slice(0, 15)}Z`;

export function sessionInvitation(
  session: {
    id: string;
    title: string;
    startsOn: string;
    endsOn: string;
    place: string | null;
    mode: string;
    state: string;
    updatedAt: Date;
  },
  trainerName: string,
  url: string,
) {
  const lines = [
    'BEGIN:VCALENDAR',
    'VERSION:2.0',
    'PRODID:-//Mutualis//Formation starter kit//FR',
    'CALSCALE:GREGORIAN',
    'METHOD:PUBLISH',
    'BEGIN:VEVENT',
    `UID:training-session-${session.id}@mutualis`,
    `DTSTAMP:${stamp(session.updatedAt)}`,
    `DTSTART;VALUE=DATE:${day(session.startsOn)}`,
    `DTEND;VALUE=DATE:${day(nextDay(session.endsOn))}`,
    `SUMMARY:${escapeText(`Formation starter kit PHP — ${session.title}`)}`,
    `LOCATION:${escapeText(session.mode === 'remote' ? 'À distance' : (session.place ?? ''))}`,
    `DESCRIPTION:${escapeText(`Formation de trois jours assurée par ${trainerName} (référent régional). ${url}`)}`,
    `URL:${url}`,
    `STATUS:${session.state === 'cancelled' ? 'CANCELLED' : 'CONFIRMED'}`,
    'END:VEVENT',
    'END:VCALENDAR',
  ];
  return `${lines.map(fold).join('\r\n')}\r\n`;
}

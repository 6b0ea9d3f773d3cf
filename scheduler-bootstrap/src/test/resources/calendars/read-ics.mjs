// Reads iCalendar files with ical.js, a parser independent of ical4j, and prints what it finds in
// them as JSON: each file's VTIMEZONE ids and its events, their times as UTC instants.
import ICAL from 'ical.js';
import { readFileSync } from 'node:fs';

const files = [];
for (const file of process.argv.slice(2)) {
  const root = new ICAL.Component(ICAL.parse(readFileSync(file, 'utf8')));
  const zones = root.getAllSubcomponents('vtimezone').map((vtimezone) => {
    const zone = new ICAL.Timezone(vtimezone);
    ICAL.TimezoneService.register(zone);
    return zone.tzid;
  });
  const events = root.getAllSubcomponents('vevent').map((vevent) => {
    const event = new ICAL.Event(vevent);
    return {
      uid: event.uid,
      sequence: event.sequence,
      summary: event.summary,
      location: event.location,
      status: vevent.getFirstPropertyValue('status'),
      start: event.startDate.toJSDate().toISOString(),
      end: event.endDate.toJSDate().toISOString(),
      start_zone: vevent.getFirstProperty('dtstart').getParameter('tzid') ?? 'UTC',
    };
  });
  files.push({ file, zones, events });
}
console.log(JSON.stringify(files));

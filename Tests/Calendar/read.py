#!/usr/bin/env python3
"""Reads an iCalendar file with the `icalendar` package and prints its events as JSON:
{uid: {"start": "YYYY-MM-DD" or an ISO time with its offset, "end": ..., "summary",
"description", "sequence", "modified", "status", "alarms": [trigger as ISO duration]}}, and the
time zones it defines."""
import json, sys

from icalendar import Calendar

calendar = Calendar.from_ical(open(sys.argv[1], "rb").read())
events = {}
for event in calendar.walk("VEVENT"):
    events[str(event["UID"])] = {
        "start": event.decoded("DTSTART").isoformat(), "end": event.decoded("DTEND").isoformat(),
        "summary": str(event["SUMMARY"]), "description": str(event.get("DESCRIPTION", "")),
        "sequence": int(event.get("SEQUENCE", 0)), "modified": event.decoded("LAST-MODIFIED").isoformat(),
        "status": str(event.get("STATUS", "")),
        "alarms": [str(alarm.decoded("TRIGGER")) for alarm in event.walk("VALARM")],
    }
zones = [str(zone["TZID"]) for zone in calendar.walk("VTIMEZONE")]
print(json.dumps({"name": str(calendar.get("X-WR-CALNAME", "")), "events": events, "zones": zones}))

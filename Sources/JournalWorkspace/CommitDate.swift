import JournalGit
import JournalKit

extension GitCommitRecord {
    /// The day the author wrote the commit, in the author's own time zone.
    public var calendarDate: CalendarDate {
        let seconds = time + Int64(offsetMinutes) * 60
        let remainder = ((seconds % 86_400) + 86_400) % 86_400
        // dayNumber counts days from 1970-01-01, as Unix time does.
        return CalendarDate(dayNumber: Int((seconds - remainder) / 86_400))
    }
}

/// What an entry holds beyond what all entries share.
public enum EntryContent: Sendable, Equatable {
    case agreement(Agreement)
    case goal(Goal)
    case session(Session)
    case reflection(Reflection)
    case evaluation(Evaluation)
}

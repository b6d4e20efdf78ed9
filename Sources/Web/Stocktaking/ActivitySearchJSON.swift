import Foundation
import Review

/// The search answer as JSON, for the command line (the API answers with the same shape).
public enum ActivitySearchJSON {
    public static func encode(_ page: ActivitySearchPage) throws -> Data {
        try Timestamp.jsonEncoder().encode(APIHandler.searchResult(page))
    }
}

/// One activity as JSON, for the command line: the API's `Activity` (its fields, state, version and comments).
public enum ActivityJSON {
    public static func encode(_ view: ActivityView) throws -> Data {
        try Timestamp.jsonEncoder(.prettyPrinted).encode(APIHandler.activity(view))
    }
}

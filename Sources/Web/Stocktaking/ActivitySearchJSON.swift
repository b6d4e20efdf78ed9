import Foundation
import Review

/// The search answer as JSON, for the command line (the API answers with the same shape).
public enum ActivitySearchJSON {
    public static func encode(_ page: ActivitySearchPage) throws -> Data {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        encoder.dateEncodingStrategy = .iso8601
        return try encoder.encode(APIHandler.searchResult(page))
    }
}

import Foundation
import Review
@testable import Storage
import TestSupport
import Testing

@Suite("The stored record of an activity")
struct ActivityRecordJSONTests {
    @Test("the hand-written JSON reads back as the same activity, quotes, line breaks, control characters and all")
    func roundTrip() throws {
        let vocabulary = ActivityVocabulary(reference: try ReferenceDataFiles.load(directory: ReferenceDataFiles.bundledDirectory))
        var generator = DemoGenerator(seed: 3, vocabulary: vocabulary)
        var activities: [Activity] = []
        for number in 1...200 {
            var activity = try Activity.read(generator.record(number: number), vocabulary: vocabulary, id: "id-\(number)", createdBy: "me",
                                             now: Date(timeIntervalSince1970: 1_780_000_000.123))
            if number == 1 {
                activity.texts["en"]?.description = "A \"quoted\" word, a back\\slash,\na line break, a tab\t, a bell \u{7} and 数字."
                activity.contact = "desk@example.org"
                activity.organizationID = "org-1"
                activity.publishedAt = Date(timeIntervalSince1970: 1_790_000_000)
                activity.state = .published
            }
            activities.append(activity)
        }
        for activity in activities {
            let text = ActivityRecordJSON.encode(activity)
            // Times are kept to the millisecond, as JSONEncoder's path keeps them: compare what each reads back.
            let decoded = try SQLActivityRepository.decoder.decode(Activity.self, from: Data(text.utf8))
            let viaEncoder = try SQLActivityRepository.decoder.decode(Activity.self, from: try SQLActivityRepository.encoder.encode(activity))
            #expect(viaEncoder == decoded)
            #expect(ActivityRecordJSON.encode(decoded) == text)
            #expect(decoded.texts == activity.texts && decoded.contact == activity.contact && decoded.sdgGoals == activity.sdgGoals)
        }
    }
}

import Foundation
import Resolutions

/// Someone a resolution can ask to act, with the words that name them in resolutions.
public struct MandateActor: Sendable, Codable, Equatable {
    /// `secretary-general`, `member-states`.
    public var code: String
    public var name: String
    /// Words that name the actor, compared without regard to case: "Secretary-General", "CWG-WSIS&SDG".
    public var patterns: [String]

    public init(code: String, name: String, patterns: [String]) {
        self.code = code
        self.name = name
        self.patterns = patterns
    }

    /// The registry a new platform starts with (the secretariat adds to it). The names are ITU's
    /// and the UN's own; the patterns are the ways resolutions write them.
    public static let seed: [MandateActor] = [
        .init(code: "secretary-general", name: "Secretary-General", patterns: ["Secretary-General"]),
        .init(code: "directors-of-the-bureaux", name: "Directors of the Bureaux", patterns: ["Directors of the Bureaux", "Directors of the three Bureaux"]),
        .init(code: "director-bdt", name: "Director of the Telecommunication Development Bureau",
              patterns: ["Director of the Telecommunication Development Bureau", "Director of BDT"]),
        .init(code: "director-tsb", name: "Director of the Telecommunication Standardization Bureau",
              patterns: ["Director of the Telecommunication Standardization Bureau", "Director of TSB"]),
        .init(code: "director-br", name: "Director of the Radiocommunication Bureau", patterns: ["Director of the Radiocommunication Bureau", "Director of BR"]),
        .init(code: "council", name: "ITU Council", patterns: ["Council"]),
        .init(code: "cwg-wsis-sdg", name: "Council Working Group on WSIS and SDGs (CWG-WSIS&SDG)",
              patterns: ["Council Working Group on WSIS", "CWG-WSIS&SDG", "CWG-WSIS"]),
        .init(code: "plenipotentiary-conference", name: "Plenipotentiary Conference", patterns: ["Plenipotentiary Conference"]),
        .init(code: "member-states", name: "Member States", patterns: ["Member States"]),
        .init(code: "sector-members", name: "Sector Members", patterns: ["Sector Members"]),
        .init(code: "itu-membership", name: "ITU membership", patterns: ["ITU membership", "the membership"]),
        .init(code: "ungis", name: "United Nations Group on the Information Society (UNGIS)",
              patterns: ["United Nations Group on the Information Society", "UNGIS"]),
        .init(code: "general-assembly", name: "United Nations General Assembly", patterns: ["General Assembly"]),
        .init(code: "ecosoc", name: "Economic and Social Council (ECOSOC)", patterns: ["Economic and Social Council", "ECOSOC"]),
        .init(code: "cstd", name: "Commission on Science and Technology for Development (CSTD)",
              patterns: ["Commission on Science and Technology for Development", "CSTD"]),
    ]

    /// The registry's actors named in `text`: the longest names first, each stretch of the text
    /// counted once (so "the Council Working Group on WSIS" is the Working Group, not the Council).
    public static func named(in text: String, registry: [MandateActor]) -> [String] {
        var remaining = text.lowercased()
        var found: [(position: Int, code: String)] = []
        let patterns = registry.flatMap { actor in actor.patterns.map { (actor.code, $0.lowercased()) } }
            .sorted { $0.1.count > $1.1.count }
        for (code, pattern) in patterns where !pattern.isEmpty {
            while let range = remaining.range(of: pattern) {
                if !found.contains(where: { $0.code == code }) {
                    found.append((remaining.distance(from: remaining.startIndex, to: range.lowerBound), code))
                }
                remaining.replaceSubrange(range, with: String(repeating: " ", count: pattern.count))
            }
        }
        return found.sorted { $0.position < $1.position }.map(\.code)
    }
}

/// Reads the mandates a confirmed resolution gives: one per operative paragraph, and one per
/// sub-item that asks for distinct work (a sub-item that starts "to …").
public struct MandateProposer: Sendable {
    public var registry: [MandateActor]
    /// Action Line → the SDG goals the WSIS-SDG Matrix links it to.
    public var matrix: [String: [Int]]

    public init(registry: [MandateActor], matrix: [String: [Int]]) {
        self.registry = registry
        self.matrix = matrix
    }

    public func propose(_ stored: StoredResolution, ids: any IDGenerator, now: Date) -> [Mandate] {
        let resolution = stored.structure
        let adoptingBody = MandateActor.named(in: resolution.formula?.value ?? "", registry: registry)
        var mandates: [Mandate] = []
        func add(_ paragraph: Paragraph, block: Block) {
            let addressee = paragraph.addressee ?? block.addressee
            var actors = addressee.map { MandateActor.named(in: $0, registry: registry) } ?? adoptingBody
            if actors.isEmpty, let addressee { actors = ["unlisted:" + addressee] }
            let lines = paragraph.actionLines.map(\.code).uniqued()
            let sdgs = paragraph.sdgs.map(\.code).uniqued()
            let explicitGoals = Set(sdgs.compactMap { $0.split(separator: ".").first.map(String.init) })
            let suggested = lines.flatMap { matrix[$0] ?? [] }.uniqued().sorted().map(String.init).filter { !explicitGoals.contains($0) }
            mandates.append(Mandate(
                id: ids.newID(), resolutionID: stored.id, workID: stored.workID, paragraphID: paragraph.id, blockID: block.id,
                position: mandates.count + 1, actors: actors, action: Self.action(paragraph.text), due: Self.due(paragraph.times),
                actionLines: lines, sdgs: sdgs, suggestedSDGs: suggested, createdAt: now, updatedAt: now, lastActivityAt: now
            ))
        }
        for block in resolution.operative {
            for paragraph in block.paragraphs {
                add(paragraph, block: block)
                for child in paragraph.children where child.text.lowercased().hasPrefix("to ") { add(child, block: block) }
            }
        }
        return mandates
    }

    /// The action as the paragraph states it: without its opening "to" and closing punctuation,
    /// whole (a long paragraph is not cut: pages fit it to their room, and open data keeps it all).
    static func action(_ text: String) -> String {
        var action = text.trimmingCharacters(in: .whitespaces)
        if action.lowercased().hasPrefix("to ") { action = String(action.dropFirst(3)) }
        while let last = action.last, ";,.:".contains(last) { action.removeLast() }
        return action
    }

    /// The due expression: a named session or event first, then a day or month, then a
    /// recurrence, then a year the paragraph gives as a limit ("by 2030").
    static func due(_ times: [TimeExpression]) -> Due {
        for time in times {
            if case .session(let body, let year, let qualifier) = time.value {
                let key = [body, year.map(String.init), qualifier.flatMap { Int($0) == nil ? $0 : nil }].compactMap { $0 }.joined(separator: "-")
                return .event(key, text: time.text)
            }
        }
        for time in times {
            switch time.value {
            case .day(let day): return .date(day, text: time.text)
            case .days(_, let last): return .date(last, text: time.text)
            case .month(let month): return .date(month, text: time.text)
            default: continue
            }
        }
        for time in times {
            if case .recurrence(let every) = time.value { return .recurrence(every, text: time.text) }
        }
        for time in times {
            if case .year(let year) = time.value, ["by", "before", "until"].contains(where: { time.text.lowercased().hasPrefix($0 + " ") }) {
                return .date(String(year), text: time.text)
            }
        }
        return .none
    }
}

extension Sequence where Element: Hashable {
    /// The elements in order, each once.
    func uniqued() -> [Element] {
        var seen = Set<Element>()
        return filter { seen.insert($0).inserted }
    }
}

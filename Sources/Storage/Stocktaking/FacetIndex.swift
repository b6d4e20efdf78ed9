import Foundation
import Review

/// What the search needs to know of every published activity besides its words, packed small
/// and kept in memory: its facet values (as bits and small numbers) and its date. Counting facets
/// over a million matches is then a loop over arrays, not a GROUP BY over a join.
///
/// Activities are numbered by `doc` (1, 2, …); arrays are indexed by it. About 30 bytes each:
/// 30 MB at a million.
struct FacetIndex {
    /// The codes behind the bit positions and small numbers.
    private(set) var lineCodes: [String] = []
    private(set) var countryCodes: [String] = []
    private(set) var regionCodes: [String] = []
    private var lineBit: [String: Int] = [:]
    private var countryNumber: [String: UInt8] = [:]
    private var regionBit: [String: Int] = [:]
    /// Alpha-3 to the bits of the M49 regions that contain it.
    private var countryRegions: [String: UInt64] = [:]

    private(set) var present: [Bool] = [false]
    private(set) var lines: [UInt32] = [0]
    private(set) var goals: [UInt32] = [0]
    private(set) var regions: [UInt64] = [0]
    private(set) var countryStart: [UInt32] = [0]
    private(set) var countryCount: [UInt8] = [0]
    private(set) var countryPool: [UInt8] = []
    private(set) var years: [UInt16] = [0]
    private(set) var statuses: [UInt8] = [0]
    private(set) var stakeholders: [UInt8] = [0]
    /// The start date as yyyymmdd (0 when unknown), for sorting by date.
    private(set) var days: [Int32] = [0]
    private(set) var count = 0

    static let statuses = Activity.Status.allCases.map(\.rawValue)
    static let stakeholders = StakeholderType.allCases.map(\.rawValue)

    init() {}

    init(actionLines: [String], countries: [Country], regions: [String]) {
        lineCodes = actionLines
        lineBit = Dictionary(uniqueKeysWithValues: actionLines.enumerated().map { ($1, $0) })
        regionCodes = Array(regions.prefix(64))
        regionBit = Dictionary(uniqueKeysWithValues: regionCodes.enumerated().map { ($1, $0) })
        countryCodes = Array(countries.map(\.alpha3).prefix(255))
        countryNumber = Dictionary(uniqueKeysWithValues: countryCodes.enumerated().map { ($1, UInt8($0)) })
        for country in countries {
            var mask: UInt64 = 0
            for region in [country.region, country.subregion, country.intermediateRegion].compactMap({ $0 }) {
                if let bit = regionBit[region] { mask |= 1 << UInt64(bit) }
            }
            countryRegions[country.alpha3] = mask
        }
    }

    /// The packed form stored beside each activity (`facets` column), read back by `set`.
    static func pack(_ activity: Activity) -> String {
        var parts: [String] = []
        parts.append("a=" + activity.allActionLines.joined(separator: ","))
        parts.append("g=" + activity.sdgGoals.map(String.init).joined(separator: ","))
        parts.append("c=" + activity.countries.joined(separator: ","))
        parts.append("r=" + activity.regions.joined(separator: ","))
        parts.append("y=" + (activity.year.map(String.init) ?? ""))
        parts.append("s=" + activity.status.rawValue)
        parts.append("h=" + activity.stakeholderType.rawValue)
        parts.append("d=" + (activity.startDate.map(PartialDate.firstDay) ?? ""))
        return parts.joined(separator: ";")
    }

    private mutating func grow(to doc: Int) {
        guard doc >= present.count else { return }
        let size = Swift.max(doc + 1, present.count * 3 / 2)
        let extra = size - present.count
        present += repeatElement(false, count: extra)
        lines += repeatElement(0, count: extra)
        goals += repeatElement(0, count: extra)
        regions += repeatElement(0, count: extra)
        countryStart += repeatElement(0, count: extra)
        countryCount += repeatElement(0, count: extra)
        years += repeatElement(0, count: extra)
        statuses += repeatElement(0, count: extra)
        stakeholders += repeatElement(0, count: extra)
        days += repeatElement(0, count: extra)
    }

    /// Records a published activity from its packed facets.
    mutating func set(doc: Int, packed: String) {
        grow(to: doc)
        if !present[doc] { count += 1 }
        present[doc] = true
        var lineMask: UInt32 = 0, goalMask: UInt32 = 0, regionMask: UInt64 = 0
        var year: UInt16 = 0, status: UInt8 = 0, stakeholder: UInt8 = 0, day: Int32 = 0
        var countries: [UInt8] = []
        for part in packed.split(separator: ";", omittingEmptySubsequences: true) {
            guard part.count > 2 else { continue }
            let key = part.first!
            let value = part.dropFirst(2)
            switch key {
            case "a": for code in value.split(separator: ",") { if let bit = lineBit[String(code)] { lineMask |= 1 << UInt32(bit) } }
            case "g": for code in value.split(separator: ",") { if let goal = Int(code), (1...32).contains(goal) { goalMask |= 1 << UInt32(goal - 1) } }
            case "c":
                for code in value.split(separator: ",") {
                    let text = String(code)
                    if let number = countryNumber[text] { countries.append(number) }
                    regionMask |= countryRegions[text] ?? 0
                }
            case "r": for code in value.split(separator: ",") { if let bit = regionBit[String(code)] { regionMask |= 1 << UInt64(bit) } }
            case "y": year = UInt16(value) ?? 0
            case "s": status = UInt8((Self.statuses.firstIndex(of: String(value)) ?? -1) + 1)
            case "h": stakeholder = UInt8((Self.stakeholders.firstIndex(of: String(value)) ?? -1) + 1)
            case "d": day = Int32(value.replacingOccurrences(of: "-", with: "")) ?? 0
            default: break
            }
        }
        lines[doc] = lineMask
        goals[doc] = goalMask
        regions[doc] = regionMask
        years[doc] = year
        statuses[doc] = status
        stakeholders[doc] = stakeholder
        days[doc] = day
        countryStart[doc] = UInt32(countryPool.count)
        countryCount[doc] = UInt8(Swift.min(countries.count, 255))
        countryPool += countries.prefix(255)
    }

    mutating func remove(doc: Int) {
        guard doc < present.count, present[doc] else { return }
        present[doc] = false
        count -= 1
    }

    /// A filter compiled to masks and numbers; values of one facet are alternatives.
    struct Filter {
        var lines: UInt32?
        var goals: UInt32?
        var regions: UInt64?
        var countries: Set<UInt8>?
        var years: Set<UInt16>?
        var statuses: Set<UInt8>?
        var stakeholders: Set<UInt8>?
    }

    /// Bits of `failures`: which facet's filter an activity fails.
    enum Bit {
        static let line: UInt8 = 1, goal: UInt8 = 2, region: UInt8 = 4, country: UInt8 = 8, year: UInt8 = 16, status: UInt8 = 32, stakeholder: UInt8 = 64
        static let absent: UInt8 = 128
    }

    func compile(_ filters: [Facet: Set<String>]) -> Filter {
        var filter = Filter()
        for (facet, values) in filters where !values.isEmpty {
            switch facet {
            case .actionLine:
                // C7 stands for its eight sub-lines.
                var mask: UInt32 = 0
                for value in values {
                    for (index, code) in lineCodes.enumerated() where code.caseInsensitiveCompare(value) == .orderedSame || code.hasPrefix(value.uppercased() + ".") {
                        mask |= 1 << UInt32(index)
                    }
                }
                filter.lines = mask
            case .sdg:
                filter.goals = values.compactMap { Int($0) }.filter { (1...32).contains($0) }.reduce(0) { $0 | (1 << UInt32($1 - 1)) }
            case .region:
                filter.regions = values.compactMap { regionBit[$0] }.reduce(0) { $0 | (1 << UInt64($1)) }
            case .country:
                filter.countries = Set(values.compactMap { countryNumber[$0.uppercased()] })
            case .year:
                filter.years = Set(values.compactMap { UInt16($0) })
            case .status:
                filter.statuses = Set(values.compactMap { value in Self.statuses.firstIndex(of: value).map { UInt8($0 + 1) } })
            case .stakeholderType:
                filter.stakeholders = Set(values.compactMap { value in Self.stakeholders.firstIndex(of: value).map { UInt8($0 + 1) } })
            }
        }
        // A filter whose values are all unknown codes compiles to an empty set or mask: nothing passes it.
        return filter
    }

    /// Which facets' filters the activity fails, as `Bit`s (0: it passes them all; `Bit.absent`: not published).
    @inline(__always)
    func failures(_ doc: Int, _ filter: Filter) -> UInt8 {
        guard doc < present.count, present[doc] else { return Bit.absent }
        var failed: UInt8 = 0
        if let mask = filter.lines, lines[doc] & mask == 0 { failed |= Bit.line }
        if let mask = filter.goals, goals[doc] & mask == 0 { failed |= Bit.goal }
        if let mask = filter.regions, regions[doc] & mask == 0 { failed |= Bit.region }
        if let wanted = filter.statuses, !wanted.contains(statuses[doc]) { failed |= Bit.status }
        if let wanted = filter.stakeholders, !wanted.contains(stakeholders[doc]) { failed |= Bit.stakeholder }
        if let wanted = filter.years, !wanted.contains(years[doc]) { failed |= Bit.year }
        if let wanted = filter.countries {
            let start = Int(countryStart[doc])
            var found = false
            for offset in 0..<Int(countryCount[doc]) where wanted.contains(countryPool[start + offset]) {
                found = true
                break
            }
            if !found { failed |= Bit.country }
        }
        return failed
    }

    /// Counts per facet value over `docs`.
    struct Counts {
        var lines = [Int](repeating: 0, count: 32)
        var goals = [Int](repeating: 0, count: 32)
        var regions = [Int](repeating: 0, count: 64)
        var countries = [Int](repeating: 0, count: 256)
        var years = [Int](repeating: 0, count: 200)
        var statuses = [Int](repeating: 0, count: 8)
        var stakeholders = [Int](repeating: 0, count: 8)
    }

    /// Adds one to the count of every bit set in `mask`.
    @inline(__always)
    static func countBits<Mask: FixedWidthInteger>(_ mask: Mask, into counts: inout [Int]) {
        var mask = mask
        while mask != 0 {
            counts[mask.trailingZeroBitCount] += 1
            mask &= mask - 1
        }
    }

    /// Adds the activity to the counts of the facets in `only` (a set of `Bit`s; all of them by default).
    @inline(__always)
    func count(_ doc: Int, into counts: inout Counts, only: UInt8 = 0x7F) {
        if only & Bit.line != 0 { Self.countBits(lines[doc], into: &counts.lines) }
        if only & Bit.goal != 0 { Self.countBits(goals[doc], into: &counts.goals) }
        if only & Bit.region != 0 { Self.countBits(regions[doc], into: &counts.regions) }
        if only & Bit.country != 0 {
            let start = Int(countryStart[doc])
            for offset in 0..<Int(countryCount[doc]) { counts.countries[Int(countryPool[start + offset])] += 1 }
        }
        if only & Bit.year != 0 {
            let year = Int(years[doc])
            if year >= 1900 && year < 2100 { counts.years[year - 1900] += 1 }
        }
        if only & Bit.status != 0 { counts.statuses[Int(statuses[doc])] += 1 }
        if only & Bit.stakeholder != 0 { counts.stakeholders[Int(stakeholders[doc])] += 1 }
    }

    /// The counts as facet values, largest first (ties by code), zeros left out.
    func facets(_ counts: Counts) -> [Facet: [ActivitySearchPage.FacetValue]] {
        func values(_ pairs: [(String, Int)]) -> [ActivitySearchPage.FacetValue] {
            let present: [(String, Int)] = pairs.filter { $0.1 > 0 }
            let sorted = present.sorted { (left: (String, Int), right: (String, Int)) -> Bool in
                left.1 != right.1 ? left.1 > right.1 : left.0 < right.0
            }
            return sorted.map { ActivitySearchPage.FacetValue(value: $0.0, count: $0.1) }
        }
        var result: [Facet: [ActivitySearchPage.FacetValue]] = [:]
        result[.actionLine] = values(lineCodes.enumerated().map { ($1, counts.lines[$0]) })
        result[.sdg] = values((1...17).map { (String($0), counts.goals[$0 - 1]) })
        result[.region] = values(regionCodes.enumerated().map { ($1, counts.regions[$0]) })
        result[.country] = values(countryCodes.enumerated().map { ($1, counts.countries[$0]) })
        result[.year] = values((0..<200).map { (String(1900 + $0), counts.years[$0]) })
        result[.status] = values(Self.statuses.enumerated().map { ($1, counts.statuses[$0 + 1]) })
        result[.stakeholderType] = values(Self.stakeholders.enumerated().map { ($1, counts.stakeholders[$0 + 1]) })
        return result
    }

    /// Published activities per Action Line and goal ("C4|4"), for the matrix heat map.
    func cooccurrence() -> [String: Int] {
        var cells = [Int](repeating: 0, count: 32 * 32)
        for doc in 1..<present.count where present[doc] {
            var lineMask = lines[doc]
            while lineMask != 0 {
                let line = lineMask.trailingZeroBitCount
                var goalMask = goals[doc]
                while goalMask != 0 {
                    cells[line * 32 + goalMask.trailingZeroBitCount] += 1
                    goalMask &= goalMask - 1
                }
                lineMask &= lineMask - 1
            }
        }
        var result: [String: Int] = [:]
        for (line, code) in lineCodes.enumerated() {
            for goal in 0..<17 where cells[line * 32 + goal] > 0 { result["\(code)|\(goal + 1)"] = cells[line * 32 + goal] }
        }
        return result
    }

    var upperBound: Int { present.count }
}

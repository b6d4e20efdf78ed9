import Foundation

/// The words extraction looks for in French, Spanish and Russian texts, mapped to the same values
/// as the English ones: months, "annually", the conferences that adopt resolutions, and the
/// names of the cities where ITU conferences met (so that a version reads `rev-bucharest-2022`
/// in every language).
enum Vocabulary {
    /// Month names (and the Russian genitive forms dates use), to month numbers.
    static let months: [String: Int] = {
        var table: [String: Int] = [:]
        let lists = [
            ["january", "february", "march", "april", "may", "june", "july", "august", "september", "october", "november", "december"],
            ["janvier", "février", "mars", "avril", "mai", "juin", "juillet", "août", "septembre", "octobre", "novembre", "décembre"],
            ["enero", "febrero", "marzo", "abril", "mayo", "junio", "julio", "agosto", "septiembre", "octubre", "noviembre", "diciembre"],
            ["январь", "февраль", "март", "апрель", "май", "июнь", "июль", "август", "сентябрь", "октябрь", "ноябрь", "декабрь"],
            ["января", "февраля", "марта", "апреля", "мая", "июня", "июля", "августа", "сентября", "октября", "ноября", "декабря"],
        ]
        for list in lists { for (index, name) in list.enumerated() { table[name] = index + 1 } }
        return table
    }()

    static let recurrences: [String: String] = [
        "annually": "annually", "chaque année": "annually", "annuellement": "annually", "tous les ans": "annually",
        "anualmente": "annually", "cada año": "annually", "todos los años": "annually", "ежегодно": "annually",
        "regularly": "regularly", "régulièrement": "regularly", "periódicamente": "periodically", "regularmente": "regularly",
        "регулярно": "regularly",
    ]

    /// City names in the four languages, to the English slug used in versions and the venue table.
    static let cities: [String: String] = [
        "bucharest": "bucharest", "bucarest": "bucharest", "бухарест": "bucharest",
        "kigali": "kigali", "кигали": "kigali",
        "new delhi": "new delhi", "nueva delhi": "new delhi", "nouvelle-delhi": "new delhi", "нью-дели": "new delhi",
        "dubai": "dubai", "dubaï": "dubai", "dubái": "dubai", "дубай": "dubai",
        "busan": "busan", "пусан": "busan", "guadalajara": "guadalajara", "гвадалахара": "guadalajara",
        "antalya": "antalya", "анталья": "antalya", "marrakesh": "marrakesh", "marrakech": "marrakesh", "марракеш": "marrakesh",
        "minneapolis": "minneapolis", "миннеаполис": "minneapolis", "kyoto": "kyoto", "киото": "kyoto",
        "doha": "doha", "доха": "doha", "hammamet": "hammamet", "хаммамет": "hammamet",
        "johannesburg": "johannesburg", "johannesburgo": "johannesburg", "йоханнесбург": "johannesburg",
        "geneva": "geneva", "genève": "geneva", "ginebra": "geneva", "женева": "geneva",
        "hyderabad": "hyderabad", "хайдарабад": "hyderabad", "buenos aires": "buenos aires", "буэнос-айрес": "buenos aires",
        "istanbul": "istanbul", "estambul": "istanbul", "стамбул": "istanbul",
        "valletta": "valletta", "la valette": "valletta", "валлетта": "valletta", "helsinki": "helsinki", "хельсинки": "helsinki",
        "montreal": "montreal", "montréal": "montreal", "монреаль": "montreal", "florianópolis": "florianópolis", "флорианополис": "florianópolis",
    ]

    /// What follows a resolution's number to say which conference adopted it.
    static let conferences: [(String, Citation.Kind)] = [
        ("de la conférence de plénipotentiaires", .ituPlenipotentiary), ("du conseil", .ituCouncil),
        ("de la conférence mondiale de développement des télécommunications", .ituWTDC),
        ("de l'assemblée mondiale de normalisation des télécommunications", .ituWTSA),
        ("de la conférence mondiale des radiocommunications", .ituWRC),
        ("de la conferencia de plenipotenciarios", .ituPlenipotentiary), ("del consejo", .ituCouncil),
        ("de la conferencia mundial de desarrollo de las telecomunicaciones", .ituWTDC),
        ("de la asamblea mundial de normalización de las telecomunicaciones", .ituWTSA),
        ("de la conferencia mundial de radiocomunicaciones", .ituWRC),
        ("полномочной конференции", .ituPlenipotentiary), ("совета", .ituCouncil),
        ("всемирной конференции по развитию электросвязи", .ituWTDC),
        ("всемирной ассамблеи по стандартизации электросвязи", .ituWTSA), ("всемирной конференции радиосвязи", .ituWRC),
    ]

    /// Words that name a resolution at the start of a citation, in every language.
    static let resolutionWords = ["Resolution", "resolution", "RESOLUTION", "Résolution", "résolution", "Resolución", "resolución",
                                  "Резолюци", "резолюци"]

    /// A version written in any of the languages, in its English form: "(Rév. Bucarest, 2022)" and
    /// "(Пересм. Бухарест, 2022 г.)" → `rev-bucharest-2022`; "(modifiée en 2016)" → `modified-2016`.
    static func version(_ text: String) -> (version: String, kind: Citation.Kind?)? {
        let lower = text.lowercased()
        let year = lower.firstMatch(of: yearPattern).map { String($0.1) }
        if lower.contains("modif") || lower.contains("изменени"), let year { return ("modified-\(year)", .ituCouncil) }
        let revised = lower.hasPrefix("rev") || lower.hasPrefix("rév") || lower.hasPrefix("пересм")
        for (name, city) in cities where lower.contains(name) {
            guard let year else { continue }
            let slug = city.replacingOccurrences(of: " ", with: "-")
            return ((revised ? "rev-" : "") + "\(slug)-\(year)", CitationExtractor.venues["\(city) \(year)"])
        }
        return nil
    }

    nonisolated(unsafe) static let yearPattern = /((?:19|20)\d{2})/
}

import Foundation

/// The seeded calendar as checked in December 2026 (issue 12): the internal source tags ([S], [K])
/// taken out of the public source text (their meaning stays in the seed file's `provenance`
/// column), and the dates found wrong or missing against ITU and UN pages set right. Each change
/// is (milestone, column, value seeded before, value after; nil for none); `confirmed` is 1 or 0.
/// Migration 12 applies a change only to a milestone the secretariat has not edited since it was
/// seeded (version 1) and that still holds the value seeded before.
enum CalendarCorrections {
    static let changes: [(key: String, column: String, before: String?, after: String?)] = [
        ("unga-res-56-183", "source", "[S] itu.int stocktaking WSIS–GDC page", "itu.int stocktaking WSIS–GDC page"),
        ("wsis-geneva-2003", "source", "[S] itu.int stocktaking WSIS–GDC page", "itu.int stocktaking WSIS–GDC page"),
        ("wsis-tunis-2005", "source", "[S] itu.int stocktaking WSIS–GDC page", "itu.int stocktaking WSIS–GDC page"),
        ("wsis10-high-level-event-2014", "source", "[S]", nil),
        ("unga-hlm-wsis10-2015", "start_date", "2015-12-14", "2015-12-15"),
        ("unga-hlm-wsis10-2015", "source", "[S]", "UN pages (14 December held side events)"),
        ("pp-2022", "source", "[K] dates", nil),
        ("council-2023", "source", "[S] ITU Council 2023 snapshot", "ITU Council 2023 snapshot"),
        ("sdg-summit-2023", "source", "[K]", nil),
        ("wsis20-forum-ocp-2024", "source", "[S]", nil),
        ("cstd-2024", "source", "[S] mandate; [K] dates", nil),
        ("wsis20-high-level-event-2024", "source", "[S]", nil),
        ("summit-of-the-future-2024", "source", "[S]", nil),
        ("cwg-wsis-sdg-2024-10", "source", "[S] itu.int/en/council/cwg-wsis", "itu.int/en/council/cwg-wsis"),
        ("unga-modalities-2025", "source", "[S]", nil),
        ("cstd-2025", "source", "[S] mandate; [K] dates", nil),
        ("wsis20-prep-1-2025", "source", "[S]", nil),
        ("wsis20-consultations-2025-06", "source", "[S]", nil),
        ("wsis20-elements-paper-2025", "source", "[S]", nil),
        ("igf-2025", "source", "[S]", nil),
        ("wsis20-high-level-event-2025", "end_date", "2025-07-10", "2025-07-11"),
        ("wsis20-high-level-event-2025", "source", "[S]", "itu.int"),
        ("ecosoc-2025", "source", "[S]", nil),
        ("wsis20-zero-draft-2025", "source", "[S] two sources differ by a day", "two sources differ by a day"),
        ("wsis20-zero-draft-comments-2025", "source", "[S]", nil),
        ("wsis20-consultations-2025-10", "source", "[S]", nil),
        ("wsis20-hlm-registration-2025", "source", "[S]", nil),
        ("unga-hlm-wsis20-2025", "source", "[S]", nil),
        ("pp-2026", "start_date", "2026", "2026-11-09"),
        ("pp-2026", "end_date", nil, "2026-11-27"),
        ("pp-2026", "confirmed", "0", "1"),
        ("pp-2026", "source", "[S] mandate; [K] venue", "itu.int"),
        ("cstd-2027", "source", "[S]", nil),
        ("council-2026", "start_date", "2026", "2026-04-28"),
        ("council-2026", "end_date", nil, "2026-05-08"),
        ("council-2026", "confirmed", "0", "1"),
        ("council-2026", "source", "named in C23/85 (instructs the CWG-WSIS&SDG, 5); its dates are not in the notes", "itu.int; named in C23/85 (instructs the CWG-WSIS&SDG, 5)"),
        ("cwg-wsis-sdg-2026-winter", "title", "CWG-WSIS&SDG, 2026 winter session", "CWG-WSIS&SDG, 2026 winter session (the Council Working Groups' January 2026 meetings)"),
        ("cwg-wsis-sdg-2026-winter", "start_date", "2026", "2026-01-13"),
        ("cwg-wsis-sdg-2026-winter", "end_date", nil, "2026-01-23"),
        ("cwg-wsis-sdg-2026-winter", "confirmed", "0", "1"),
        ("cwg-wsis-sdg-2026-winter", "source", "named in C23/85 (instructs the CWG-WSIS&SDG, 4 iv); its dates are not in the notes", "itu.int (the Council Working Groups' January 2026 meetings); named in C23/85 (instructs the CWG-WSIS&SDG, 4 iv)"),
    ]
}

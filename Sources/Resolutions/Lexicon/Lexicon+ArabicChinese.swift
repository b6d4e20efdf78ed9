/// The Arabic and Chinese phrase lexicons.
///
/// Compiled from UN and ITU editorial usage: the phrases the UN lists as the usual openings of
/// preambular and operative paragraphs in Arabic and Chinese texts, and our own reading of how
/// ITU Council, Plenipotentiary Conference and WTDC resolutions are worded in those languages.
/// Only phrases are taken from these sources; the equivalences with the English concepts are by
/// meaning, as for the other lexicons.
///
/// Arabic:
/// * Keys are written without tashkeel (يذكر, not يذكّر) and with hamza as normally written
///   (إذ, أيضا, تؤكد). The matcher folds diacritics before it compares.
/// * Preambular phrases are listed without the conjunction و: `إذ يذكر` stands for `وإذ يذكر`
///   too, and `اقتناعا منها` for `واقتناعا منها`. The matcher accepts the leading و.
/// * Verbs come in the masculine, for the bodies whose names are masculine (المجلس, المؤتمر,
///   مؤتمر المندوبين المفوضين), and in the feminine, for الجمعية العامة and the other assemblies.
/// * A verb that takes a preposition is listed with it (`تطلب إلى`) and without it (`تطلب`), so
///   that a modifier placed between them, as in `تطلب أيضا إلى`, still leaves the verb found.
///   The preposition ب is written joined to the next word (`تهيب بالدول`), so it is never part
///   of a key.
/// * Modifiers follow the verb (`تطلب أيضا`, `تلاحظ مع القلق`). Arabic puts no adverb before the
///   verb, so the adverb list is empty.
///
/// Chinese:
/// * Words are not separated by spaces, so a phrase is followed directly by its addressee or
///   its text (`责成秘书长`, `请各成员国`).
/// * The same verb opens preambular and operative paragraphs (欢迎, 重申, 强调, 注意到); such a
///   verb is listed in both dictionaries, and the parser prefers the operative reading in a
///   numbered operative paragraph.
/// * Adverbs stand before the verb (`又忆及`, `还请`, `进一步注意到`). Modifiers after the verb
///   are rare; where the usual text has one before the verb (`关切地注意到`), the whole is a key.
/// * `请` is ITU's rendering of "invites" (`请各成员国`) and is mapped to `invites`; the UN
///   General Assembly uses it for "requests" (`请秘书长`), and `邀请` for "invites".
extension Lexicon {
    static let arabic = Lexicon(
        language: .arabic,
        preambular: [
            // recalling
            "إذ يذكر": "recalling", "إذ تذكر": "recalling",
            "إذ يشير إلى": "recalling", "إذ تشير إلى": "recalling", "إذ يشير": "recalling", "إذ تشير": "recalling",
            // considering, taking into account, bearing in mind
            "إذ يضع في اعتباره": "considering", "إذ تضع في اعتبارها": "considering",
            "إذ يرى": "considering", "إذ ترى": "considering",
            "إذ يأخذ في الاعتبار": "taking-into-account", "إذ تأخذ في الاعتبار": "taking-into-account",
            "إذ يأخذ في اعتباره": "taking-into-account", "إذ تأخذ في اعتبارها": "taking-into-account",
            "إذ يضع في حسبانه": "bearing-in-mind", "إذ تضع في حسبانها": "bearing-in-mind",
            // noting, taking note
            "إذ يلاحظ": "noting", "إذ تلاحظ": "noting",
            "إذ يحيط علما": "taking-note", "إذ تحيط علما": "taking-note",
            // recognizing, acknowledging, aware, mindful
            "إذ يعترف": "recognizing", "إذ تعترف": "recognizing", "إذ يسلم": "recognizing", "إذ تسلم": "recognizing",
            "إذ يقر": "acknowledging", "إذ تقر": "acknowledging",
            "إذ يدرك": "aware", "إذ تدرك": "aware",
            "إذ يعي": "mindful", "إذ تعي": "mindful",
            // reaffirming, emphasizing, stressing
            "إذ يؤكد من جديد": "reaffirming", "إذ تؤكد من جديد": "reaffirming",
            "إذ يؤكد مجددا": "reaffirming", "إذ تؤكد مجددا": "reaffirming",
            "إذ يعيد تأكيد": "reaffirming", "إذ تعيد تأكيد": "reaffirming",
            "إذ يؤكد": "emphasizing", "إذ تؤكد": "emphasizing",
            "إذ يشدد على": "stressing", "إذ تشدد على": "stressing",
            // welcoming, appreciating, guided by, expressing
            "إذ يرحب": "welcoming", "إذ ترحب": "welcoming",
            "إذ يقدر": "appreciating", "إذ تقدر": "appreciating",
            "إذ يسترشد": "guided-by", "إذ تسترشد": "guided-by",
            "إذ يعرب عن": "expressing", "إذ تعرب عن": "expressing",
            // convinced, concerned, determined
            "اقتناعا منه": "convinced", "اقتناعا منها": "convinced",
            "إذ يساوره القلق": "concerned", "إذ يساورها القلق": "concerned",
            "إذ يساوره بالغ القلق": "deeply-concerned", "إذ يساورها بالغ القلق": "deeply-concerned",
            "إذ يساوره قلق بالغ": "deeply-concerned", "إذ يساورها قلق بالغ": "deeply-concerned",
            "تصميما منه": "determined", "تصميما منها": "determined",
            // having examined
            "قد نظر في": "having-examined", "قد نظرت في": "having-examined",
            "قد درس": "having-examined", "قد درست": "having-examined",
        ],
        operative: [
            "يقرر": "resolves", "تقرر": "resolves", "يعقد العزم": "resolves", "تعقد العزم": "resolves",
            "يكلف": "instructs", "تكلف": "instructs",
            "يطلب إلى": "requests", "تطلب إلى": "requests", "يطلب من": "requests", "تطلب من": "requests",
            "يطلب": "requests", "تطلب": "requests", "يرجو": "requests", "ترجو": "requests",
            "يدعو": "invites", "تدعو": "invites", "يدعو إلى": "calls-for", "تدعو إلى": "calls-for",
            "يشجع": "encourages", "تشجع": "encourages",
            "يحث": "urges", "تحث": "urges",
            "يهيب": "calls-upon", "تهيب": "calls-upon",
            "يناشد": "appeals", "تناشد": "appeals",
            "يوصي": "recommends", "توصي": "recommends",
            "يوافق على": "approves", "توافق على": "approves", "يوافق": "approves", "توافق": "approves",
            "يؤيد": "endorses", "تؤيد": "endorses",
            "يعتمد": "adopts", "تعتمد": "adopts",
            "يأذن": "authorizes", "تأذن": "authorizes",
            "يحيط علما": "takes-note", "تحيط علما": "takes-note",
            "يلاحظ": "notes", "تلاحظ": "notes",
            "يرحب": "welcomes", "ترحب": "welcomes",
            "يؤكد من جديد": "reaffirms", "تؤكد من جديد": "reaffirms", "يؤكد مجددا": "reaffirms", "تؤكد مجددا": "reaffirms",
            "يعيد تأكيد": "reaffirms", "تعيد تأكيد": "reaffirms",
            "يؤكد": "emphasizes", "تؤكد": "emphasizes",
            "يشدد على": "stresses", "تشدد على": "stresses", "يشدد": "stresses", "تشدد": "stresses",
            "يقر": "acknowledges", "تقر": "acknowledges",
            "يسلم": "recognizes", "تسلم": "recognizes", "يعترف": "recognizes", "تعترف": "recognizes",
            "يعرب عن": "expresses", "تعرب عن": "expresses", "يعرب": "expresses", "تعرب": "expresses",
            "يدعم": "supports", "تدعم": "supports",
            "يثني على": "commends", "تثني على": "commends",
            "يعلن": "declares", "تعلن": "declares",
            "يكرر": "reiterates", "تكرر": "reiterates",
            "يشير إلى": "recalls", "تشير إلى": "recalls",
            "يدين": "condemns", "تدين": "condemns",
            // Declarations speak in the first person plural: "نحن … 1. نلتزم …".
            "نلتزم": "commits", "نقرر": "decides", "نعقد العزم": "resolves", "نؤكد من جديد": "reaffirms",
            "نسلم": "recognizes", "نهيب": "calls-upon", "نطلب إلى": "requests", "ندعو": "invites",
            "نتعهد": "pledges", "نرحب": "welcomes",
        ],
        modifiers: ["أيضا", "كذلك", "مرة أخرى", "مع التقدير", "مع الارتياح", "مع القلق", "مع بالغ القلق",
                    "مع الأسف", "بتقدير", "بارتياح", "بقلق", "بقلق بالغ"],
        adverbs: [],
        formulaOpenings: [
            "إن المجلس", "إن الجمعية العامة", "إن مؤتمر المندوبين المفوضين", "إن المؤتمر العالمي",
            "إن مجلس الأمن", "إن المجلس الاقتصادي والاجتماعي", "إن مجلس حقوق الإنسان",
            "إن الجمعية العالمية لتقييس الاتصالات", "إن جمعية الاتصالات الراديوية",
            "المجلس", "الجمعية العامة", "مؤتمر المندوبين المفوضين", "المؤتمر العالمي",
            "مجلس الأمن", "المجلس الاقتصادي والاجتماعي", "مجلس حقوق الإنسان",
            "الجمعية العالمية لتقييس الاتصالات", "جمعية الاتصالات الراديوية",
        ],
        declarationOpenings: ["نحن"]
    )

    static let chinese = Lexicon(
        language: .chinese,
        preambular: [
            "忆及": "recalling", "回顾": "recalling",
            "考虑到": "considering", "鉴于": "considering",
            "顾及": "taking-into-account", "计及": "taking-into-account",
            "铭记": "bearing-in-mind", "念及": "mindful", "意识到": "aware",
            "参照": "having-regard-to",
            "注意到": "noting", "关切地注意到": "noting", "严重关切地注意到": "noting", "满意地注意到": "noting",
            "赞赏地注意到": "noting", "遗憾地注意到": "noting",
            "认识到": "recognizing", "确认": "recognizing", "承认": "acknowledging",
            "经审议": "having-examined", "审议了": "having-examined", "审查了": "having-examined",
            "深信": "convinced", "确信": "convinced", "相信": "believing",
            "关切": "concerned", "关注": "concerned", "深为关切": "deeply-concerned", "深表关切": "deeply-concerned",
            "严重关切": "gravely-concerned",
            "重申": "reaffirming", "申明": "affirming",
            "欢迎": "welcoming", "赞赏": "appreciating",
            "遵循": "guided-by",
            "强调": "emphasizing", "强调指出": "stressing", "着重指出": "stressing",
            "表示": "expressing",
            "决心": "determined", "希望": "desiring",
        ],
        operative: [
            "做出决议": "resolves", "作出决议": "resolves", "决定": "decides",
            "责成": "instructs", "指示": "instructs",
            "请": "invites", "邀请": "invites", "请求": "requests", "要求": "requests",
            "鼓励": "encourages", "敦促": "urges", "促请": "urges",
            "吁请": "calls-upon", "呼吁": "calls-upon",
            "建议": "recommends",
            "核准": "approves", "批准": "approves",
            "赞同": "endorses", "认可": "endorses",
            "通过": "adopts",
            "表示注意到": "takes-note",
            "授权": "authorizes",
            "支持": "supports",
            "赞扬": "commends", "称赞": "commends",
            "宣布": "declares", "宣告": "proclaims",
            "同意": "agrees", "商定": "agrees",
            "谴责": "condemns", "提醒": "reminds",
            // The same words as preambular phrases, read as operative verbs in numbered paragraphs.
            "注意到": "takes-note", "欢迎": "welcomes", "重申": "reaffirms", "强调": "stresses", "确认": "recognizes",
            "认识到": "recognizes", "申明": "affirms", "表示": "expresses", "着重指出": "underscores", "强调指出": "stresses",
            "承认": "acknowledges", "赞赏": "appreciates", "关切地注意到": "notes", "满意地注意到": "notes",
            // Declarations: "我们 … 1. 承诺 …".
            "承诺": "commits", "保证": "pledges",
        ],
        modifiers: [],
        adverbs: ["又", "还", "也", "并", "进一步", "再次", "大力", "强烈"],
        formulaOpenings: [
            "理事会", "大会", "全权代表大会", "世界电信发展大会", "世界无线电通信大会", "世界电信标准化全会",
            "无线电通信全会", "安全理事会", "经济及社会理事会", "人权理事会", "国际电信联盟全权代表大会",
        ],
        declarationOpenings: ["我们"]
    )
}

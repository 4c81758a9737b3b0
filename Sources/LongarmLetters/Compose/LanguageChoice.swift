import LongarmCore

/// Which languages a letter is written in: local first, English after when the rules advise both.
enum LanguageChoice {
    /// Maps rule codes to the phrasebook that serves them (`pt` → `pt-BR`).
    static func normalize(_ code: String) -> String {
        switch code.lowercased() {
        case "pt", "pt-br": "pt-BR"
        case "zh", "zh-cn", "zh-hans": "zh-Hans"
        case "zh-tw", "zh-hk", "zh-hant": "zh-Hant"
        default: code
        }
    }

    /// The languages to render, most important first.
    static func languages(
        rungLanguages: [String],
        bilingual: Bool,
        forced: String?,
        available: Set<String>
    ) -> (languages: [String], note: String?) {
        if let forced {
            let code = normalize(forced)
            return available.contains(code) ? ([code], nil) : (["en"], "no phrasebook for \(forced); English used")
        }
        let wanted = rungLanguages.map(normalize)
        guard let local = wanted.first, local != "en" else { return (["en"], nil) }
        guard available.contains(local) else {
            return (["en"], "the rules ask for \(local), which has no phrasebook yet; English used")
        }
        if bilingual || wanted.contains("en") { return ([local, "en"], nil) }
        return ([local], nil)
    }

    /// The holder's language for the cover summary, from the particulars or the holder's country.
    static func holderLanguage(_ caseFile: CaseFile) -> String {
        if let language = caseFile.particulars.language { return normalize(language) }
        switch caseFile.holderCountry?.rawValue {
        case "CN", "SG": return "zh-Hans"
        case "TW", "HK", "MO": return "zh-Hant"
        case "JP": return "ja"
        case "KR": return "ko"
        case "DE", "AT", "CH": return "de"
        case "FR", "BE", "LU": return "fr"
        case "RU", "BY", "KZ": return "ru"
        case "BR", "PT": return "pt-BR"
        case "VN": return "vi"
        case "TH": return "th"
        case "ID": return "id"
        case "TR": return "tr"
        case "UA": return "uk"
        default: return "en"
        }
    }
}

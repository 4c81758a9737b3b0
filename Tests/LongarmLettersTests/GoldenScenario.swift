import Foundation
import LongarmCore
import LongarmLetters

/// One regime and language combination rendered to a golden file.
struct GoldenScenario: Sendable, CustomStringConvertible {
    var name: String
    var kind: InfringementKind
    var country: String
    var regime: String
    var languages: [String]
    var elements: [String]
    var bases: [LegalBasis]
    var withEvidence: Bool = false
    var channel: NoticeChannel = NoticeChannel(kind: .email, address: "abuse@hosting.example", confidence: .known)

    var description: String { name }

    static let dmcaElements = [
        "signature", "identify-work", "identify-material-url", "contact", "postal-address", "good-faith-statement",
        "accuracy-under-penalty", "authority-statement",
    ]
    static let dsaElements = [
        "explanation-of-illegality", "identify-material-url", "contact", "good-faith-statement", "accuracy-statement",
    ]
    static let basic = ["identify-material-url", "explanation-of-illegality", "contact", "requested-action"]

    static func basis(_ instrument: String, _ article: String, _ confidence: Confidence = .known) -> LegalBasis {
        LegalBasis(instrument: instrument, article: article, note: "the provision relied on", confidence: confidence)
    }

    static let dsa = basis("Regulation (EU) 2022/2065 (Digital Services Act)", "Art. 16")

    static let all: [GoldenScenario] = [
        GoldenScenario(
            name: "us-dmca-en",
            kind: .copyright,
            country: "US",
            regime: "statutory-takedown",
            languages: ["en"],
            elements: dmcaElements,
            bases: [basis("17 U.S.C.", "§ 512(c)(3)(A)(i)-(vi)", .verified)]
        ),
        GoldenScenario(
            name: "de-dsa-de",
            kind: .copyright,
            country: "DE",
            regime: "statutory-takedown",
            languages: ["de", "en"],
            elements: dsaElements,
            bases: [basis("UrhG", "§ 97"), dsa]
        ),
        GoldenScenario(
            name: "fr-dsa-fr",
            kind: .portrait,
            country: "FR",
            regime: "statutory-takedown",
            languages: ["fr", "en"],
            elements: dsaElements + ["non-consent-statement"],
            bases: [basis("Code civil", "art. 9"), dsa]
        ),
        GoldenScenario(
            name: "ca-notice-and-notice-en",
            kind: .copyright,
            country: "CA",
            regime: "notice-and-notice",
            languages: ["en", "fr"],
            elements: [
                "identify-work", "identify-material-url", "infringement-datetime", "no-settlement-demand", "contact",
            ],
            bases: [basis("Copyright Act (R.S.C. 1985, c. C-42)", "s. 41.26")],
            withEvidence: true
        ),
        GoldenScenario(
            name: "gb-defamation-en",
            kind: .reputation,
            country: "GB",
            regime: "statutory-takedown",
            languages: ["en"],
            elements: [
                "contact", "meaning-and-inaccuracy", "identify-material-url", "disclosure-consent",
                "poster-unidentified-statement",
            ],
            bases: [basis("Defamation (Operators of Websites) Regulations 2013", "reg. 2")]
        ),
        GoldenScenario(
            name: "cn-statutory-zh-Hans",
            kind: .copyright,
            country: "CN",
            regime: "statutory-takedown",
            languages: ["zh-Hans"],
            elements: ["real-identity", "preliminary-evidence", "identify-material-url", "contact", "postal-address"],
            bases: [basis("中华人民共和国民法典", "第一千一百九十五条")],
            withEvidence: true
        ),
        GoldenScenario(
            name: "tw-statutory-zh-Hant",
            kind: .copyright,
            country: "TW",
            regime: "statutory-takedown",
            languages: ["zh-Hant"],
            elements: ["seal", "liability-statement", "identify-material-url", "contact"],
            bases: [basis("著作權法", "第90條之4", .uncertain)]
        ),
        GoldenScenario(
            name: "hk-knowledge-zh-Hant-en",
            kind: .reputation,
            country: "HK",
            regime: "knowledge-based",
            languages: ["zh-Hant", "en"],
            elements: basic,
            bases: [basis("Defamation Ordinance (Cap. 21)", "s. 25")]
        ),
        GoldenScenario(
            name: "jp-knowledge-ja",
            kind: .portrait,
            country: "JP",
            regime: "knowledge-based",
            languages: ["ja"],
            elements: basic + ["real-identity", "seal"],
            bases: [basis("情報流通プラットフォーム対処法", "第3条")]
        ),
        GoldenScenario(
            name: "kr-statutory-ko",
            kind: .copyright,
            country: "KR",
            regime: "statutory-takedown",
            languages: ["ko"],
            elements: basic + ["proof-of-rights"],
            bases: [basis("저작권법", "제103조")]
        ),
        GoldenScenario(
            name: "ru-statutory-ru",
            kind: .copyright,
            country: "RU",
            regime: "statutory-takedown",
            languages: ["ru"],
            elements: basic + ["real-identity", "personal-data-consent"],
            bases: [basis("Федеральный закон № 149-ФЗ", "ст. 15.7")]
        ),
        GoldenScenario(
            name: "br-court-pt-BR",
            kind: .reputation,
            country: "BR",
            regime: "court-order",
            languages: ["pt"],
            elements: basic,
            bases: [basis("Lei 12.965/2014 (Marco Civil da Internet)", "art. 19")]
        ),
        GoldenScenario(
            name: "vn-statutory-vi",
            kind: .copyright,
            country: "VN",
            regime: "statutory-takedown",
            languages: ["vi"],
            elements: basic + ["proof-of-rights"],
            bases: [basis("Luật Sở hữu trí tuệ", "Điều 198b")]
        ),
        GoldenScenario(
            name: "th-statutory-th-en",
            kind: .copyright,
            country: "TH",
            regime: "statutory-takedown",
            languages: ["th", "en"],
            elements: basic + ["good-faith-statement", "liability-statement"],
            bases: [basis("พระราชบัญญัติลิขสิทธิ์", "มาตรา 43/1")]
        ),
        GoldenScenario(
            name: "id-regulator-id",
            kind: .copyright,
            country: "ID",
            regime: "regulator",
            languages: ["id"],
            elements: basic,
            bases: [basis("UU No. 28 Tahun 2014 tentang Hak Cipta", "Pasal 55")]
        ),
        GoldenScenario(
            name: "tr-statutory-tr",
            kind: .copyright,
            country: "TR",
            regime: "statutory-takedown",
            languages: ["tr"],
            elements: basic,
            bases: [basis("5846 sayılı FSEK", "Ek Madde 4")]
        ),
        GoldenScenario(
            name: "ua-statutory-uk",
            kind: .copyright,
            country: "UA",
            regime: "statutory-takedown",
            languages: ["uk"],
            elements: basic + ["lawyer-representation", "signature"],
            bases: [basis("Закон України № 2811-IX", "ст. 56")]
        ),
        GoldenScenario(
            name: "sg-statutory-en",
            kind: .copyright,
            country: "SG",
            regime: "statutory-takedown",
            languages: ["en"],
            elements: basic + ["address-for-service", "good-faith-statement", "accuracy-statement", "signature"],
            bases: [basis("Copyright Act 2021", "s. 318")]
        ),
        GoldenScenario(
            name: "us-tos-form-en",
            kind: .portrait,
            country: "US",
            regime: "terms-of-service",
            languages: ["en"],
            elements: basic,
            bases: [basis("47 U.S.C.", "§ 230(c)(1)")],
            channel: NoticeChannel(kind: .webForm, address: "https://host.example/report", confidence: .uncertain)
        ),
    ]

    func plannedTarget() -> PlannedTarget {
        let url = "https://films.example.net/watch/lantern"
        let plan = LetterFixtures.plan(
            url: url,
            kind: kind,
            country: country,
            regime: regime,
            languages: languages,
            elements: elements,
            bases: bases,
            channel: channel
        )
        return PlannedTarget(target: LetterFixtures.target(1, url), plan: plan, planID: 1)
    }
}

import Foundation

// Lenient mirrors of the data files: every field optional and every enumerated value a string, so that one pass
// can report every problem of a file instead of stopping at the first decoding error.

struct RawSource: Decodable {
    var title: String?
    var url: String?
}

struct RawBasis: Decodable {
    var instrument: String?
    var article: String?
    var note: String?
    var confidence: String?
}

struct RawDeadline: Decodable {
    var duration: String?
    var text: String?
    var confidence: String?
}

struct RawFastLane: Decodable {
    var name: String?
    var scope: String?
    var deadline: RawDeadline?
    var legalBasis: [RawBasis]?
    var confidence: String?
}

struct RawRule: Decodable {
    var regime: String?
    var legalBasis: [RawBasis]?
    var elements: [String]?
    var deadline: RawDeadline?
    var counterNotice: String?
    var falseNotice: String?
    var fastLanes: [RawFastLane]?
    var languages: [String]?
    var confidence: String?
    var sources: [RawSource]?
    var notes: String?
}

struct RawLetterAdvice: Decodable {
    var languages: [String]?
    var bilingual: Bool?
    var advice: String?
}

struct RawCrossBorder: Decodable {
    var hagueService: String?
    var prcJudgments: String?
    var note: String?
    var confidence: String?
}

struct RawJurisdiction: Decodable {
    var code: String?
    var name: String?
    var officialLanguages: [String]?
    var letter: RawLetterAdvice?
    var crossBorder: RawCrossBorder?
    var members: [String]?
    var extraterritorial: [RawBasis]?
    var sources: [RawSource]?
    var notes: String?
    var kinds: [String: RawRule]?
}

struct RawElement: Decodable {
    var id: String?
    var description: String?
    var satisfiedBy: String?
    var askHolder: String?
    var holderNote: String?
}

struct RawElementsFile: Decodable {
    var elements: [RawElement]?
}

struct RawRoleRule: Decodable {
    var escalation: String?
    var legalBasis: [RawBasis]?
    var elements: [String]?
    var note: String?
    var confidence: String?
}

struct RawRolesFile: Decodable {
    var roles: [String: RawRoleRule]?
}

struct RawRecognition: Decodable {
    var asns: [Int]?
    var rdapOrgPatterns: [String]?
    var ianaRegistrarIds: [String]?
    var cnameSuffixes: [String]?
    var domains: [String]?
    var names: [String]?
    var confidence: String?
}

struct RawChannel: Decodable {
    var kind: String?
    var address: String?
    var kinds: [String]?
    var note: String?
    var confidence: String?
}

struct RawForwarding: Decodable {
    var to: [String]?
    var note: String?
}

struct RawLimits: Decodable {
    var urlsPerReport: Int?
    var note: String?
}

struct RawProvider: Decodable {
    var id: String?
    var name: String?
    var roles: [String]?
    var country: String?
    var recognition: RawRecognition?
    var channels: [RawChannel]?
    var forwards: RawForwarding?
    var anonymity: String?
    var limits: RawLimits?
    var checked: String?
    var confidence: String?
    var sources: [RawSource]?
}

import LongarmCore
import LongarmLetters

/// The body of `GET /v1/cases/{id}/letters`: every letter rendered, with its text, and the holder's cover summary.
struct LettersView: Encodable {
    struct Cover: Encodable {
        var language: String
        var text: String
    }

    struct Item: Encodable {
        var rungStep: Int
        var role: String
        var party: String
        var channel: String
        var channelAddress: String?
        var language: String
        var format: String
        var urls: [String]
        var targetIds: [Int64]
        var sha256: String
        var draft: Bool
        var regime: String
        var satisfied: [SatisfiedElement]
        var missing: [MissingElement]
        var content: String

        init(_ letter: Letter) {
            rungStep = letter.rungStep
            role = letter.role.rawValue
            party = letter.party
            channel = letter.channel.rawValue
            channelAddress = letter.channelAddress
            language = letter.language
            format = letter.format.rawValue
            urls = letter.urls
            targetIds = letter.targetIDs
            sha256 = SHA256Hex.of(letter.content)
            draft = letter.draft
            regime = letter.regime
            satisfied = letter.satisfied
            missing = letter.missing
            content = letter.text
        }
    }

    var caseId: Int64
    var cover: Cover
    var letters: [Item]
    var notes: [String]
}

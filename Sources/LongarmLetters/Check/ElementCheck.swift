import Foundation
public import LongarmCore

/// Decides, for each element a rung requires, whether the case fills it and from which field.
public struct ElementCheck: Sendable {
    /// How one element fares.
    public enum Outcome: Sendable, Hashable {
        /// Filled from `source`; `statement` names the phrasebook statement to print, with its value.
        case satisfied(source: String, statement: String?, value: String?)
        /// Not filled: these case fields would fill it.
        case missing(fields: [String])
        /// The element does not apply to this sender (an address for service for a resident).
        case notApplicable(reason: String)
    }

    let caseFile: CaseFile
    let hasEvidence: Bool
    let lawCountry: CountryCode?
    let hasLegalBasis: Bool

    /// Creates a check for one case, rung and evidence state.
    public init(caseFile: CaseFile, hasEvidence: Bool, lawCountry: CountryCode?, hasLegalBasis: Bool) {
        self.caseFile = caseFile
        self.hasEvidence = hasEvidence
        self.lawCountry = lawCountry
        self.hasLegalBasis = hasLegalBasis
    }

    /// The outcome for one element.
    public func outcome(_ element: NoticeElement) -> Outcome {
        let p = caseFile.particulars
        func text(_ value: String?, _ field: String, statement: String? = nil, source: String) -> Outcome {
            guard let value = value?.trimmingCharacters(in: .whitespacesAndNewlines), !value.isEmpty else {
                return .missing(fields: [field])
            }
            return .satisfied(source: source, statement: statement, value: value)
        }
        func template(_ statement: String?) -> Outcome {
            .satisfied(source: "letter.template", statement: statement, value: nil)
        }
        func evidence(_ source: String, statement: String? = nil) -> Outcome {
            hasEvidence ? .satisfied(source: source, statement: statement, value: nil) : .missing(fields: ["evidence"])
        }
        func yes(_ value: Bool?, _ field: String, statement: String, source: String) -> Outcome {
            value == true ? .satisfied(source: source, statement: statement, value: nil) : .missing(fields: [field])
        }
        switch element.rawValue {
        case "identify-work": return text(caseFile.work, "work", source: "case.work")
        case "identify-material-url": return .satisfied(source: "target.canonicalURL", statement: nil, value: nil)
        case "additional-locators": return evidence("evidence.captures")
        case "infringement-datetime": return evidence("evidence.capturedAt")
        case "preliminary-evidence": return evidence("evidence.captures", statement: "preliminary-evidence")
        case "explanation-of-illegality":
            return .satisfied(source: p.facts == nil ? "letter.explanation" : "case.facts", statement: nil, value: nil)
        case "meaning-and-inaccuracy": return text(p.facts, "facts", source: "case.facts")
        case "legal-basis-citation":
            return hasLegalBasis
                ? .satisfied(source: "plan.legalBasis", statement: nil, value: nil) : .missing(fields: ["legal-basis"])
        case "proof-of-rights":
            return text(p.proofOfRights, "proof-of-rights", statement: "proof-of-rights", source: "case.proofOfRights")
        case "real-identity":
            return text(
                p.identityDocuments,
                "identity-documents",
                statement: "real-identity",
                source: "case.identityDocuments"
            )
        case "contact":
            let hasEmail = !(p.senderEmail ?? "").isEmpty
            let hasPhone = !(p.senderPhone ?? "").isEmpty
            guard hasEmail || hasPhone else { return .missing(fields: ["sender-email"]) }
            return .satisfied(source: hasEmail ? "case.senderEmail" : "case.senderPhone", statement: nil, value: nil)
        case "postal-address": return text(p.senderAddress, "sender-address", source: "case.senderAddress")
        case "authority-statement", "accuracy-under-penalty":
            guard let owns = p.ownsWork else { return .missing(fields: ["owns-work"]) }
            let key = element.rawValue == "accuracy-under-penalty" ? "accuracy-under-penalty" : nil
            return .satisfied(
                source: "case.ownsWork",
                statement: key ?? (owns ? "authority-owner" : "authority-agent"),
                value: nil
            )
        case "signature": return text(p.signature, "signature", source: "case.signature")
        case "seal": return text(p.signature, "signature", statement: "seal", source: "case.signature")
        case "good-faith-statement", "accuracy-statement", "liability-statement", "personal-data-consent",
            "no-settlement-demand", "poster-unidentified-statement", "non-consent-statement":
            return template(element.rawValue)
        case "requested-action": return .satisfied(source: "letter.requestedAction", statement: nil, value: nil)
        case "indemnity": return yes(p.indemnity, "indemnity", statement: "indemnity", source: "case.indemnity")
        case "undertaking-to-sue":
            return yes(
                p.undertakingToSue,
                "undertaking-to-sue",
                statement: "undertaking-to-sue",
                source: "case.undertakingToSue"
            )
        case "address-for-service":
            if let lawCountry, caseFile.holderCountry == lawCountry {
                return .notApplicable(reason: "the holder is resident in \(lawCountry.rawValue)")
            }
            return text(
                p.addressForService,
                "address-for-service",
                statement: "address-for-service",
                source: "case.addressForService"
            )
        case "lawyer-representation":
            return text(
                p.representedBy,
                "represented-by",
                statement: "lawyer-representation",
                source: "case.representedBy"
            )
        case "disclosure-consent":
            guard let consent = p.disclosureConsent else { return .missing(fields: ["disclosure-consent"]) }
            return .satisfied(
                source: "case.disclosureConsent",
                statement: consent ? "disclosure-consent-yes" : "disclosure-consent-no",
                value: nil
            )
        default: return .missing(fields: [element.rawValue])
        }
    }

    /// How to supply a missing field, as a command-line fragment.
    public static func option(for field: String) -> String {
        switch field {
        case "evidence": "capture evidence for the URL first"
        case "owns-work", "disclosure-consent": "--\(field) yes|no"
        case "indemnity", "undertaking-to-sue": "--\(field) yes"
        case "legal-basis": "fix the rules data: the rung cites no provision"
        default: "--\(field) …"
        }
    }
}

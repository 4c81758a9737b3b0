import Foundation
import LongarmCore

/// Turns a decoded provider file into a `Provider`, reporting every problem it finds.
struct ProviderConverter {
    func convert(_ raw: RawProvider, fileID: String, issues: inout IssueCollector) -> Provider? {
        let id = issues.require(raw.id, "id", at: "")
        if let id, id != fileID {
            issues.add("id", "\"\(id)\" does not match the file name \(fileID).yaml")
        }
        let name = issues.require(raw.name, "name", at: "")
        var roles: [NoticeRung.Role] = []
        for (index, text) in (issues.require(raw.roles, "roles", at: "") ?? []).enumerated() {
            guard let role = NoticeRung.Role(rawValue: text) else {
                issues.add("roles[\(index)]", "unknown role \"\(text)\"")
                continue
            }
            roles.append(role)
        }
        let country = raw.country.flatMap { issues.country($0, at: "country") }
        let recognition = convertRecognition(raw.recognition, issues: &issues)
        var channels: [Provider.Channel] = []
        for (index, channel) in (issues.require(raw.channels, "channels", at: "") ?? []).enumerated() {
            let here = "channels[\(index)]"
            var kind: NoticeChannel.Kind?
            if let text = issues.require(channel.kind, "kind", at: here) {
                kind = NoticeChannel.Kind(rawValue: text)
                if kind == nil || kind == .unknown {
                    issues.add(
                        "\(here).kind",
                        "unknown channel kind \"\(text)\" (expected email, web-form, api or post)"
                    )
                }
            }
            let address = issues.require(channel.address, "address", at: here)
            var kinds: [InfringementKind] = []
            for (kindIndex, text) in (channel.kinds ?? []).enumerated() {
                if let value = InfringementKind(rawValue: text) {
                    kinds.append(value)
                } else {
                    issues.add("\(here).kinds[\(kindIndex)]", "unknown kind \"\(text)\"")
                }
            }
            let confidence = issues.confidence(channel.confidence, at: here)
            if let kind, kind != .unknown, let address, let confidence {
                channels.append(
                    Provider.Channel(
                        kind: kind,
                        address: address,
                        kinds: kinds,
                        note: channel.note,
                        confidence: confidence
                    )
                )
            }
        }
        let checked = issues.require(raw.checked, "checked", at: "")
        if let checked, !Self.isDate(checked) {
            issues.add("checked", "\"\(checked)\" is not a date (YYYY-MM-DD)")
        }
        let confidence = issues.confidence(raw.confidence, at: "")
        let sources = issues.sources(raw.sources, at: "")
        guard let id, let name, let recognition, let checked, let confidence, !channels.isEmpty else { return nil }
        return Provider(
            id: id,
            name: name,
            roles: roles,
            country: country,
            recognition: recognition,
            channels: channels,
            forwards: raw.forwards.map { Provider.Forwarding(to: $0.to ?? [], note: $0.note) },
            anonymity: raw.anonymity,
            limits: raw.limits.map { Provider.Limits(urlsPerReport: $0.urlsPerReport, note: $0.note) },
            checked: checked,
            confidence: confidence,
            sources: sources
        )
    }

    private func convertRecognition(_ raw: RawRecognition?, issues: inout IssueCollector) -> Provider.Recognition? {
        guard let raw = issues.require(raw, "recognition", at: "") else { return nil }
        for (index, pattern) in (raw.rdapOrgPatterns ?? []).enumerated() {
            if (try? NSRegularExpression(pattern: pattern)) == nil {
                issues.add("recognition.rdapOrgPatterns[\(index)]", "\"\(pattern)\" is not a regular expression")
            }
        }
        let empty =
            (raw.asns ?? []).isEmpty && (raw.rdapOrgPatterns ?? []).isEmpty && (raw.ianaRegistrarIds ?? []).isEmpty
            && (raw.cnameSuffixes ?? []).isEmpty && (raw.domains ?? []).isEmpty && (raw.names ?? []).isEmpty
        if empty {
            issues.add("recognition", "gives no way to recognise the provider")
        }
        guard let confidence = issues.confidence(raw.confidence, at: "recognition") else { return nil }
        return Provider.Recognition(
            asns: raw.asns ?? [],
            rdapOrgPatterns: raw.rdapOrgPatterns ?? [],
            ianaRegistrarIds: raw.ianaRegistrarIds ?? [],
            cnameSuffixes: (raw.cnameSuffixes ?? []).map { $0.lowercased() },
            domains: (raw.domains ?? []).map { $0.lowercased() },
            names: raw.names ?? [],
            confidence: confidence
        )
    }

    static func isDate(_ text: String) -> Bool {
        let parts = text.split(separator: "-")
        guard parts.count == 3, parts[0].count == 4, parts[1].count == 2, parts[2].count == 2 else { return false }
        guard let month = Int(parts[1]), let day = Int(parts[2]), Int(parts[0]) != nil else { return false }
        return (1...12).contains(month) && (1...31).contains(day)
    }
}

package import Foundation

/// A folder of saved WHOIS and RDAP answers with their expected values, and the field-level check of the parsers
/// against it (`whois/<name>.txt` or `rdap/<name>.json`, each with `<name>.expected.json`).
package enum ParserCorpus {
    /// One saved answer and what the parser must extract from it.
    package struct Sample: Sendable {
        /// Which parser the sample is for.
        package enum Kind: String, Sendable { case whois, rdap }
        /// The name as published.
        package var name: String
        /// WHOIS or RDAP.
        package var kind: Kind
        /// The sample's file.
        package var file: URL
        /// The layout the WHOIS parser must choose (WHOIS only).
        package var layout: String?
        /// The query the answer was for.
        package var query: String?
        /// The server that answered.
        package var server: String?
        /// Dotted paths into the parser's JSON output, and their values (`null`: must be absent).
        package var fields: [String: JSONValue]
    }

    /// The result of comparing one expected field.
    package struct FieldCheck: Sendable, Codable, Hashable {
        /// The sample's name.
        package var sample: String
        /// The layout or object class the field is counted under.
        package var group: String
        /// The dotted path of the field.
        package var path: String
        /// The value the sample's expected file gives.
        package var expected: JSONValue
        /// The value the parser produced, if any.
        package var actual: JSONValue?
        /// True when both agree.
        package var passed: Bool

        /// Creates a check result.
        package init(
            sample: String,
            group: String,
            path: String,
            expected: JSONValue,
            actual: JSONValue?,
            passed: Bool
        ) {
            self.sample = sample
            self.group = group
            self.path = path
            self.expected = expected
            self.actual = actual
            self.passed = passed
        }
    }

    /// Loads every sample under `directory`.
    package static func load(_ directory: URL) throws -> [Sample] {
        var samples: [Sample] = []
        for kind in [Sample.Kind.whois, .rdap] {
            let folder = directory.appendingPathComponent(kind.rawValue)
            guard let names = try? FileManager.default.contentsOfDirectory(atPath: folder.path) else { continue }
            for name in names.sorted() where name.hasSuffix(".expected.json") {
                let base = String(name.dropLast(".expected.json".count))
                let expectedURL = folder.appendingPathComponent(name)
                let meta = try JSONValue.parse(Data(contentsOf: expectedURL))
                guard case .object(let fields) = meta["fields"] ?? .null else {
                    throw CorpusError(file: expectedURL.path, detail: "has no \"fields\" object")
                }
                samples.append(
                    Sample(
                        name: base,
                        kind: kind,
                        file: folder.appendingPathComponent(base + (kind == .whois ? ".txt" : ".json")),
                        layout: meta["layout"]?.stringValue,
                        query: meta["query"]?.stringValue,
                        server: meta["server"]?.stringValue,
                        fields: fields
                    )
                )
            }
        }
        return samples
    }

    /// Parses `sample` and compares every expected field (and, for WHOIS, the chosen layout).
    package static func check(_ sample: Sample) throws -> [FieldCheck] {
        let data = try Data(contentsOf: sample.file)
        let output: JSONValue
        let group: String
        switch sample.kind {
        case .whois:
            let record = try WHOISParser().parse(
                data,
                query: sample.query,
                server: sample.server,
                input: sample.file.path
            )
            .record
            output = try JSONValue.encoding(record)
            group = "whois:" + (sample.layout ?? record.layout)
        case .rdap:
            let object = try RDAPParser().parse(data, input: sample.file.path)
            output = try JSONValue.encoding(object)
            group = "rdap:" + (object.network?.registry.map { "\($0) " } ?? "") + object.objectClass
        }
        var expected = sample.fields
        if let layout = sample.layout { expected["layout"] = .string(layout) }
        return expected.keys.sorted().map { path in
            let want = expected[path] ?? .null
            let got = output.value(atPath: path)
            let passed = want == .null ? (got == nil || got == .null) : got == want
            return FieldCheck(
                sample: sample.name,
                group: group,
                path: path,
                expected: want,
                actual: got,
                passed: passed
            )
        }
    }

    /// Checks every sample of `directory`.
    package static func checkAll(_ directory: URL) throws -> [FieldCheck] {
        try load(directory).flatMap { try check($0) }
    }
}

/// A corpus file that cannot be used.
package struct CorpusError: Error, CustomStringConvertible, LocalizedError {
    /// The sample's file.
    package var file: String
    /// What is wrong.
    package var detail: String
    /// A sentence naming the input and the problem.
    package var description: String { "\(file): \(detail)" }
    /// The same sentence as `description`.
    package var errorDescription: String? { description }
}

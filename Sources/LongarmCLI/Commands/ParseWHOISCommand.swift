import ArgumentParser
import Foundation
import LongarmResolve

/// `longarm parse whois FILE`: the facts in a saved WHOIS answer (any of the supported character sets).
struct ParseWHOISCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "whois", abstract: "Parse a saved WHOIS answer.")

    @Argument(help: "The file holding the raw answer.")
    var file: String

    @Option(name: .long, help: "The domain (or address) that was asked; its TLD picks the layout and character set.")
    var domain: String?

    @Option(name: .long, help: "The server that answered (for example whois.jprs.jp).")
    var server: String?

    @OptionGroup var output: OutputOptions

    func run() async throws {
        try await withCLIErrors {
            let data = try ParseInput.read(file)
            let record: WHOISRecord
            do {
                record = try WHOISParser().parse(data, query: domain, server: server, input: file).record
            } catch {
                throw CLIError(.badInput, "\(error)")
            }
            if output.json {
                try JSONOutput.print(record)
                return
            }
            for (label, value) in ParseInput.lines(of: record) { print("\(label): \(value)") }
        }
    }
}

/// Reading the file a `parse` command names.
enum ParseInput {
    /// Files larger than this are refused before parsing.
    static let maximumBytes = 8 << 20

    static func read(_ path: String) throws -> Data {
        guard let handle = FileHandle(forReadingAtPath: path) else {
            throw CLIError(.badInput, "\(path): cannot read the file")
        }
        defer { try? handle.close() }
        let data = (try? handle.read(upToCount: maximumBytes + 1)) ?? Data()
        guard data.count <= maximumBytes else {
            throw CLIError(.badInput, "\(path): larger than \(maximumBytes) bytes")
        }
        return data
    }

    /// A value's JSON form as `path: value` lines, for the text output.
    static func lines(of value: some Encodable) -> [(String, String)] {
        guard let tree = try? JSONValue.encoding(value) else { return [] }
        var result: [(String, String)] = []
        flatten(tree, prefix: "", into: &result)
        return result
    }

    private static func flatten(_ value: JSONValue, prefix: String, into result: inout [(String, String)]) {
        switch value {
        case .object(let members):
            for key in members.keys.sorted() {
                flatten(members[key] ?? .null, prefix: prefix.isEmpty ? key : "\(prefix).\(key)", into: &result)
            }
        case .array(let elements):
            if elements.allSatisfy({ $0.stringValue != nil }) {
                if !elements.isEmpty {
                    result.append((prefix, elements.compactMap(\.stringValue).joined(separator: ", ")))
                }
            } else {
                for (index, element) in elements.enumerated() {
                    flatten(element, prefix: "\(prefix).\(index)", into: &result)
                }
            }
        case .string(let text): result.append((prefix, text))
        case .bool(let flag): result.append((prefix, String(flag)))
        case .number(let number):
            result.append((prefix, number.rounded() == number ? String(Int64(number)) : String(number)))
        case .null: break
        }
    }
}

import ArgumentParser
import Foundation
import LongarmResolve

/// `longarm parse rdap FILE`: the facts in a saved RDAP document of any object class.
struct ParseRDAPCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "rdap", abstract: "Parse a saved RDAP JSON document.")

    @Argument(help: "The file holding the RDAP JSON document.")
    var file: String

    @OptionGroup var output: OutputOptions

    func run() async throws {
        try await withCLIErrors {
            let data = try ParseInput.read(file)
            let object: RDAPObject
            do {
                object = try RDAPParser().parse(data, input: file)
            } catch {
                throw CLIError(.badInput, "\(error)")
            }
            if output.json {
                try JSONOutput.print(object)
                return
            }
            for (label, value) in ParseInput.lines(of: object) { print("\(label): \(value)") }
        }
    }
}

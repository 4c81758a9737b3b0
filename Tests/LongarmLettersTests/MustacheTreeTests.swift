import Foundation
import Testing

@testable import LongarmLetters

/// Optional fields left `nil` and arrays left empty anywhere in `value`.
private func unsetFields(_ value: Any, path: String = "context") -> [String] {
    let mirror = Mirror(reflecting: value)
    if mirror.displayStyle == .optional {
        guard let wrapped = mirror.children.first?.value else { return [path] }
        return unsetFields(wrapped, path: path)
    }
    if mirror.displayStyle == .collection {
        if mirror.children.isEmpty { return [path] }
        return unsetFields(mirror.children.first!.value, path: path + "[0]")
    }
    guard mirror.displayStyle == .struct else { return [] }
    return mirror.children.flatMap { child in unsetFields(child.value, path: path + "." + (child.label ?? "?")) }
}

private func json(_ tree: [String: Any]) throws -> String {
    String(decoding: try JSONSerialization.data(withJSONObject: tree, options: [.sortedKeys]), as: UTF8.self)
}

/// A context with every optional field set and every array filled.
private func everyFieldSet() throws -> LetterContext {
    var context = try TemplateCheckTests.fullContext()
    context.sender.phone = context.sender.phone ?? "+1 555 0100"
    context.sender.representedBy = context.sender.representedBy ?? "Counsel LLP"
    context.sender.addressForService = context.sender.addressForService ?? "2 Service Road"
    context.sender.email = context.sender.email ?? "sender@example.com"
    context.sender.address = context.sender.address ?? "1 Sender Road"
    context.recipient.country = context.recipient.country ?? "DE"
    context.recipient.address = context.recipient.address ?? "abuse@example.net"
    context.facts = context.facts ?? "Facts."
    context.deadline = context.deadline ?? "48 hours"
    context.legalBasis[0].note = context.legalBasis[0].note ?? "a note"
    if var evidence = context.evidence {
        evidence.rows[0].serverAddress = evidence.rows[0].serverAddress ?? "192.0.2.7"
        context.evidence = evidence
    }
    return context
}

@Test func theTestContextSetsEveryField() throws {
    // A field added to the context shows up here until the test (and mustacheTree) handle it.
    #expect(unsetFields(try everyFieldSet()) == [])
}

@Test func theDirectTreeIsWhatTheEncoderMakes() throws {
    let full = try everyFieldSet()
    #expect(try json(full.mustacheTree) == json(MustacheContextEncoder.encode(full)))

    var sparse = full
    sparse.sender = LetterContext.Sender(name: "Only A Name")
    sparse.recipient.country = nil
    sparse.recipient.address = nil
    sparse.facts = nil
    sparse.deadline = nil
    sparse.evidence = nil
    sparse.legalBasis = [LetterContext.Basis(citation: "Art. 1")]
    sparse.statements = []
    sparse.hasStatements = false
    #expect(try json(sparse.mustacheTree) == json(MustacheContextEncoder.encode(sparse)))
}

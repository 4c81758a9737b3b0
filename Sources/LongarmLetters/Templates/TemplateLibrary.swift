public import Foundation
import Mustache
import Yams

/// The letter templates, partials and phrasebooks of a `Templates/` folder, parsed once.
public struct TemplateLibrary: Sendable {
    /// The metadata sidecar (`<name>.yaml`) of a template.
    public struct Metadata: Sendable, Codable, Hashable {
        /// The regime family (`statutory-takedown`, `dsa`, …).
        public var regime: String
        /// The kinds the template is written for (`any` for all).
        public var kinds: [String]
        /// The template's own language (`any` when it takes all text from a phrasebook).
        public var language: String
        /// False until a person has reviewed the template's wording.
        public var reviewed: Bool
    }

    /// The templates folder.
    public let directory: URL
    /// Template names (`statutory-takedown/copyright`) with their metadata.
    public let templates: [String: Metadata]
    /// Phrasebooks by language.
    public let phrasebooks: [String: Phrasebook]
    /// The raw source of every template and partial, by name, for checks.
    public let sources: [String: String]
    let library: MustacheLibrary
    /// Per language: the templates with that language's headings and labels written in (``inlinePhrases``).
    let letterLibraries: [String: MustacheLibrary]

    /// Loads every template, partial and phrasebook under `directory`; throws naming the first broken file.
    public init(directory: URL) throws(LetterError) {
        MarkdownContentType.registerOnce()
        self.directory = directory
        var library = MustacheLibrary()
        var templates: [String: Metadata] = [:]
        var sources: [String: String] = [:]
        var phrasebooks: [String: Phrasebook] = [:]
        let files = Self.files(under: directory)
        for file in files where file.hasSuffix(".mustache") {
            let name = String(file.dropLast(".mustache".count))
            let url = directory.appendingPathComponent(file)
            guard let text = try? String(contentsOf: url, encoding: .utf8) else {
                throw LetterError(.templates, "\(url.path): cannot be read as UTF-8")
            }
            // Every template renders Markdown-escaped values; text and HTML are derived from that Markdown.
            let source = "{{% CONTENT_TYPE: \(MarkdownContentType.name)}}" + text
            do {
                library.register(try MustacheTemplate(string: source), named: name)
            } catch {
                throw LetterError(.templates, "\(url.path): not a valid Mustache template (\(error))")
            }
            sources[name] = text
            if name.hasPrefix("partials/") || name.hasPrefix("cover/") { continue }
            let sidecar = directory.appendingPathComponent(name + ".yaml")
            guard let yaml = try? String(contentsOf: sidecar, encoding: .utf8) else {
                throw LetterError(.templates, "\(sidecar.path): missing metadata for template \(name)")
            }
            do {
                templates[name] = try YAMLDecoder().decode(Metadata.self, from: yaml)
            } catch {
                throw LetterError(.templates, "\(sidecar.path): bad metadata (\(error))")
            }
        }
        let english = directory.appendingPathComponent("phrases/en.yaml")
        let base = (try? String(contentsOf: english, encoding: .utf8)).flatMap { try? Yams.load(yaml: $0) }
        for file in files where file.hasPrefix("phrases/") && file.hasSuffix(".yaml") {
            let url = directory.appendingPathComponent(file)
            let book: Phrasebook
            do {
                // A translation states what it translates; anything it leaves out is taken from English.
                let own = try Yams.load(yaml: try String(contentsOf: url, encoding: .utf8))
                let merged = Self.merge(base: base ?? [String: Any](), over: own ?? [String: Any]())
                let json = try JSONSerialization.data(withJSONObject: merged)
                book = try JSONDecoder().decode(Phrasebook.self, from: json)
            } catch {
                throw LetterError(.templates, "\(url.path): bad phrasebook (\(error))")
            }
            if let key = Phrasebook.statementKeys.first(where: { book.statements[$0] == nil }) {
                throw LetterError(.templates, "\(url.path): statements lack \"\(key)\"")
            }
            phrasebooks[book.language] = book
        }
        guard phrasebooks["en"] != nil else {
            throw LetterError(.templates, "\(directory.path): no English phrasebook (phrases/en.yaml)")
        }
        self.templates = templates
        self.phrasebooks = phrasebooks
        self.sources = sources
        self.library = library
        var letterLibraries: [String: MustacheLibrary] = [:]
        for (language, book) in phrasebooks {
            let headings = book.headings.mustacheTree
            let labels = book.labels.mustacheTree
            var variant = MustacheLibrary()
            for (name, text) in sources {
                // The cover summary has a context of its own: only letter bodies get the phrases written in.
                let body =
                    name.hasPrefix("cover/") ? text : Self.inlinePhrases(text, headings: headings, labels: labels)
                let source = "{{% CONTENT_TYPE: \(MarkdownContentType.name)}}" + body
                guard let template = try? MustacheTemplate(string: source) else {
                    throw LetterError(.templates, "\(name): not a valid template with the \(language) phrases")
                }
                variant.register(template, named: name)
            }
            letterLibraries[language] = variant
        }
        self.letterLibraries = letterLibraries
    }

    /// The template for a regime and kind: `<regime>/<kind>` when it exists, else `<regime>/notice`.
    func templateName(regime: RegimeKey, kind: String) -> String? {
        let specific = "\(regime.rawValue)/\(kind)"
        if templates[specific] != nil { return specific }
        let general = "\(regime.rawValue)/notice"
        return templates[general] != nil ? general : nil
    }

    /// Renders a named template with a typed context, producing Markdown.
    func render(_ name: String, context: some Encodable) throws(LetterError) -> String {
        let object: [String: Any]
        do {
            object = try MustacheContextEncoder.encode(context)
        } catch {
            throw LetterError(.templates, "cannot encode the context for \(name): \(error)")
        }
        return try render(name, tree: object)
    }

    /// Renders a named template with a context already made plain (``LetterContext/mustacheTree``), using the
    /// templates with `language`'s headings and labels written in when the language has a phrasebook.
    func render(_ name: String, tree: [String: Any], language: String? = nil) throws(LetterError) -> String {
        let templates = language.flatMap { letterLibraries[$0] } ?? library
        guard let text = templates.render(tree, withTemplate: name) else {
            throw LetterError(.templates, "\(directory.path): no template named \(name)")
        }
        return text
    }

    /// Templates and partials of letter bodies with the language's headings and labels written in, per language.
    ///
    /// `{{headings.x}}` and `{{labels.x}}` print the same escaped phrase in every letter of a language, and they were
    /// the costliest lookups of rendering (many sit inside sections, where Mustache searches the section's value
    /// first). Writing the escaped text into the template once gives the same output: the escape leaves no `{{`,
    /// and a blank phrase keeps its tag so no line becomes a standalone tag line. No object of a letter context
    /// other than the root has a `headings` or `labels` key, so nothing could shadow them.
    static func inlinePhrases(_ text: String, headings: [String: Any], labels: [String: Any]) -> String {
        var result = ""
        var rest = Substring(text)
        while let open = rest.range(of: "{{") {
            guard let close = rest[open.upperBound...].range(of: "}}") else { break }
            result += rest[..<open.lowerBound]
            let tag = rest[open.upperBound..<close.lowerBound].trimmingCharacters(in: .whitespaces)
            let parts = tag.split(separator: ".", omittingEmptySubsequences: false)
            let table: [String: Any]? =
                parts.count != 2 ? nil : parts[0] == "headings" ? headings : parts[0] == "labels" ? labels : nil
            if let phrase = table?[String(parts[1])] as? String,
                phrase.contains(where: { !$0.isWhitespace })
            {
                result += MarkdownContentType.escape(phrase)
            } else {
                result += rest[open.lowerBound..<close.upperBound]
            }
            rest = rest[close.upperBound...]
        }
        return result + rest
    }

    private static func merge(base: Any, over: Any) -> Any {
        guard let baseObject = base as? [String: Any], let overObject = over as? [String: Any] else { return over }
        var result = baseObject
        for (key, value) in overObject { result[key] = result[key].map { merge(base: $0, over: value) } ?? value }
        return result
    }

    private static func files(under directory: URL) -> [String] {
        let base = directory.standardizedFileURL.path
        guard let enumerator = FileManager.default.enumerator(atPath: base) else { return [] }
        return enumerator.compactMap { $0 as? String }.sorted()
    }
}

/// Finds the `Templates/` folder when none is given.
public enum TemplateLocator {
    /// The environment variable that names the templates folder.
    public static let environmentKey = "LONGARM_TEMPLATES"

    /// `LONGARM_TEMPLATES`, else the first `Templates/` folder with `phrases/` inside, searched upward from the
    /// executable's folder and then from the working directory.
    public static func defaultDirectory(
        environment: [String: String] = ProcessInfo.processInfo.environment,
        executable: URL = URL(fileURLWithPath: CommandLine.arguments.first ?? ".").resolvingSymlinksInPath(),
        workingDirectory: URL = URL(fileURLWithPath: FileManager.default.currentDirectoryPath)
    ) -> URL? {
        if let path = environment[environmentKey], !path.isEmpty { return URL(fileURLWithPath: path) }
        for start in [executable.deletingLastPathComponent(), workingDirectory] {
            var folder = start.standardizedFileURL
            for _ in 0..<8 {
                let candidate = folder.appendingPathComponent("Templates")
                if FileManager.default.fileExists(atPath: candidate.appendingPathComponent("phrases").path) {
                    return candidate
                }
                let parent = folder.deletingLastPathComponent()
                if parent.path == folder.path { break }
                folder = parent
            }
        }
        return nil
    }
}

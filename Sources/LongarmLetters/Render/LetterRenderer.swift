import Foundation

/// Writes a rendered letter in each file format.
enum LetterRenderer {
    static func render(_ document: LetterDocument, format: LetterFormat) -> Data {
        switch format {
        case .md: Data(document.markdown.utf8)
        case .txt: Data(document.text.utf8)
        case .html: Data(document.html.utf8)
        case .eml: MIMEWriter.message(document)
        case .form: FormFields.json(document)
        }
    }
}

/// The print-ready HTML page.
enum HTMLPage {
    static let stylesheet = """
        body { font-family: "Noto Serif", "Noto Serif CJK SC", Georgia, serif; max-width: 46em; margin: 2em auto;
          line-height: 1.5; color: #111; }
        h1 { font-size: 1.5em; border-bottom: 2px solid #111; padding-bottom: .2em; }
        h2 { font-size: 1.15em; margin-top: 1.6em; }
        table { border-collapse: collapse; width: 100%; font-size: .9em; }
        th, td { border: 1px solid #999; padding: .3em .5em; text-align: left; vertical-align: top;
          word-break: break-all; }
        .note { font-size: .85em; color: #444; border-left: 3px solid #999; padding-left: .6em; }
        hr { margin: 2.5em 0; border: 0; border-top: 1px dashed #666; }
        @media print { body { margin: 0; max-width: none; } a { color: inherit; } hr { page-break-after: always; } }
        """

    static func page(_ document: LetterDocument, body: String) -> String {
        """
        <!DOCTYPE html>
        <html lang="\(escapeHTML(document.primaryLanguage))">
        <head>
        <meta charset="utf-8">
        <title>\(escapeHTML(document.subject))</title>
        <style>
        \(stylesheet)
        </style>
        </head>
        <body>
        \(body)</body>
        </html>

        """
    }
}

/// The JSON of form fields for web-form channels: plain values, one key per field a form usually asks for.
enum FormFields {
    struct Form: Encodable {
        var language: String
        var draft: Bool
        var party: String
        var formURL: String?
        var fields: [String: String]
        var urls: [String]
        var legalBasis: [String]
        var statements: [String]
    }

    static func json(_ document: LetterDocument) -> Data {
        guard let body = document.bodies.first else { return Data("{}".utf8) }
        var fields: [String: String] = ["name": body.sender.name, "work": body.work, "description": body.explanation]
        fields["email"] = body.sender.email
        fields["address"] = body.sender.address
        fields["phone"] = body.sender.phone
        fields["representedBy"] = body.sender.representedBy
        fields["facts"] = body.facts
        fields["requestedAction"] = body.requestedAction
        fields["signature"] = body.signature
        fields["date"] = body.date
        let form = Form(
            language: document.language,
            draft: document.draft,
            party: body.recipient.name,
            formURL: body.recipient.address,
            fields: fields,
            urls: body.urls,
            legalBasis: body.legalBasis.map { [$0.citation, $0.uncertain].compactMap { $0 }.joined(separator: " ") },
            statements: body.statements
        )
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        return (try? encoder.encode(form)).map { $0 + Data("\n".utf8) } ?? Data("{}".utf8)
    }
}

import Foundation
import Testing

/// `.eml` files parsed by Python's `email` package, a real MIME parser: headers, parts and decoded payloads.
enum MailParser {
    static let script = """
        import base64, email, email.policy, json, sys
        msg = email.message_from_bytes(open(sys.argv[1], 'rb').read(), policy=email.policy.default)
        parts = [{'type': p.get_content_type(), 'filename': p.get_filename(),
                  'disposition': p.get_content_disposition(),
                  'payload': base64.b64encode(p.get_payload(decode=True) or b'').decode(),
                  'text': p.get_content() if p.get_content_maintype() == 'text' else None}
                 for p in msg.walk() if not p.is_multipart()]
        print(json.dumps({'type': msg.get_content_type(), 'to': str(msg['to'] or ''),
                          'defects': len(msg.defects), 'parts': parts}))
        """

    struct Parsed: Decodable {
        struct Part: Decodable {
            var type: String
            var filename: String?
            var disposition: String?
            var payload: String
            var text: String?
        }

        var type: String
        var to: String
        var defects: Int
        var parts: [Part]
    }

    static func parse(_ file: URL) throws -> Parsed {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["python3", "-c", script, file.path]
        let pipe = Pipe()
        process.standardOutput = pipe
        try process.run()
        let output = pipe.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        #expect(process.terminationStatus == 0)
        return try JSONDecoder().decode(Parsed.self, from: output)
    }
}

import Testing

@testable import LongarmCore

@Suite struct BatchReaderTests {
    private func read(_ text: String, source: String = "batch.csv") -> BatchReader.Result {
        BatchReader.read(Array(text.utf8), source: source)
    }

    @Test func readsQuotedFieldsCRLFAndByteOrderMark() {
        let text =
            "\u{FEFF}url,kind,note\r\n"
            + "https://a.example/1,portrait,\"says \"\"hello\"\", twice\"\r\n"
            + "\r\n"
            + "\"https://b.example/2\",,\"two\r\nlines\"\r\n"
            + "https://c.example/3,reputation,plain"
        let result = read(text)
        #expect(result.errors.isEmpty)
        #expect(
            result.rows == [
                BatchRow(line: 2, url: "https://a.example/1", kind: "portrait", note: "says \"hello\", twice"),
                BatchRow(line: 4, url: "https://b.example/2", kind: nil, note: "two\r\nlines"),
                BatchRow(line: 6, url: "https://c.example/3", kind: "reputation", note: "plain"),
            ]
        )
    }

    @Test func acceptsColumnsInAnyOrderAndUrlAlone() {
        #expect(
            read("note,URL\nhi,https://a.example/\n").rows == [BatchRow(line: 2, url: "https://a.example/", note: "hi")]
        )
        #expect(read("url\nhttps://a.example/\n").rows == [BatchRow(line: 2, url: "https://a.example/")])
    }

    @Test func rejectsRowsWithWrongFieldCountOrBrokenQuotes() {
        let text =
            "url,kind,note\nhttps://a.example/,portrait\nhttps://b.example/,,\"x\"y\nhttps://c.example/,,ok\n\"https://d.example/,,"
        let result = read(text)
        #expect(result.rows.map(\.url) == ["https://c.example/"])
        #expect(
            result.errors.map(\.description) == [
                "batch.csv:2: bad row: \"https://a.example/,portrait\" (row has 2 fields, the header has 3)",
                "batch.csv:3: bad row: \"https://b.example/,,\"x\"y\" (text after a closing quote)",
                "batch.csv:5: bad row: \"\"https://d.example/,,\" (quoted field is not closed)",
            ]
        )
    }

    @Test func reportsMissingOrUnknownHeaderOnce() {
        let noHeader = read("https://a.example/,portrait,x\nhttps://b.example/,portrait,y\n")
        #expect(noHeader.rows.isEmpty)
        #expect(noHeader.errors.map(\.line) == [1])
        #expect(noHeader.errors.first?.description.contains("no header row") == true)
        #expect(read("url,colour\n").errors.first?.description.contains("unknown column \"colour\"") == true)
        #expect(read("").errors.first?.description.contains("empty file") == true)
    }

    @Test func readsJSONLinesWithBadLines() {
        let text = """
            {"url": "https://a.example/", "kind": "portrait", "note": "n"}

            {"url": "https://b.example/", "kind": null}
            {"kind": "portrait"}
            not json
            {"url": 5}
            ["https://c.example/"]
            """
        let result = read(text, source: "batch.jsonl")
        #expect(
            result.rows == [
                BatchRow(line: 1, url: "https://a.example/", kind: "portrait", note: "n"),
                BatchRow(line: 3, url: "https://b.example/"),
            ]
        )
        #expect(result.errors.map(\.line) == [4, 5, 6, 7])
        #expect(result.errors[0].description == "batch.jsonl:4: bad row: \"{\"kind\": \"portrait\"}\" (lacks \"url\")")
    }

    @Test func detectsFormatByExtensionThenContent() {
        #expect(BatchFormat.detect(fileName: "x.CSV", content: Array("{".utf8)) == .csv)
        #expect(BatchFormat.detect(fileName: "x.ndjson", content: []) == .jsonLines)
        #expect(BatchFormat.detect(fileName: "x.txt", content: Array("\u{FEFF}\n {\"url\":1}".utf8)) == .jsonLines)
        #expect(BatchFormat.detect(fileName: "-", content: Array("url\n".utf8)) == .csv)
    }
}

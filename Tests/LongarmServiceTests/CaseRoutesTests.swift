import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import LongarmCore
import LongarmService
import LongarmStore
import Testing

@Suite struct CaseRoutesTests {
    @Test func createsACaseWithParticularsAndShowsIt() async throws {
        let harness = try ServiceHarness()
        try await harness.test { client in
            let created = try await client.call(
                .post,
                "/v1/cases",
                json: """
                    {"holder": "Li Wei", "kind": "Portrait", "holderCountry": "cn", "title": "Face swap",
                     "particulars": {"senderName": "Li Wei", "senderEmail": "li.wei@example.cn", "ownsWork": true}}
                    """
            )
            #expect(created.status == .created)
            let id = try #require(created.object["id"] as? Int)
            #expect(created.headers[.location] == "/v1/cases/\(id)")
            #expect(created.object["kind"] as? String == "portrait")
            #expect(created.object["holderCountry"] as? String == "CN")

            let stored = try #require(try harness.server.dependencies.store.caseFile(id: Int64(id)))
            #expect(stored.holder == "Li Wei")
            #expect(stored.particulars.senderEmail == "li.wei@example.cn")
            #expect(stored.particulars.ownsWork == true)

            let shown = try await client.call(.get, "/v1/cases/\(id)")
            #expect(shown.status == .ok)
            let caseObject = try #require(shown.object["case"] as? [String: Any])
            #expect(caseObject["title"] as? String == "Face swap")
            let particulars = try #require(caseObject["particulars"] as? [String: Any])
            #expect(particulars["senderName"] as? String == "Li Wei")
            #expect((shown.object["targets"] as? [Any])?.isEmpty == true)
        }
    }

    @Test func unknownCaseGets404NamingIt() async throws {
        let harness = try ServiceHarness()
        try await harness.test { client in
            for path in ["/v1/cases/42", "/v1/cases/42/plan", "/v1/cases/42/letters"] {
                let result = try await client.call(.get, path)
                #expect(result.status == .notFound, "\(path)")
                #expect(result.errorCode == "not_found")
                #expect(result.errorMessage == "case 42: no such case")
            }
            let submit = try await client.call(
                .post,
                "/v1/cases/42/targets",
                json: #"{"urls": ["https://a.example/"]}"#
            )
            #expect(submit.status == .notFound)
        }
    }
}

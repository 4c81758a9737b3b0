import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import LongarmCore
import LongarmService
import LongarmStore
import Testing

@Suite struct MetricsAndLimitsTests {
    @Test func metricsCountRequestsByRouteTemplateAndStatusInPrometheusText() async throws {
        let harness = try ServiceHarness()
        try await harness.test { client in
            let caseID = try await createCase(client)
            _ = try await client.call(.get, "/v1/cases/\(caseID)")
            _ = try await client.call(.get, "/v1/cases/\(caseID + 1)")
            _ = try await client.call(.get, "/v1/cases/\(caseID)", headers: [:])
            _ = try await client.call(
                .post,
                "/v1/cases/\(caseID)/targets",
                json: #"{"urls": ["https://a.example/1", "https://a.example/2"]}"#
            )

            let result = try await client.call(.get, "/metrics")
            #expect(result.status == .ok)
            #expect(result.headers[.contentType] == "text/plain; version=0.0.4; charset=utf-8")
            let lines = Set(result.text.split(separator: "\n").map(String.init))
            for expected in [
                #"longarm_http_requests_total{route="/v1/cases",method="POST",status="201"} 1"#,
                #"longarm_http_requests_total{route="/v1/cases/{id}",method="GET",status="200"} 1"#,
                #"longarm_http_requests_total{route="/v1/cases/{id}",method="GET",status="404"} 1"#,
                #"longarm_http_requests_total{route="/v1/cases/{id}",method="GET",status="401"} 1"#,
                #"longarm_http_requests_total{route="/v1/cases/{id}/targets",method="POST",status="202"} 1"#,
                "longarm_auth_failures_total 1",
                "longarm_resolution_queue_depth 2",
                "longarm_resolution_in_flight 0",
                "longarm_cases 1",
                "longarm_targets 2",
                "# TYPE longarm_http_requests_total counter",
                "# TYPE longarm_resolution_queue_depth gauge",
            ] {
                #expect(lines.contains(expected), "missing: \(expected)\n\(result.text)")
            }
            // The raw path never becomes a label.
            #expect(!result.text.contains("/v1/cases/\(caseID)\""))
        }
    }

    @Test func rateLimitRefusesWith429AndRetryAfter() async throws {
        let harness = try ServiceHarness { $0.rateLimit = 3 }
        try await harness.test { client in
            for _ in 0..<3 {
                #expect(try await client.call(.get, "/healthz", headers: [:]).status == .ok)
            }
            let refused = try await client.call(
                .get,
                "/v1/cases/1",
                headers: [.authorization: "Bearer guess-0123456789abcdef"]
            )
            #expect(refused.status == .tooManyRequests)
            #expect(refused.errorCode == "rate_limited")
            let retry = try #require(refused.headers[.retryAfter].flatMap { Int($0) })
            #expect((1...20).contains(retry))
        }
        #expect(harness.server.metrics.requestCount(route: "/v1/cases/{id}", method: "GET", status: 429) == 1)
    }

    @Test func rateLimitCanBeTurnedOff() async throws {
        let harness = try ServiceHarness { $0.rateLimit = 0 }
        try await harness.test { client in
            var statuses: [Int] = []
            for _ in 0..<50 {
                statuses.append(try await client.call(.get, "/healthz", headers: [:]).status.code)
            }
            #expect(statuses == Array(repeating: 200, count: 50))
        }
    }
}

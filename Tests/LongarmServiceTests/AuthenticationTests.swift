import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import LongarmCore
import LongarmService
import LongarmStore
import Testing

@Suite struct AuthenticationTests {
    @Test func missingTokenGets401WithBearerChallengeAndJSONError() async throws {
        let harness = try ServiceHarness()
        try await harness.test { client in
            let result = try await client.call(
                .post,
                "/v1/cases",
                headers: [:],
                json: #"{"holder":"A","kind":"portrait"}"#
            )
            #expect(result.status == .unauthorized)
            #expect(result.headers[.wwwAuthenticate] == #"Bearer realm="longarm""#)
            #expect(result.errorCode == "unauthorized")
            #expect(result.headers[.contentType]?.hasPrefix("application/json") == true)
            // Nothing was stored: the case list is still empty.
            #expect(try harness.server.dependencies.store.caseSummaries().isEmpty)
        }
    }

    @Test func wrongTokenGets401NamingAnInvalidToken() async throws {
        let harness = try ServiceHarness()
        try await harness.test { client in
            for header in [
                "Bearer wrong-token-0123456789abcdef", "Bearer \(ServiceHarness.token)x",
                "Bearer \(ServiceHarness.token.dropLast())", "Basic \(ServiceHarness.token)", "Bearer",
            ] {
                let result = try await client.call(.get, "/v1/cases/1", headers: [.authorization: header])
                #expect(result.status == .unauthorized, "\(header) was let in")
                #expect(result.errorCode == "unauthorized")
                #expect(result.headers[.wwwAuthenticate]?.hasPrefix("Bearer") == true)
            }
        }
        #expect(
            harness.server.metrics.requestCount(route: "/v1/cases/{id}", method: "GET", status: 401) == 5
        )
    }

    @Test func rightTokenIsLetInWhateverTheSchemeCase() async throws {
        let harness = try ServiceHarness()
        try await harness.test { client in
            let created = try await client.call(
                .post,
                "/v1/cases",
                headers: [.authorization: "bearer \(ServiceHarness.token)"],
                json: #"{"holder":"Li Wei","kind":"portrait"}"#
            )
            #expect(created.status == .created)
            let shown = try await client.call(.get, "/v1/cases/\(created.object["id"] as? Int ?? 0)")
            #expect(shown.status == .ok)
        }
    }

    @Test func healthIsOpenAndEverythingElseIsGuarded() async throws {
        let harness = try ServiceHarness()
        try await harness.test { client in
            let health = try await client.call(.get, "/healthz", headers: [:])
            #expect(health.status == .ok)
            #expect(health.object["status"] as? String == "ok")
            for route in APIRouter.routes where route.authenticated {
                let path = route.path.replacingOccurrences(of: "{id}", with: "1")
                let result = try await client.call(route.method, path, headers: [:])
                #expect(result.status == .unauthorized, "\(route) answered \(result.status) without a token")
            }
            // An unknown path does not reveal itself to a client without the token.
            #expect(try await client.call(.get, "/v1/secret", headers: [:]).status == .unauthorized)
        }
    }

    @Test func serviceWithoutTokenAnswersOnLoopbackWhenExplicitlyInsecure() async throws {
        let harness = try ServiceHarness { configuration in
            configuration.token = nil
            configuration.insecureNoAuth = true
        }
        try await harness.test { client in
            let result = try await client.call(
                .post,
                "/v1/cases",
                headers: [:],
                json: #"{"holder":"A","kind":"privacy"}"#
            )
            #expect(result.status == .created)
        }
    }
}

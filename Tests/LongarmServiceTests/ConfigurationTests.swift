import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import LongarmCore
import LongarmService
import LongarmStore
import Testing

@Suite struct ConfigurationTests {
    private let token = try! APIToken("0123456789abcdefXYZ")

    @Test func refusesToStartWithoutATokenUnlessExplicitlyInsecure() {
        #expect(throws: ServiceConfigurationError.self) { try ServiceConfiguration().validate() }
        var configuration = ServiceConfiguration()
        configuration.insecureNoAuth = true
        #expect(throws: Never.self) { try configuration.validate() }
    }

    @Test(arguments: ["0.0.0.0", "::", "192.168.1.10", "example.com", "127.0.0.1.example.com"])
    func refusesInsecureModeOffLoopback(host: String) {
        var configuration = ServiceConfiguration(host: host, insecureNoAuth: true)
        #expect {
            try configuration.validate()
        } throws: { error in
            "\(error)".contains("refused on \(host)")
        }
        configuration.insecureNoAuth = false
        configuration.token = token
        #expect(throws: Never.self) { try configuration.validate() }
    }

    @Test(arguments: ["127.0.0.1", "127.8.9.10", "::1", "[::1]", "localhost"])
    func acceptsInsecureModeOnLoopback(host: String) throws {
        try ServiceConfiguration(host: host, insecureNoAuth: true).validate()
    }

    @Test func refusesATokenAndInsecureModeTogetherAndBadLimits() {
        #expect(throws: ServiceConfigurationError.self) {
            try ServiceConfiguration(token: token, insecureNoAuth: true).validate()
        }
        #expect(throws: ServiceConfigurationError.self) {
            try ServiceConfiguration(port: 70000, token: token).validate()
        }
        #expect(throws: ServiceConfigurationError.self) {
            try ServiceConfiguration(token: token, maxBodyBytes: 10).validate()
        }
        #expect(throws: ServiceConfigurationError.self) {
            try ServiceConfiguration(token: token, rateLimit: -1).validate()
        }
    }

    @Test func tokenComparisonAcceptsOnlyTheExactToken() throws {
        let token = try APIToken("0123456789abcdef")
        #expect(token.matches(Array("0123456789abcdef".utf8)))
        for guess in ["", "0123456789abcde", "0123456789abcdef0", "1123456789abcdef", "0123456789abcdeF"] {
            #expect(!token.matches(Array(guess.utf8)), "\(guess) matched")
        }
        #expect(!"\(token)".contains("0123"), "the description must not show the token")
    }

    @Test func shortOrMalformedTokensAreRefused() {
        #expect(throws: ServiceConfigurationError.self) { try APIToken("short") }
        #expect(throws: ServiceConfigurationError.self) { try APIToken("0123456789 abcdef") }
        #expect(throws: ServiceConfigurationError.self) { try APIToken("0123456789abcdef\u{e9}") }
    }

    @Test func tokenComesFromFlagThenFileThenEnvironment() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("longarm-token-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let file = folder.appendingPathComponent("token")
        try Data("file-token-0123456789\n".utf8).write(to: file)
        let environment = ["LONGARM_API_TOKEN": "env-token-0123456789", "LONGARM_API_TOKEN_FILE": file.path]

        let fromFlag = try APIToken.resolve(flag: "flag-token-0123456789", file: nil, environment: environment)
        #expect(fromFlag?.matches(Array("flag-token-0123456789".utf8)) == true)
        let fromFile = try APIToken.resolve(flag: nil, file: file.path, environment: environment)
        #expect(fromFile?.matches(Array("file-token-0123456789".utf8)) == true, "the final newline is dropped")
        let fromEnvironment = try APIToken.resolve(flag: nil, file: nil, environment: environment)
        #expect(fromEnvironment?.matches(Array("env-token-0123456789".utf8)) == true)
        let fromEnvironmentFile = try APIToken.resolve(
            flag: nil,
            file: nil,
            environment: ["LONGARM_API_TOKEN_FILE": file.path]
        )
        #expect(fromEnvironmentFile?.matches(Array("file-token-0123456789".utf8)) == true)
        #expect(try APIToken.resolve(flag: nil, file: nil, environment: [:]) == nil)
        #expect(throws: ServiceConfigurationError.self) {
            try APIToken.resolve(flag: "flag-token-0123456789", file: file.path, environment: [:])
        }
        #expect(throws: ServiceConfigurationError.self) {
            try APIToken.resolve(flag: nil, file: folder.appendingPathComponent("missing").path, environment: [:])
        }
    }
}

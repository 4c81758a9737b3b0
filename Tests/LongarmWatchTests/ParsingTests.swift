import Foundation
import LongarmCore
import LongarmWatch
import Testing

@Suite struct ParsingTests {
    @Test(arguments: [
        ("6h", 21600.0), ("30m", 1800), ("0s", 0), ("1h30m", 5400), ("2d", 172_800), ("90", 90), ("1.5h", 5400),
    ])
    func readsDurationsAsPeopleWriteThem(text: String, seconds: Double) throws {
        let duration = try DurationText.parse(text, input: "--spacing")
        #expect(Double(duration.components.seconds) == seconds)
    }

    @Test func rejectsAMalformedDurationNamingTheInput() {
        #expect(throws: WatchError.self) { try DurationText.parse("6 hours", input: "--spacing") }
        do {
            _ = try DurationText.parse("soon", input: "LONGARM_SPACING")
        } catch {
            #expect("\(error)".hasPrefix("LONGARM_SPACING \"soon\": not a duration"))
        }
    }

    @Test(arguments: [
        ("PT48H", 172_800.0), ("P7D", 604_800), ("P2W", 1_209_600), ("P1DT12H", 129_600), ("PT90M", 5400),
    ])
    func readsTheRulesDeadlines(text: String, seconds: Double) throws {
        let duration = try #require(ISO8601Duration.parse(text))
        #expect(Double(duration.components.seconds) == seconds)
    }

    @Test func refusesWhatIsNotAnISODuration() {
        for text in ["48H", "P", "PT", "P1H", "expeditiously", "P1DT"] { #expect(ISO8601Duration.parse(text) == nil) }
    }

    @Test func readsTimesForAt() throws {
        #expect(try TimeText.parse("2026-03-01T09:30:00Z", input: "--at").timeIntervalSince1970 == 1_772_357_400)
        #expect(try TimeText.parse("2026-03-01", input: "--at").timeIntervalSince1970 == 1_772_323_200)
        #expect(throws: WatchError.self) { try TimeText.parse("yesterday", input: "--at") }
    }

    @Test func configurationTakesFlagsThenEnvironmentThenDefaults() throws {
        let defaults = try RecheckConfiguration.fromEnvironment([:])
        #expect(defaults.judge.confirmations == 3 && defaults.judge.spacing == .seconds(21600))
        let environment = ["LONGARM_CONFIRMATIONS": "5", "LONGARM_SPACING": "30m", "LONGARM_HOST_RATE": "0.5"]
        let fromEnvironment = try RecheckConfiguration.fromEnvironment(environment)
        #expect(fromEnvironment.judge.confirmations == 5 && fromEnvironment.judge.spacing == .seconds(1800))
        #expect(fromEnvironment.politeness.rate == 0.5)
        let flags = try RecheckConfiguration.fromEnvironment(environment, confirmations: 2, spacing: "0s")
        #expect(flags.judge.confirmations == 2 && flags.judge.spacing == .seconds(0))
        #expect(throws: WatchError.self) { try RecheckConfiguration.fromEnvironment(["LONGARM_CONFIRMATIONS": "0"]) }
    }
}

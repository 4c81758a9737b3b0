import ArgumentParser
import Foundation
import LongarmCore
import LongarmStore
import LongarmWatch

/// `longarm notice sent|reply|outcome`: what happened to the notices of a plan.
struct NoticeCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "notice",
        abstract: "Record notices sent, replies and outcomes; each notice is due after its rung's deadline.",
        discussion: """
            A notice is addressed by its rung step and --target T (one target) or --case C (every target of the \
            case whose newest plan has that rung). `longarm recheck` judges notices past their deadline.
            """,
        subcommands: [NoticeSentCommand.self, NoticeReplyCommand.self, NoticeOutcomeCommand.self]
    )
}

/// `longarm notice sent RUNG (--target T | --case C) [--at TIME] [--via CHANNEL] [--message-id ID]`.
struct NoticeSentCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "sent",
        abstract: "Record that a rung's notice was sent; it falls due after the rung's deadline.",
        discussion: """
            The due date is the send time plus the rung's deadline from the rules (e.g. PT48H); a rung without a \
            fixed period waits LONGARM_NOTICE_DEADLINE (default 72h).
            """
    )

    @OptionGroup var notice: NoticeScopeOptions
    @Option(help: "How it was sent: email, web-form, api, post …") var via: String?
    @Option(name: .customLong("message-id"), help: "The message's identifier (Message-ID, ticket number).")
    var messageID: String?
    @OptionGroup var store: StoreOptions
    @OptionGroup var output: OutputOptions

    func run() async throws {
        try await withCLIErrors {
            try NoticeCommandSupport.record(store, json: output.json) { desk in
                try desk.recordSent(
                    notice.scope,
                    rung: notice.rung,
                    at: try notice.time(),
                    via: via,
                    messageID: messageID
                )
            }
        }
    }
}

/// `longarm notice reply RUNG (--target T | --case C) [--at TIME] [--note TEXT]`.
struct NoticeReplyCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "reply",
        abstract: "Record a reply to the newest notice of a rung."
    )

    @OptionGroup var notice: NoticeScopeOptions
    @Option(help: "What the reply said, in a line.") var note: String?
    @OptionGroup var store: StoreOptions
    @OptionGroup var output: OutputOptions

    func run() async throws {
        try await withCLIErrors {
            try NoticeCommandSupport.record(store, json: output.json) { desk in
                try desk.recordReply(notice.scope, rung: notice.rung, at: try notice.time(), note: note)
            }
        }
    }
}

/// `longarm notice outcome removed|refused|no-reply|partial RUNG (--target T | --case C) [--at TIME]`.
struct NoticeOutcomeCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "outcome",
        abstract: "Record how the newest notice of a rung ended (removed, refused, no-reply, partial); closes it."
    )

    @Argument(help: "removed, refused, no-reply or partial.") var outcome: String
    @OptionGroup var notice: NoticeScopeOptions
    @Option(help: "A line of detail.") var note: String?
    @OptionGroup var store: StoreOptions
    @OptionGroup var output: OutputOptions

    func validate() throws {
        if NoticeOutcome(rawValue: outcome) == nil {
            throw ValidationError("OUTCOME \(outcome): expected removed, refused, no-reply or partial")
        }
    }

    func run() async throws {
        try await withCLIErrors {
            try NoticeCommandSupport.record(store, json: output.json) { desk in
                try desk.recordOutcome(
                    notice.scope,
                    rung: notice.rung,
                    outcome: NoticeOutcome(rawValue: outcome) ?? .partial,
                    at: try notice.time(),
                    note: note
                )
            }
        }
    }
}

enum NoticeCommandSupport {
    /// Opens the desk, records with `action` and prints what was recorded; a desk refusal is a CLI error.
    static func record(
        _ store: StoreOptions,
        json: Bool,
        _ action: (NoticeDesk) throws -> NoticeDesk.Result
    ) throws {
        let desk = try desk(store)
        let result: NoticeDesk.Result
        do {
            result = try action(desk)
        } catch let error as WatchError {
            throw CLIError(error)
        }
        try report(result, json: json)
    }

    static func desk(_ store: StoreOptions) throws -> NoticeDesk {
        let configuration: RecheckConfiguration
        do {
            configuration = try RecheckConfiguration.fromEnvironment()
        } catch let error as WatchError {
            throw CLIError(.usage, error.description)
        }
        return NoticeDesk(store: try store.open(), defaultDeadline: configuration.defaultNoticeDeadline)
    }

    static func report(_ result: NoticeDesk.Result, json: Bool) throws {
        for line in result.skipped { printError("longarm: skipped \(line)") }
        if json {
            try JSONOutput.print(result)
            return
        }
        for notice in result.notices {
            let due = notice.dueAt.map { "due \(CustodyEntry.timestamp($0))" } ?? "no due date"
            let outcome = notice.outcome.map { ", outcome \($0)" } ?? ""
            print(
                "notice \(notice.id ?? 0): target \(notice.targetID) rung \(notice.rungStep) \(notice.role) "
                    + "\(notice.party) — \(notice.state.rawValue)\(outcome), \(due) (\(notice.deadline ?? "no deadline"))"
            )
        }
        if result.notices.isEmpty { print("no notice recorded") }
    }
}

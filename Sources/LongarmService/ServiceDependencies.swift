public import Foundation
public import Logging
public import LongarmCore
public import LongarmLetters
public import LongarmResolve
public import LongarmRules
public import LongarmStore
public import LongarmWatch

/// What the service works with: the store, the intake, the planner, the letter templates and a way to make a
/// resolver. The CLI builds the real ones; tests hand in an in-memory store and resolvers over fakes.
public struct ServiceDependencies: Sendable {
    /// The database.
    public var store: LongarmStore
    /// Canonicalises submitted URLs.
    public var intake: TargetIntake
    /// Plans notices from profiles.
    public var planner: NoticePlanner
    /// The rule book, for the letters' per-country advice.
    public var book: RuleBook?
    /// The letter templates; without them `GET /v1/cases/{id}/letters` answers 503.
    public var templates: TemplateLibrary?
    /// Makes a fresh resolver for one batch (a resolver shares lookups within its run and must not live forever).
    public var makeResolver: @Sendable () throws -> HostingResolver
    /// Runs re-checks for `POST /v1/recheck` and the scheduler; without it those answer 503 and no scheduler runs.
    public var recheck: RecheckRunner?
    /// Who the custody log names for what the service records (each stored profile's `resolve` entry).
    public var custodyActor: String
    /// The clock for creation times.
    public var now: @Sendable () -> Date
    /// Where the service logs (dotted metadata keys: `case.id`, `target.id`, `http.route`).
    public var logger: Logger

    /// Creates the dependencies.
    public init(
        store: LongarmStore,
        intake: TargetIntake,
        planner: NoticePlanner,
        book: RuleBook? = nil,
        templates: TemplateLibrary? = nil,
        makeResolver: @escaping @Sendable () throws -> HostingResolver,
        recheck: RecheckRunner? = nil,
        custodyActor: String = "longarm serve",
        now: @escaping @Sendable () -> Date = Date.init,
        logger: Logger = Logger(label: "longarm.service")
    ) {
        self.store = store
        self.intake = intake
        self.planner = planner
        self.book = book
        self.templates = templates
        self.makeResolver = makeResolver
        self.recheck = recheck
        self.custodyActor = custodyActor
        self.now = now
        self.logger = logger
    }
}

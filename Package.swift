// swift-tools-version:6.1
import PackageDescription

let package = Package(
    name: "Longarm",
    platforms: [.macOS(.v14)],
    products: [
        .executable(name: "longarm", targets: ["longarm"]),
        .library(name: "LongarmCore", targets: ["LongarmCore"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
        .package(url: "https://github.com/apple/swift-log", from: "1.16.2"),
        .package(url: "https://github.com/groue/GRDB.swift", from: "7.10.0"),
        .package(url: "https://github.com/jpsim/Yams", from: "5.0.1"),
        .package(url: "https://github.com/apple/swift-crypto", from: "3.12.3"),
        .package(url: "https://github.com/apple/swift-asn1", from: "1.7.4"),
        .package(url: "https://github.com/weichsel/ZIPFoundation", from: "0.9.20"),
        .package(url: "https://github.com/hummingbird-project/swift-mustache", from: "2.1.1"),
        .package(url: "https://github.com/hummingbird-project/hummingbird", from: "2.28.1"),
        .package(url: "https://github.com/swift-server/swift-service-lifecycle", from: "2.13.0"),
        .package(url: "https://github.com/apple/swift-nio", from: "2.101.3"),
        .package(url: "https://github.com/apple/swift-http-types", from: "1.8.0"),
    ],
    targets: [
        .target(name: "LongarmCore"),
        .target(
            name: "LongarmStore",
            dependencies: [
                "LongarmCore",
                .product(name: "GRDB", package: "GRDB.swift"),
                .product(name: "GRDBSQLite", package: "GRDB.swift"),
                .product(name: "Crypto", package: "swift-crypto"),
            ]
        ),
        .target(
            name: "LongarmRules",
            dependencies: ["LongarmCore", .product(name: "Yams", package: "Yams")]
        ),
        .target(
            name: "LongarmLetters",
            dependencies: [
                "LongarmCore", "LongarmRules",
                .product(name: "Mustache", package: "swift-mustache"),
                .product(name: "Yams", package: "Yams"),
            ]
        ),
        .target(
            name: "LongarmWorkflow",
            dependencies: [
                "LongarmCore", "LongarmStore", "LongarmNet", "LongarmResolve", "LongarmRules", "LongarmEvidence",
                "LongarmLetters", .product(name: "ZIPFoundation", package: "ZIPFoundation"),
            ]
        ),
        .target(
            name: "LongarmService",
            dependencies: [
                "LongarmWorkflow", "LongarmCore", "LongarmStore", "LongarmNet", "LongarmResolve", "LongarmRules",
                "LongarmLetters", "LongarmWatch",
                .product(name: "Hummingbird", package: "hummingbird"),
                .product(name: "HummingbirdCore", package: "hummingbird"),
                .product(name: "ServiceLifecycle", package: "swift-service-lifecycle"),
                .product(name: "UnixSignals", package: "swift-service-lifecycle"),
                .product(name: "Logging", package: "swift-log"),
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "HTTPTypes", package: "swift-http-types"),
            ]
        ),
        .target(
            name: "LongarmWatch",
            dependencies: [
                "LongarmCore", "LongarmStore", "LongarmNet", "LongarmResolve", "LongarmRules", "LongarmLetters",
                "LongarmEvidence", "LongarmWorkflow",
                .product(name: "Crypto", package: "swift-crypto"),
                .product(name: "Logging", package: "swift-log"),
            ]
        ),
        .target(
            name: "LongarmCLI",
            dependencies: [
                "LongarmWatch",
                "LongarmService",
                "LongarmWorkflow",
                "LongarmCore",
                "LongarmStore",
                "LongarmNet",
                "LongarmResolve",
                "LongarmRules",
                "LongarmEvidence",
                "LongarmLetters",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
                .product(name: "Logging", package: "swift-log"),
            ]
        ),
        .systemLibrary(name: "CGZip", path: "Sources/CGZip"),
        .target(
            name: "LongarmEvidence",
            dependencies: [
                "CGZip",
                "LongarmCore",
                "LongarmStore",
                .product(name: "Crypto", package: "swift-crypto"),
                .product(name: "SwiftASN1", package: "swift-asn1"),
                .product(name: "ZIPFoundation", package: "ZIPFoundation"),
                .product(name: "Logging", package: "swift-log"),
            ]
        ),
        .executableTarget(
            name: "longarm",
            dependencies: ["LongarmCLI"],
            // tcmalloc's per-thread caches: planning a large case allocates and frees millions of small objects
            // on several threads, and glibc's malloc cost a fifth of the processor time (docs/jurisdictions.md).
            linkerSettings: [.linkedLibrary(":libtcmalloc_minimal.so.4", .when(platforms: [.linux]))]
        ),
        .systemLibrary(name: "CMaxMindDB", providers: [.apt(["libmaxminddb-dev"])]),
        .target(
            name: "LongarmResolve",
            dependencies: [
                "LongarmCore", "LongarmNet", "CMaxMindDB",
                .product(name: "Logging", package: "swift-log"),
            ]
        ),
        .testTarget(name: "LongarmCoreTests", dependencies: ["LongarmCore"], resources: [.copy("Fixtures")]),
        .systemLibrary(name: "CCurl", providers: [.apt(["libcurl4-openssl-dev"])]),
        .target(
            name: "LongarmNet",
            dependencies: ["LongarmCore", "CCurl", .product(name: "Logging", package: "swift-log")]
        ),
        .target(name: "LongarmTestSupport", dependencies: ["LongarmNet", "LongarmCore"]),
        .testTarget(
            name: "LongarmNetTests",
            dependencies: ["LongarmNet", "LongarmCore", "LongarmTestSupport"],
            resources: [.copy("Fixtures")]
        ),
        .testTarget(
            name: "LongarmStoreTests",
            dependencies: [
                "LongarmStore", "LongarmCore", .product(name: "GRDB", package: "GRDB.swift"),
                .product(name: "Crypto", package: "swift-crypto"),
            ]
        ),
        .testTarget(
            name: "LongarmResolveTests",
            dependencies: ["LongarmResolve", "LongarmCore", "LongarmNet", "LongarmTestSupport"],
            resources: [.copy("Fixtures")]
        ),
        .testTarget(
            name: "LongarmRulesTests",
            dependencies: ["LongarmRules", "LongarmCore", "LongarmStore"],
            resources: [.copy("Fixtures")]
        ),
        .testTarget(
            name: "LongarmEvidenceTests",
            dependencies: [
                "LongarmEvidence", "LongarmCore", "LongarmStore", "LongarmNet",
                .product(name: "Crypto", package: "swift-crypto"),
                .product(name: "GRDB", package: "GRDB.swift"),
                .product(name: "ZIPFoundation", package: "ZIPFoundation"),
            ]
        ),
        .testTarget(
            name: "LongarmCLITests",
            dependencies: [
                "LongarmCore", "LongarmStore", "LongarmCLI", "LongarmTestSupport", "LongarmNet",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
                "LongarmResolve",
            ]
        ),
        // `plan URL` against the local internet, in a process of its own: Foundation's `Process` on Linux can miss
        // the exit of a child `longarm` (LongarmCLITests' end-to-end runs) while the local internet's servers run.
        .testTarget(
            name: "LongarmPlanCommandTests",
            dependencies: [
                "LongarmCLI", "LongarmCore", "LongarmStore", "LongarmTestSupport",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
        ),
        .testTarget(
            name: "LongarmWorkflowTests",
            dependencies: [
                "LongarmWorkflow", "LongarmCore", "LongarmStore", "LongarmRules", "LongarmLetters", "LongarmEvidence",
                .product(name: "Crypto", package: "swift-crypto"),
            ]
        ),
        .testTarget(
            name: "LongarmServiceTests",
            dependencies: [
                "LongarmService", "LongarmCore", "LongarmStore", "LongarmRules", "LongarmResolve", "LongarmLetters",
                "LongarmWorkflow", "LongarmWatch", "LongarmTestSupport",
                .product(name: "Hummingbird", package: "hummingbird"),
                .product(name: "HummingbirdTesting", package: "hummingbird"),
                .product(name: "ServiceLifecycle", package: "swift-service-lifecycle"),
                .product(name: "ServiceLifecycleTestKit", package: "swift-service-lifecycle"),
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "HTTPTypes", package: "swift-http-types"),
                "LongarmNet",
                .product(name: "Logging", package: "swift-log"),
                .product(name: "Yams", package: "Yams"),
            ]
        ),
        .testTarget(
            name: "LongarmWatchTests",
            dependencies: [
                "LongarmWatch", "LongarmCore", "LongarmStore", "LongarmNet", "LongarmResolve", "LongarmRules",
                "LongarmLetters", "LongarmWorkflow", "LongarmEvidence", "LongarmTestSupport",
                .product(name: "Crypto", package: "swift-crypto"),
            ]
        ),
        .testTarget(
            name: "LongarmLettersTests",
            dependencies: ["LongarmLetters", "LongarmRules", "LongarmCore", "LongarmStore"],
            resources: [.copy("Fixtures")]
        ),
    ]
)

for target in package.targets where [.executable, .test, .regular].contains(target.type) {
    var settings = target.swiftSettings ?? []
    settings.append(.enableUpcomingFeature("ExistentialAny"))
    settings.append(.enableUpcomingFeature("MemberImportVisibility"))
    settings.append(.enableUpcomingFeature("InternalImportsByDefault"))
    // CI (`make test` with LONGARM_STRICT=1) treats our own warnings as errors; dependencies are unaffected.
    if Context.environment["LONGARM_STRICT"] == "1" {
        settings.append(.unsafeFlags(["-warnings-as-errors"]))
    }
    target.swiftSettings = settings
}

import Foundation

/// The built `longarm` executable, run as a user would run it.
///
/// Test targets cannot depend on an executable reliably on Linux, so the binary is looked up next to the test bundle
/// (`.build/<config>/`) and then under the repository's `.build/debug/`. `make test` builds it first
/// (`swift build --build-tests` builds every product).
enum LongarmBinary {
    struct Run {
        let status: Int32
        let stdout: String
        let stderr: String
    }

    struct Missing: Error, CustomStringConvertible {
        let searched: [String]
        var description: String {
            "the longarm binary is not built (looked at \(searched.joined(separator: ", "))); run `swift build` first"
        }
    }

    static func locate() throws -> URL {
        var candidates: [URL] = []
        if let bundle = Bundle.main.executableURL {
            candidates.append(bundle.deletingLastPathComponent().appendingPathComponent("longarm"))
        }
        for bundle in Bundle.allBundles where bundle.bundlePath.hasSuffix(".xctest") {
            candidates.append(
                URL(fileURLWithPath: bundle.bundlePath).deletingLastPathComponent().appendingPathComponent("longarm")
            )
        }
        let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().deletingLastPathComponent()
        candidates.append(root.appendingPathComponent(".build/debug/longarm"))
        for candidate in candidates where FileManager.default.isExecutableFile(atPath: candidate.path) {
            return candidate
        }
        throw Missing(searched: candidates.map(\.path))
    }

    /// Runs `longarm` with `arguments`, without any LONGARM_* variable of the caller's environment.
    static func run(_ arguments: [String]) throws -> Run {
        try run(arguments, environment: [:])
    }

    /// Runs `longarm` with `arguments` and `environment` added to the caller's (minus its LONGARM_* variables).
    static func run(_ arguments: [String], environment: [String: String]) throws -> Run {
        let process = Process()
        process.executableURL = try locate()
        process.arguments = arguments
        process.environment = ProcessInfo.processInfo.environment.filter { !$0.key.hasPrefix("LONGARM_") }
            .merging(environment) { $1 }
        let folder = FileManager.default.temporaryDirectory
        let outFile = folder.appendingPathComponent("longarm-out-\(UUID().uuidString)")
        let errFile = folder.appendingPathComponent("longarm-err-\(UUID().uuidString)")
        _ = FileManager.default.createFile(atPath: outFile.path, contents: nil)
        _ = FileManager.default.createFile(atPath: errFile.path, contents: nil)
        defer {
            try? FileManager.default.removeItem(at: outFile)
            try? FileManager.default.removeItem(at: errFile)
        }
        let out = try FileHandle(forWritingTo: outFile)
        let err = try FileHandle(forWritingTo: errFile)
        process.standardOutput = out
        process.standardError = err
        process.standardInput = FileHandle.nullDevice
        try process.run()
        try out.close()
        try err.close()
        let status = reap(process)
        return Run(
            status: status,
            stdout: try String(contentsOf: outFile, encoding: .utf8),
            stderr: try String(contentsOf: errFile, encoding: .utf8)
        )
    }

    /// Waits for `process` with waitpid: Foundation's waitUntilExit can wait forever on Linux once another child
    /// (the local internet's servers) inherited a descriptor. Returns the exit status, or 128 + the signal.
    static func reap(_ process: Process, block: Bool = true) -> Int32 {
        var status: Int32 = 0
        var reaped = waitpid(process.processIdentifier, &status, block ? 0 : WNOHANG)
        while reaped == -1 && errno == EINTR {
            reaped = waitpid(process.processIdentifier, &status, block ? 0 : WNOHANG)
        }
        if reaped == 0 { return -1 }
        if reaped == -1 {
            process.waitUntilExit()
            return process.terminationStatus
        }
        return (status & 0x7F) == 0 ? (status >> 8) & 0xFF : 128 + (status & 0x7F)
    }

    /// Starts `longarm` without waiting, so that a test can kill it; stdout goes to `output` (else nowhere).
    static func start(_ arguments: [String], environment: [String: String], output: URL? = nil) throws -> Process {
        let process = Process()
        process.executableURL = try locate()
        process.arguments = arguments
        process.environment = ProcessInfo.processInfo.environment.filter { !$0.key.hasPrefix("LONGARM_") }
            .merging(environment) { $1 }
        if let output {
            _ = FileManager.default.createFile(atPath: output.path, contents: nil)
            process.standardOutput = try FileHandle(forWritingTo: output)
        } else {
            process.standardOutput = FileHandle.nullDevice
        }
        process.standardError = FileHandle.nullDevice
        process.standardInput = FileHandle.nullDevice
        try process.run()
        return process
    }

    /// Parses one JSON object printed on stdout.
    static func json(_ text: String) throws -> [String: Any] {
        let object = try JSONSerialization.jsonObject(with: Data(text.utf8))
        guard let dictionary = object as? [String: Any] else {
            throw CocoaError(.coderReadCorrupt)
        }
        return dictionary
    }
}

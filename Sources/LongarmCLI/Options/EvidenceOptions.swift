import ArgumentParser
import Foundation

/// `--evidence-dir DIR` (or `LONGARM_EVIDENCE_DIR`): where evidence bytes live; default the database's folder.
struct EvidenceStorageOptions: ParsableArguments {
    @Option(
        name: .customLong("evidence-dir"),
        help: "Evidence folder (env LONGARM_EVIDENCE_DIR; default: the database's folder)."
    )
    var data: String?

    /// The folder chosen by flag, then environment, then beside the database.
    func resolved(store: StoreOptions) -> URL {
        if let data { return URL(fileURLWithPath: data) }
        if let env = ProcessInfo.processInfo.environment["LONGARM_EVIDENCE_DIR"], !env.isEmpty {
            return URL(fileURLWithPath: env)
        }
        return URL(fileURLWithPath: store.resolvedPath).deletingLastPathComponent()
    }
}

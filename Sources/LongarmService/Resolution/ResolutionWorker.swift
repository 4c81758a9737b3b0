import Logging
import LongarmCore
import LongarmStore
public import ServiceLifecycle

/// The background service that resolves and plans queued targets.
///
/// It takes targets without a profile from the store in batches, oldest first. When there are none it sleeps until
/// a submission rings the queue's bell or the poll interval passes (a `longarm submit --no-resolve` from another
/// process rings no bell). On graceful shutdown it stops taking batches and lets the one in hand finish; anything
/// not resolved stays queued in the database for the next start.
public struct ResolutionWorker: Service {
    let pipeline: ResolutionPipeline
    let batchSize: Int
    let pollInterval: Duration

    init(pipeline: ResolutionPipeline, batchSize: Int, pollInterval: Duration) {
        self.pipeline = pipeline
        self.batchSize = batchSize
        self.pollInterval = pollInterval
    }

    public func run() async throws {
        let queue = pipeline.queue
        let logger = pipeline.dependencies.logger
        logger.debug("resolution worker started", metadata: ["worker.batch": "\(batchSize)"])
        while !Task.isCancelled && !Task.isShuttingDownGracefully {
            var batch: [Target] = []
            do {
                batch = try pipeline.dependencies.store.unresolvedTargets(limit: batchSize, excluding: queue.inFlight)
            } catch {
                logger.error("cannot read the resolution queue", metadata: ["error": "\(error)"])
            }
            if batch.isEmpty {
                let interval = pollInterval
                await cancelWhenGracefulShutdown { await queue.signal.wait(atMost: interval) }
                continue
            }
            do {
                let count = try await pipeline.run(batch)
                logger.info("resolved queued targets", metadata: ["target.count": "\(count)"])
            } catch {
                logger.error(
                    "resolution failed; the targets stay queued",
                    metadata: ["error": "\(error)", "target.count": "\(batch.count)"]
                )
                let interval = pollInterval
                await cancelWhenGracefulShutdown { await queue.signal.wait(atMost: interval) }
            }
        }
        logger.debug("resolution worker stopped")
    }
}

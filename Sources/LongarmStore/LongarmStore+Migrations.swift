import GRDB
import LongarmCore

extension LongarmStore {
    /// The schema's history. Never edit a shipped migration: add a new one.
    static var migrator: DatabaseMigrator {
        var migrator = DatabaseMigrator()
        migrator.registerMigration("v1-cases-targets") { db in
            try db.create(table: "case") { t in
                t.autoIncrementedPrimaryKey("id")
                t.column("holder", .text).notNull()
                t.column("kind", .text).notNull()
                t.column("holderCountry", .text)
                t.column("title", .text)
                t.column("work", .text)
                t.column("createdAt", .datetime).notNull()
            }
            try db.create(table: "target") { t in
                t.autoIncrementedPrimaryKey("id")
                t.belongsTo("case", onDelete: .cascade).notNull()
                t.column("submittedURL", .text).notNull()
                t.column("canonicalURL", .text).notNull()
                t.column("host", .text).notNull()
                t.column("registrableDomain", .text)
                t.column("kind", .text)
                t.column("note", .text)
                t.column("createdAt", .datetime).notNull()
                t.uniqueKey(["caseId", "canonicalURL"])
            }
            try db.create(index: "target_on_host", on: "target", columns: ["host"])
        }
        migrator.registerMigration("v2-profiles") { db in
            // One row per resolution of a target; the newest is current, older ones are history.
            try db.create(table: "profile") { t in
                t.autoIncrementedPrimaryKey("id")
                t.belongsTo("target", onDelete: .cascade).notNull()
                t.column("json", .blob).notNull()
                t.column("resolvedAt", .datetime).notNull()
            }
            try db.create(index: "profile_on_target_time", on: "profile", columns: ["targetId", "resolvedAt"])
        }
        migrator.registerMigration("v3-plans") { db in
            // One row per planning of a target, tied to the profile row it was planned from.
            try db.create(table: "plan") { t in
                t.autoIncrementedPrimaryKey("id")
                t.belongsTo("target", onDelete: .cascade).notNull()
                t.belongsTo("profile", onDelete: .cascade).notNull()
                t.column("json", .blob).notNull()
                t.column("createdAt", .datetime).notNull()
            }
            try db.create(index: "plan_on_target_time", on: "plan", columns: ["targetId", "createdAt"])
        }
        migrator.registerMigration("v4-evidence") { db in
            try db.create(table: "evidence_capture") { t in
                t.autoIncrementedPrimaryKey("id")
                t.belongsTo("case", onDelete: .restrict).notNull()
                t.column("targetId", .integer)
                t.column("url", .text).notNull()
                t.column("finalURL", .text).notNull()
                t.column("capturedAt", .text).notNull()
                t.column("warcFile", .text).notNull()
                t.column("warcSHA256", .text).notNull()
                t.column("json", .blob).notNull()
            }
            try db.create(table: "evidence_exchange") { t in
                t.belongsTo("evidence_capture", onDelete: .restrict).notNull()
                t.column("ordinal", .integer).notNull()
                t.column("url", .text).notNull()
                t.column("status", .integer).notNull()
                t.column("primaryIP", .text)
                t.column("primaryPort", .integer)
                t.column("bodySHA256", .text).notNull()
                t.column("bodySize", .integer).notNull()
                t.column("bodyTruncated", .boolean).notNull()
                t.primaryKey(["evidence_captureId", "ordinal"])
            }
            try db.create(table: "evidence_object") { t in
                t.primaryKey("sha256", .text)
                t.column("size", .integer).notNull()
                t.column("storedAt", .text).notNull()
            }
            // The chain of custody: UNIQUE(prev) made a fork impossible even if two writers raced (v9 replaces it
            // with a trigger that admits only the next link).
            try db.create(table: "custody") { t in
                t.primaryKey("seq", .integer)
                t.column("time", .text).notNull()
                t.column("actor", .text).notNull()
                t.column("action", .text).notNull()
                t.column("object", .text).notNull()
                t.column("digest", .text).notNull()
                t.column("prev", .text).notNull().unique()
                t.column("hash", .text).notNull().unique()
            }
            try db.create(table: "evidence_timestamp") { t in
                t.autoIncrementedPrimaryKey("id")
                t.belongsTo("case", onDelete: .restrict).notNull()
                t.column("subject", .text).notNull()
                t.column("digest", .text).notNull()
                t.column("tsaURL", .text).notNull()
                t.column("response", .blob).notNull()
                t.column("requestedAt", .text).notNull()
            }
        }
        migrator.registerMigration("v5-sender") { db in
            // Who signs the letters and what the holder can supply; all optional, filled by `case set`.
            try db.execute(sql: #"ALTER TABLE "case" ADD COLUMN senderName TEXT"#)
            try db.execute(sql: #"ALTER TABLE "case" ADD COLUMN senderEmail TEXT"#)
            try db.execute(sql: #"ALTER TABLE "case" ADD COLUMN senderAddress TEXT"#)
            try db.execute(sql: #"ALTER TABLE "case" ADD COLUMN senderPhone TEXT"#)
            try db.execute(sql: #"ALTER TABLE "case" ADD COLUMN signature TEXT"#)
            try db.execute(sql: #"ALTER TABLE "case" ADD COLUMN representedBy TEXT"#)
            try db.execute(sql: #"ALTER TABLE "case" ADD COLUMN addressForService TEXT"#)
            try db.execute(sql: #"ALTER TABLE "case" ADD COLUMN ownsWork BOOLEAN"#)
            try db.execute(sql: #"ALTER TABLE "case" ADD COLUMN facts TEXT"#)
            try db.execute(sql: #"ALTER TABLE "case" ADD COLUMN proofOfRights TEXT"#)
            try db.execute(sql: #"ALTER TABLE "case" ADD COLUMN identityDocuments TEXT"#)
            try db.execute(sql: #"ALTER TABLE "case" ADD COLUMN indemnity BOOLEAN"#)
            try db.execute(sql: #"ALTER TABLE "case" ADD COLUMN undertakingToSue BOOLEAN"#)
            try db.execute(sql: #"ALTER TABLE "case" ADD COLUMN disclosureConsent BOOLEAN"#)
            try db.execute(sql: #"ALTER TABLE "case" ADD COLUMN language TEXT"#)
        }
        migrator.registerMigration("v6-letters") { db in
            // One row per written letter file, tied to the plan rung it serves, with the file's digest.
            try db.create(table: "letter") { t in
                t.autoIncrementedPrimaryKey("id")
                t.belongsTo("case", onDelete: .cascade).notNull()
                t.belongsTo("target", onDelete: .cascade).notNull()
                t.belongsTo("plan", onDelete: .setNull)
                t.column("rungStep", .integer).notNull()
                t.column("party", .text).notNull()
                t.column("channel", .text).notNull()
                t.column("language", .text).notNull()
                t.column("format", .text).notNull()
                t.column("path", .text).notNull()
                t.column("sha256", .text).notNull()
                t.column("draft", .boolean).notNull()
                t.column("createdAt", .datetime).notNull()
            }
            try db.create(index: "letter_on_case", on: "letter", columns: ["caseId", "createdAt"])
        }
        // v7 (re-checks, notices, follow-ups) lives beside the code that uses it.
        registerWatchMigration(&migrator)
        migrator.registerMigration("v8-plan-fragments") { db in
            // Plans of format 4 keep only what belongs to their target and name the rule-derived parts, stored
            // once here, by the SHA-256 of their JSON; rows written before keep format 3 (the whole plan).
            try db.execute(sql: "ALTER TABLE plan ADD COLUMN format INTEGER NOT NULL DEFAULT 3")
            try db.create(table: "plan_fragment", options: .withoutRowID) { t in
                t.primaryKey("sha256", .text)
                t.column("json", .blob).notNull()
            }
        }
        migrator.registerMigration("v9-lighter-write-indexes") { db in
            // UNIQUE(prev) and UNIQUE(hash) kept two indexes of random SHA-256 keys: every custody append dirtied a
            // random page of each, and storing 100,000 plans rewrote most of both indexes once per batch. A trigger
            // now refuses any entry that does not follow its predecessor (see custodyLinkTrigger): with the primary
            // key on seq, that is a stronger guard against a fork, and it reads one row.
            try db.execute(
                sql: """
                    CREATE TABLE custody_linked (
                        seq INTEGER PRIMARY KEY, time TEXT NOT NULL, actor TEXT NOT NULL, action TEXT NOT NULL,
                        object TEXT NOT NULL, digest TEXT NOT NULL, prev TEXT NOT NULL, hash TEXT NOT NULL);
                    INSERT INTO custody_linked SELECT seq, time, actor, action, object, digest, prev, hash FROM custody;
                    DROP TABLE custody;
                    ALTER TABLE custody_linked RENAME TO custody;
                    \(Self.custodyLinkTrigger)
                    """
            )
            // plan_on_target_time (targetId, createdAt) serves every lookup by target; the single-column index
            // GRDB made for the foreign key only cost a third index insert per stored plan.
            try db.execute(sql: "DROP INDEX IF EXISTS plan_on_targetId")
        }
        return migrator
    }

    /// Refuses a custody entry unless its `prev` is the hash of the entry numbered one less (the genesis value for
    /// entry 1). With `seq` the primary key, no two entries can claim the same predecessor, so the log stays one
    /// unbroken chain: no fork, no gap, no entry without an explicit number.
    static let custodyLinkTrigger = """
        CREATE TRIGGER custody_links_to_last BEFORE INSERT ON custody
        WHEN NEW.prev IS NOT coalesce(
            (SELECT hash FROM custody WHERE seq = NEW.seq - 1),
            CASE WHEN NEW.seq = 1 THEN '\(CustodyEntry.genesisPrev)' END)
        BEGIN
            SELECT RAISE(ABORT, 'custody entry does not follow its predecessor in the chain');
        END;
        """
}

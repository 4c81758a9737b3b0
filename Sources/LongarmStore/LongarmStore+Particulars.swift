import Foundation
import GRDB
public import LongarmCore

extension LongarmStore {
    /// Replaces a case's holder, kind, country, title, work and letter particulars; throws if the case is unknown.
    @discardableResult
    public func updateCase(_ caseFile: CaseFile) throws -> CaseFile {
        guard let id = caseFile.id else { throw StoreError.inconsistent("cannot update a case that was never stored") }
        return try writer.write { db in
            try db.execute(
                sql: #"""
                    UPDATE "case" SET holder = ?, kind = ?, holderCountry = ?, title = ?, work = ? WHERE id = ?
                    """#,
                arguments: [
                    caseFile.holder, caseFile.kind.rawValue, caseFile.holderCountry?.rawValue, caseFile.title,
                    caseFile.work, id,
                ]
            )
            guard db.changesCount == 1 else { throw StoreError.inconsistent("case \(id) does not exist") }
            try Self.writeParticulars(caseFile.particulars, caseID: id, db: db)
            return caseFile
        }
    }

    static func writeParticulars(_ particulars: LetterParticulars, caseID: Int64, db: Database) throws {
        try db.execute(
            sql: #"""
                UPDATE "case" SET senderName = ?, senderEmail = ?, senderAddress = ?, senderPhone = ?, signature = ?,
                    representedBy = ?, addressForService = ?, ownsWork = ?, facts = ?, proofOfRights = ?,
                    identityDocuments = ?, indemnity = ?, undertakingToSue = ?, disclosureConsent = ?, language = ?
                WHERE id = ?
                """#,
            arguments: [
                particulars.senderName, particulars.senderEmail, particulars.senderAddress, particulars.senderPhone,
                particulars.signature, particulars.representedBy, particulars.addressForService,
                particulars.ownsWork, particulars.facts, particulars.proofOfRights, particulars.identityDocuments,
                particulars.indemnity, particulars.undertakingToSue, particulars.disclosureConsent,
                particulars.language, caseID,
            ]
        )
    }
}

extension LetterParticulars {
    init(row: Row) {
        self.init(
            senderName: row["senderName"],
            senderEmail: row["senderEmail"],
            senderAddress: row["senderAddress"],
            senderPhone: row["senderPhone"],
            signature: row["signature"],
            representedBy: row["representedBy"],
            addressForService: row["addressForService"],
            ownsWork: row["ownsWork"],
            facts: row["facts"],
            proofOfRights: row["proofOfRights"],
            identityDocuments: row["identityDocuments"],
            indemnity: row["indemnity"],
            undertakingToSue: row["undertakingToSue"],
            disclosureConsent: row["disclosureConsent"],
            language: row["language"]
        )
    }
}

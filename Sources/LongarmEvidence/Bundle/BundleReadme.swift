/// The README.txt of a bundle: how a third party checks it with standard tools.
enum BundleReadme {
    static func text(caseID: Int64, toolVersion: String) -> String {
        """
        Evidence bundle for case \(caseID), written by \(toolVersion).

        WHAT IS HERE
          manifest.json   every file of the bundle with its SHA-256, the captures (URL, time, server
                          address and port, TLS certificate chain, DNS answers, HTTP status), every body
                          with the WARC record that holds it, and the custody-log head.
          warc/*.warc[.gz]  the exchanges as WARC 1.1 records (request, response, metadata).
          custody.jsonl   the chain-of-custody log, one JSON object a line; each "prev" is the SHA-256 of
                          the line before (without its newline); the first "prev" is 64 zeros.
          profiles/       hosting profiles (who hosts the content) at export time, when resolved.
          timestamps/     RFC 3161 time-stamp tokens over WARC files, when requested.
          manifest.tsr    an RFC 3161 time-stamp token over manifest.json, when requested.
          SHA256SUMS      SHA-256 of every file above.

        Pages were fetched statically: no script was executed.

        HOW TO VERIFY (no Longarm needed)
          1. Every file is unchanged since export:
                 sha256sum -c SHA256SUMS
          2. The WARC records are well-formed and their digests match:
                 pip install warcio && warcio check -v warc/*
          3. The custody chain is unbroken (each line's "prev" equals the SHA-256 of the line before):
                 prev=0000000000000000000000000000000000000000000000000000000000000000
                 while IFS= read -r line; do
                   echo "$line" | grep -q "\\"prev\\":\\"$prev\\"" || echo "BROKEN: $line"
                   prev=$(printf '%s' "$line" | sha256sum | cut -d' ' -f1)
                 done < custody.jsonl
             The last hash printed by this loop must equal "custody.head" in manifest.json.
          4. If manifest.tsr is present, the manifest existed at the time the authority signed
             (CA file: the authority's certificate chain):
                 openssl ts -reply -in manifest.tsr -text
                 openssl ts -verify -data manifest.json -in manifest.tsr -CAfile tsa-ca.pem
          5. A body's digest in manifest.json equals the SHA-256 of the payload of its WARC
             response record: warcio extract --payload warc/FILE OFFSET | sha256sum
             (offsets: warcio index -f offset,warc-record-id warc/FILE).
          6. A plan in records/plan.json: the SHA-256 of its "json" text (UTF-8) equals the "digest" of
             the custody line whose "object" is "plan:" and the plan's id. Each row of
             records/plan_fragment.json (parts shared by many plans, named from the plans by digest):
             the SHA-256 of its "json" equals its "sha256".

        Or, with Longarm:  longarm evidence verify THIS-FOLDER-OR-ZIP
        """
    }
}

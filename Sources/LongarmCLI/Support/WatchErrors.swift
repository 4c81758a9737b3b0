import LongarmWatch

extension CLIError {
    /// The CLI's form of a re-check or notice error: bad input and unknown names exit 65, the rest 1.
    init(_ error: WatchError) {
        let status: Status = error.code == .failure ? .failure : .badInput
        self.init(status, error.description)
    }
}

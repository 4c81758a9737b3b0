extension Duration {
    /// The duration in seconds, as a floating-point number (timeouts, rates, benchmark figures).
    package var seconds: Double {
        let (seconds, attoseconds) = components
        return Double(seconds) + Double(attoseconds) / 1e18
    }
}

import LongarmCore

/// One blocking question-and-answer with a DNS server, over UDP or TCP; runs on ``BlockingPool`` threads.
enum DNSExchange {
    /// The largest TCP answer accepted (the 16-bit length prefix allows no more).
    static let maxTCPBytes = 65535

    /// Sends the question over UDP and waits for a datagram that answers it.
    static func udp(
        name: String,
        type: DNSRecordType,
        address: IPAddress,
        port: Int,
        timeout: Duration
    ) throws
        -> DNSMessage
    {
        let deadline = ContinuousClock.now + timeout
        let id = UInt16.random(in: 0...UInt16.max)
        let query = try DNSMessage.query(id: id, name: name, type: type)
        let socket = try POSIXSocket.connect(to: address, port: port, stream: false, deadline: deadline)
        try socket.send(query, until: deadline)
        while true {
            let datagram = try socket.receive(maxBytes: 4096, until: deadline)
            // A datagram that does not answer this question (late, spoofed, garbled) is dropped, not trusted.
            if let message = try? DNSMessage(decoding: datagram), answers(message, id: id, name: name, type: type) {
                return message
            }
        }
    }

    /// Asks over TCP with the two-byte length prefix; the answer is bounded by ``maxTCPBytes``.
    static func tcp(
        name: String,
        type: DNSRecordType,
        address: IPAddress,
        port: Int,
        timeout: Duration
    ) throws
        -> DNSMessage
    {
        let deadline = ContinuousClock.now + timeout
        let id = UInt16.random(in: 0...UInt16.max)
        let query = try DNSMessage.query(id: id, name: name, type: type)
        let socket = try POSIXSocket.connect(to: address, port: port, stream: true, deadline: deadline)
        try socket.send([UInt8(query.count >> 8), UInt8(query.count & 0xFF)] + query, until: deadline)
        let prefix = try socket.receiveExactly(2, until: deadline)
        let length = Int(prefix[0]) << 8 | Int(prefix[1])
        guard length <= maxTCPBytes else {
            throw NetError(.responseTooLarge, "DNS \(name) over TCP from \(socket.peer): \(length) bytes")
        }
        let message = try DNSMessage(decoding: try socket.receiveExactly(length, until: deadline))
        guard answers(message, id: id, name: name, type: type) else {
            throw NetError(.malformedResponse, "DNS \(name) over TCP from \(socket.peer): answer to another question")
        }
        return message
    }

    /// Whether `message` is the response to the query `id` for `name`/`type`.
    static func answers(_ message: DNSMessage, id: UInt16, name: String, type: DNSRecordType) -> Bool {
        guard message.id == id, message.isResponse, message.opcode == 0, message.questions.count == 1 else {
            return false
        }
        let question = message.questions[0]
        return question.name == name && question.type == type.rawValue && question.recordClass == 1
    }
}

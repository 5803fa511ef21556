/// Encodes any `Encodable` result into a ``JSONValue``: keys in the order
/// the type encodes them (declaration order for synthesised conformances),
/// absent optionals left out (as `JSONEncoder` does; a type that wants an
/// explicit `null` encodes it), and non-finite numbers refused (DxKit never
/// prints `nan` or `inf`).
///
/// ```swift
/// let interval = try Proportion(successes: 42, trials: 48).interval(method: .wilson)
/// let json = try JSONValueEncoder.encode(interval).serialized()
/// json.hasPrefix(#"{"estimate":0.875,"lower":0.7529954171361317,"upper":"#)   // true
/// ```
public enum JSONValueEncoder {
    /// A non-finite number reached the encoder: a bug, reported rather than printed.
    public struct NonFiniteNumber: Error, CustomStringConvertible {
        public let path: String
        public var description: String { "a non-finite number at \(path) cannot be written as JSON" }
    }

    public static func encode<Value: Encodable>(_ value: Value) throws -> JSONValue {
        let storage = Storage()
        try value.encode(to: ValueEncoder(storage: storage, codingPath: []))
        return storage.resolved
    }

    /// The JSON of a DxKit result. Results hold finite numbers by
    /// construction (limits that no number states are typed `ExtendedValue`s,
    /// written as `null`), so encoding them cannot fail; a failure would be a
    /// bug in DxKit, not bad input.
    public static func value<Value: Encodable>(of result: Value) -> JSONValue {
        do { return try encode(result) } catch { preconditionFailure("a DxKit result always encodes: \(error)") }
    }
}

/// A slot that an encoder fills with its value.
private final class Storage {
    var value: JSONValue?
    var members: [(String, Storage)]?
    var elements: [Storage]?

    var resolved: JSONValue {
        if let members { return .object(members.map { ($0.0, $0.1.resolved) }) }
        if let elements { return .array(elements.map(\.resolved)) }
        return value ?? .null
    }
}

private struct ValueEncoder: Encoder {
    let storage: Storage
    let codingPath: [any CodingKey]
    var userInfo: [CodingUserInfoKey: Any] { [:] }

    func container<Key: CodingKey>(keyedBy type: Key.Type) -> KeyedEncodingContainer<Key> {
        if storage.members == nil { storage.members = [] }
        return KeyedEncodingContainer(KeyedContainer<Key>(storage: storage, codingPath: codingPath, root: self))
    }

    func unkeyedContainer() -> any UnkeyedEncodingContainer {
        if storage.elements == nil { storage.elements = [] }
        return UnkeyedContainer(storage: storage, codingPath: codingPath)
    }

    func singleValueContainer() -> any SingleValueEncodingContainer {
        SingleContainer(storage: storage, codingPath: codingPath)
    }
}

private func number(_ value: Double, _ codingPath: [any CodingKey]) throws -> JSONValue {
    guard value.isFinite else {
        throw JSONValueEncoder.NonFiniteNumber(path: codingPath.map(\.stringValue).joined(separator: "."))
    }
    return .number(value == 0 ? 0 : value)
}

private struct SingleContainer: SingleValueEncodingContainer {
    let storage: Storage
    let codingPath: [any CodingKey]

    mutating func encodeNil() throws { storage.value = .null }
    mutating func encode(_ value: Bool) throws { storage.value = .bool(value) }
    mutating func encode(_ value: String) throws { storage.value = .string(value) }
    mutating func encode(_ value: Double) throws { storage.value = try number(value, codingPath) }
    mutating func encode(_ value: Float) throws { storage.value = try number(Double(value), codingPath) }
    mutating func encode(_ value: Int) throws { storage.value = .integer(value) }
    mutating func encode(_ value: Int8) throws { storage.value = .integer(Int(value)) }
    mutating func encode(_ value: Int16) throws { storage.value = .integer(Int(value)) }
    mutating func encode(_ value: Int32) throws { storage.value = .integer(Int(value)) }
    mutating func encode(_ value: Int64) throws { storage.value = .integer(Int(value)) }
    mutating func encode(_ value: UInt) throws { storage.value = .number(Double(value)) }
    mutating func encode(_ value: UInt8) throws { storage.value = .integer(Int(value)) }
    mutating func encode(_ value: UInt16) throws { storage.value = .integer(Int(value)) }
    mutating func encode(_ value: UInt32) throws { storage.value = .integer(Int(value)) }
    mutating func encode(_ value: UInt64) throws {
        storage.value = value <= UInt64(Int.max) ? .integer(Int(value)) : .string(String(value))
    }
    mutating func encode<T: Encodable>(_ value: T) throws {
        try value.encode(to: ValueEncoder(storage: storage, codingPath: codingPath))
    }
}

private struct KeyedContainer<Key: CodingKey>: KeyedEncodingContainerProtocol {
    let storage: Storage
    let codingPath: [any CodingKey]
    let root: ValueEncoder

    private func slot(_ key: Key) -> Storage {
        if let existing = storage.members?.first(where: { $0.0 == key.stringValue }) { return existing.1 }
        let slot = Storage()
        storage.members?.append((key.stringValue, slot))
        return slot
    }

    mutating func encodeNil(forKey key: Key) throws { slot(key).value = .null }
    mutating func encode<T: Encodable>(_ value: T, forKey key: Key) throws {
        try value.encode(to: ValueEncoder(storage: slot(key), codingPath: codingPath + [key]))
    }
    mutating func nestedContainer<NestedKey: CodingKey>(keyedBy keyType: NestedKey.Type, forKey key: Key) -> KeyedEncodingContainer<NestedKey> {
        ValueEncoder(storage: slot(key), codingPath: codingPath + [key]).container(keyedBy: keyType)
    }
    mutating func nestedUnkeyedContainer(forKey key: Key) -> any UnkeyedEncodingContainer {
        ValueEncoder(storage: slot(key), codingPath: codingPath + [key]).unkeyedContainer()
    }
    mutating func superEncoder() -> any Encoder { root }
    mutating func superEncoder(forKey key: Key) -> any Encoder { ValueEncoder(storage: slot(key), codingPath: codingPath + [key]) }
}

private struct IndexKey: CodingKey {
    let intValue: Int?
    var stringValue: String { intValue.map(String.init) ?? "" }
    init(_ index: Int) { intValue = index }
    init?(stringValue: String) { nil }
    init?(intValue: Int) { self.intValue = intValue }
}

private struct UnkeyedContainer: UnkeyedEncodingContainer {
    let storage: Storage
    let codingPath: [any CodingKey]
    var count: Int { storage.elements?.count ?? 0 }

    private func next() -> (Storage, [any CodingKey]) {
        let slot = Storage()
        let path = codingPath + [IndexKey(count)]
        storage.elements?.append(slot)
        return (slot, path)
    }

    mutating func encodeNil() throws { next().0.value = .null }
    mutating func encode<T: Encodable>(_ value: T) throws {
        let (slot, path) = next()
        try value.encode(to: ValueEncoder(storage: slot, codingPath: path))
    }
    mutating func nestedContainer<NestedKey: CodingKey>(keyedBy keyType: NestedKey.Type) -> KeyedEncodingContainer<NestedKey> {
        let (slot, path) = next()
        return ValueEncoder(storage: slot, codingPath: path).container(keyedBy: keyType)
    }
    mutating func nestedUnkeyedContainer() -> any UnkeyedEncodingContainer {
        let (slot, path) = next()
        return ValueEncoder(storage: slot, codingPath: path).unkeyedContainer()
    }
    mutating func superEncoder() -> any Encoder {
        let (slot, path) = next()
        return ValueEncoder(storage: slot, codingPath: path)
    }
}

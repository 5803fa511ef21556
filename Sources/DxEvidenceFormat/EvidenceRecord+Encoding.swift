/// Records encode with the keys they are read with (`Evidence/schema.json`),
/// absent fields left out; `file` names the file the record came from.
extension EvidenceRecord: Encodable {
    private enum EncodingKeys: String, CodingKey {
        case id, kind, title, claim, verification, citations, caveats
        case targetCondition, condition
        case target, indexTest, referenceStandard, population, counts, reported, derivedFields
        case setting, probability, events, total, range, isDefault
        case organisation, statement, strength, ratings
        case numbers, relatedRecords, seedStatement
        case file
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: EncodingKeys.self)
        try container.encode(id, forKey: .id)
        try container.encode(kind, forKey: .kind)
        try container.encode(title, forKey: .title)
        try container.encode(claim, forKey: .claim)
        try container.encode(verification, forKey: .verification)
        try container.encode(citations, forKey: .citations)
        try container.encode(caveats, forKey: .caveats)
        try container.encodeIfPresent(targetCondition, forKey: .targetCondition)
        try container.encodeIfPresent(condition, forKey: .condition)
        try container.encodeIfPresent(target, forKey: .target)
        try container.encodeIfPresent(indexTest, forKey: .indexTest)
        try container.encodeIfPresent(referenceStandard, forKey: .referenceStandard)
        try container.encodeIfPresent(population, forKey: .population)
        try container.encodeIfPresent(counts, forKey: .counts)
        try container.encodeIfPresent(reported, forKey: .reported)
        try container.encodeIfPresent(derivedFields, forKey: .derivedFields)
        try container.encodeIfPresent(setting, forKey: .setting)
        try container.encodeIfPresent(probability, forKey: .probability)
        try container.encodeIfPresent(events, forKey: .events)
        try container.encodeIfPresent(total, forKey: .total)
        try container.encodeIfPresent(range, forKey: .range)
        try container.encodeIfPresent(isDefault, forKey: .isDefault)
        try container.encodeIfPresent(organisation, forKey: .organisation)
        try container.encodeIfPresent(statement, forKey: .statement)
        try container.encodeIfPresent(strength, forKey: .strength)
        try container.encodeIfPresent(ratings, forKey: .ratings)
        if let numbers {
            var nested = container.nestedContainer(keyedBy: AnyKey.self, forKey: .numbers)
            for (key, value) in numbers.sorted(by: { $0.key < $1.key }) { try nested.encode(value, forKey: AnyKey(key)) }
        }
        try container.encodeIfPresent(relatedRecords, forKey: .relatedRecords)
        try container.encodeIfPresent(seedStatement, forKey: .seedStatement)
        try container.encode(sourceFile, forKey: .file)
    }

    private struct AnyKey: CodingKey {
        var stringValue: String
        var intValue: Int? { nil }
        init(_ string: String) { stringValue = string }
        init?(stringValue: String) { self.stringValue = stringValue }
        init?(intValue: Int) { nil }
    }
}

extension EvidenceRecord.Kind: Encodable {}
extension EvidenceRecord.Verification: Encodable {}

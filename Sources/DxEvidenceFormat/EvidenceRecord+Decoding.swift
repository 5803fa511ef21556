/// Strict decoding: an unknown key is an error that names it, so a typo in
/// a record (`"sensitvity"`) cannot silently drop a number.
extension EvidenceRecord: Decodable {
    enum CodingKeys: String, CodingKey, CaseIterable {
        case id, kind, title, claim, verification, citations, caveats
        case targetCondition, condition
        case target, indexTest, referenceStandard, population, counts, reported, derivedFields
        case setting, probability, events, total, range, isDefault
        case organisation, statement, strength, ratings
        case numbers, relatedRecords, seedStatement
    }

    public init(from decoder: any Decoder) throws {
        try StrictKeys.check(decoder, allowed: CodingKeys.allCases.map(\.rawValue), context: "record")
        let container = try decoder.container(keyedBy: CodingKeys.self)
        id = try container.decode(String.self, forKey: .id)
        kind = try container.decode(Kind.self, forKey: .kind)
        title = try container.decode(String.self, forKey: .title)
        claim = try container.decode(String.self, forKey: .claim)
        verification = try container.decode(Verification.self, forKey: .verification)
        citations = try container.decode([Citation].self, forKey: .citations)
        caveats = try container.decodeIfPresent([String].self, forKey: .caveats) ?? []
        targetCondition = try container.decodeIfPresent(String.self, forKey: .targetCondition)
        condition = try container.decodeIfPresent(String.self, forKey: .condition)
        target = try container.decodeIfPresent(String.self, forKey: .target)
        indexTest = try container.decodeIfPresent(String.self, forKey: .indexTest)
        referenceStandard = try container.decodeIfPresent(String.self, forKey: .referenceStandard)
        population = try container.decodeIfPresent(String.self, forKey: .population)
        counts = try container.decodeIfPresent(Counts.self, forKey: .counts)
        reported = try container.decodeIfPresent(ReportedAccuracy.self, forKey: .reported)
        derivedFields = try container.decodeIfPresent([String].self, forKey: .derivedFields)
        setting = try container.decodeIfPresent(String.self, forKey: .setting)
        probability = try container.decodeIfPresent(Double.self, forKey: .probability)
        events = try container.decodeIfPresent(Int.self, forKey: .events)
        total = try container.decodeIfPresent(Int.self, forKey: .total)
        range = try container.decodeIfPresent([Double].self, forKey: .range)
        isDefault = try container.decodeIfPresent(Bool.self, forKey: .isDefault)
        organisation = try container.decodeIfPresent(String.self, forKey: .organisation)
        statement = try container.decodeIfPresent(String.self, forKey: .statement)
        strength = try container.decodeIfPresent(String.self, forKey: .strength)
        ratings = try container.decodeIfPresent([Rating].self, forKey: .ratings)
        numbers = try container.decodeIfPresent([String: Double].self, forKey: .numbers)
        relatedRecords = try container.decodeIfPresent([String].self, forKey: .relatedRecords)
        seedStatement = try container.decodeIfPresent(String.self, forKey: .seedStatement)
    }
}

extension EvidenceRecord.Citation {
    enum CodingKeys: String, CodingKey, CaseIterable {
        case authors, year, title, journal, doi, pmid, url, organisation, note
    }

    public init(from decoder: any Decoder) throws {
        try StrictKeys.check(decoder, allowed: CodingKeys.allCases.map(\.rawValue), context: "citation")
        let container = try decoder.container(keyedBy: CodingKeys.self)
        authors = try container.decodeIfPresent(String.self, forKey: .authors)
        year = try container.decodeIfPresent(Int.self, forKey: .year)
        title = try container.decodeIfPresent(String.self, forKey: .title)
        journal = try container.decodeIfPresent(String.self, forKey: .journal)
        doi = try container.decodeIfPresent(String.self, forKey: .doi)
        pmid = try container.decodeIfPresent(String.self, forKey: .pmid)
        url = try container.decodeIfPresent(String.self, forKey: .url)
        organisation = try container.decodeIfPresent(String.self, forKey: .organisation)
        note = try container.decodeIfPresent(String.self, forKey: .note)
    }
}

extension EvidenceRecord.Counts {
    enum CodingKeys: String, CodingKey, CaseIterable { case truePositives, falsePositives, falseNegatives, trueNegatives }

    public init(from decoder: any Decoder) throws {
        try StrictKeys.check(decoder, allowed: CodingKeys.allCases.map(\.rawValue), context: "counts")
        let container = try decoder.container(keyedBy: CodingKeys.self)
        truePositives = try container.decode(Int.self, forKey: .truePositives)
        falsePositives = try container.decode(Int.self, forKey: .falsePositives)
        falseNegatives = try container.decode(Int.self, forKey: .falseNegatives)
        trueNegatives = try container.decode(Int.self, forKey: .trueNegatives)
    }
}

extension EvidenceRecord.ReportedAccuracy {
    enum CodingKeys: String, CodingKey, CaseIterable { case sensitivity, specificity, ppv, npv, accuracy, prevalence }

    public init(from decoder: any Decoder) throws {
        try StrictKeys.check(decoder, allowed: CodingKeys.allCases.map(\.rawValue), context: "reported")
        let container = try decoder.container(keyedBy: CodingKeys.self)
        sensitivity = try container.decodeIfPresent(Double.self, forKey: .sensitivity)
        specificity = try container.decodeIfPresent(Double.self, forKey: .specificity)
        ppv = try container.decodeIfPresent(Double.self, forKey: .ppv)
        npv = try container.decodeIfPresent(Double.self, forKey: .npv)
        accuracy = try container.decodeIfPresent(Double.self, forKey: .accuracy)
        prevalence = try container.decodeIfPresent(Double.self, forKey: .prevalence)
    }
}

extension EvidenceRecord.Rating {
    enum CodingKeys: String, CodingKey, CaseIterable { case procedure, category, rating }

    public init(from decoder: any Decoder) throws {
        try StrictKeys.check(decoder, allowed: CodingKeys.allCases.map(\.rawValue), context: "rating")
        let container = try decoder.container(keyedBy: CodingKeys.self)
        procedure = try container.decode(String.self, forKey: .procedure)
        category = try container.decode(String.self, forKey: .category)
        rating = try container.decodeIfPresent(Int.self, forKey: .rating)
    }
}

/// Rejects keys outside an allowed set.
enum StrictKeys {
    struct AnyKey: CodingKey {
        var stringValue: String
        var intValue: Int? { nil }
        init(stringValue: String) { self.stringValue = stringValue }
        init?(intValue: Int) { nil }
    }

    struct UnknownKey: Error, CustomStringConvertible {
        let key: String
        let context: String
        let allowed: [String]
        var description: String {
            "unknown key '\(key)' in \(context) (known keys: \(allowed.joined(separator: ", ")))"
        }
    }

    static func check(_ decoder: any Decoder, allowed: [String], context: String) throws {
        let container = try decoder.container(keyedBy: AnyKey.self)
        for key in container.allKeys where !allowed.contains(key.stringValue) {
            throw UnknownKey(key: key.stringValue, context: context, allowed: allowed)
        }
    }
}

import DxEvidence

extension Patient {
    /// Every JSON key a patient may have.
    public static let keys: [String] =
        PatientInput.allCases.map(\.rawValue) + ["daysSinceOnset", "id"]

    /// Reads a patient from one JSON object, strictly: unknown keys,
    /// duplicate keys, wrong types and contradictions are errors naming the
    /// key; `null` means unknown for yes/no inputs and is an error elsewhere.
    ///
    /// ```swift
    /// let patient = try Patient(json: Array(#"{"weeksSinceOnset": 2, "neurologicalDeficit": "no"}"#.utf8))
    /// patient.neurologicalDeficit   // .no
    /// ```
    public init<Bytes: Collection<UInt8>>(json bytes: Bytes) throws(PatientError) {
        let document: StrictJSON
        do { document = try StrictJSON.parse(bytes) } catch {
            throw PatientError(field: "patient", problem: "not valid JSON: \(error.description)")
        }
        guard case .object(let members) = document else {
            throw PatientError(field: "patient", problem: "must be a JSON object, e.g. {\"weeksSinceOnset\": 2}, got \(document.typeName)")
        }
        try self.init(members: members)
    }

    init(members: [(key: String, value: StrictJSON)]) throws(PatientError) {
        var fields: [String: StrictJSON] = [:]
        for (key, value) in members {
            guard Self.keys.contains(key) else {
                throw PatientError(
                    field: StrictJSON.visible(key), problem: "unknown key (known keys: \(Self.keys.joined(separator: ", ")))")
            }
            fields[key] = value
        }
        let weeks = try Self.number(fields["weeksSinceOnset"], "weeksSinceOnset", "a number of weeks ≥ 0")
        let days = try Self.number(fields["daysSinceOnset"], "daysSinceOnset", "a number of days ≥ 0")
        switch (weeks, days) {
        case (let weeks?, nil): self.init(weeksSinceOnset: weeks)
        case (nil, let days?):
            guard days.isFinite, days >= 0 else { throw PatientError(field: "daysSinceOnset", problem: "(\(days)) must be a number of days ≥ 0") }
            self.init(weeksSinceOnset: days / 7)
        case (.some, .some):
            throw PatientError(field: "daysSinceOnset", problem: "give weeksSinceOnset or daysSinceOnset, not both")
        case (nil, nil):
            throw PatientError(
                field: "weeksSinceOnset", problem: "is required: the weeks since the pain began (fractions allowed: 5 days = 0.71), or daysSinceOnset")
        }
        if let value = fields["fractureLevel"] { fractureLevels = try Self.levels(value) }
        for input in PatientInput.answers {
            if let value = fields[input.rawValue] { set(input, try Self.answer(value, input.rawValue)) }
        }
        if let value = fields["painTrajectory"] { painTrajectory = try Self.choice(value, "painTrajectory", PainTrajectory.self) }
        if let value = fields["painSeverity"] { painSeverity = try Self.severity(value) }
        if let value = fields["analgesiaTriedPainPersists"] {
            analgesiaTriedPainPersists = try Self.boolean(value, "analgesiaTriedPainPersists")
        }
        if let value = fields["acutePainSubsided"] { acutePainSubsided = try Self.boolean(value, "acutePainSubsided") }
        if let value = fields["mri"] { mri = try Self.mriState(value) }
        if let value = fields["closedFistPercussion"] { closedFistPercussion = try Self.choice(value, "closedFistPercussion", SignResult.self) }
        if let value = fields["supineSign"] { supineSign = try Self.choice(value, "supineSign", SignResult.self) }
        if let value = fields["pretest"] {
            switch value {
            case .string(let text): pretest = text
            case .number(_, let text): pretest = text
            default: throw PatientError(field: "pretest", problem: "must be a probability, a percentage, odds or a preset id, got \(value.typeName)")
            }
        }
        if let value = fields["age"] { age = try Self.number(value, "age", "a number of years") }
        if let value = fields["id"] {
            switch value {
            case .string(let text): id = text
            case .number(let number, let text) where number == number.rounded(): id = text
            default: throw PatientError(field: "id", problem: "must be a string or a whole number, got \(value.typeName)")
            }
        }
        given = Set(fields.keys.compactMap { PatientInput(rawValue: $0 == "daysSinceOnset" ? "weeksSinceOnset" : $0) })
        try validate()
    }

    /// Checks ranges and contradictions; each error names the field.
    public func validate() throws(PatientError) {
        let levels = (1...12).map { "T\($0)" } + (1...5).map { "L\($0)" }
        guard !fractureLevels.isEmpty else { throw PatientError(field: "fractureLevel", problem: "names no level") }
        for level in fractureLevels where !levels.contains(level) {
            throw PatientError(field: "fractureLevel", problem: "(\(StrictJSON.visible(level))) must be one of T1…T12, L1…L5")
        }
        guard Set(fractureLevels).count == fractureLevels.count else {
            throw PatientError(field: "fractureLevel", problem: "names a level twice")
        }
        guard weeksSinceOnset.isFinite, weeksSinceOnset >= 0, weeksSinceOnset <= 5200 else {
            throw PatientError(field: "weeksSinceOnset", problem: "(\(weeksSinceOnset)) must be a number of weeks between 0 and 5200")
        }
        if case .score(let score) = painSeverity, !(score >= 0 && score <= 10) {
            throw PatientError(field: "painSeverity", problem: "(\(score)) must be between 0 and 10")
        }
        if let age, !(age >= 0 && age <= 130) {
            throw PatientError(field: "age", problem: "(\(age)) must be between 0 and 130 years")
        }
        if acutePainSubsided {
            if case .score(let score) = painSeverity, score >= 9 {
                throw PatientError(
                    field: "acutePainSubsided", problem: "contradicts painSeverity \(score): acute pain cannot have subsided with pain of 9–10")
            }
            if painTrajectory == .worsening {
                throw PatientError(field: "acutePainSubsided", problem: "contradicts painTrajectory worsening")
            }
            if analgesiaTriedPainPersists {
                throw PatientError(field: "acutePainSubsided", problem: "contradicts analgesiaTriedPainPersists (pain persists)")
            }
        }
    }

    // MARK: Field readers

    static func number(_ value: StrictJSON?, _ field: String, _ expected: String) throws(PatientError) -> Double? {
        guard let value else { return nil }
        guard case .number(let number, _) = value else { throw PatientError(field: field, problem: "must be \(expected), got \(value.typeName)") }
        return number
    }

    static func boolean(_ value: StrictJSON, _ field: String) throws(PatientError) -> Bool {
        guard case .bool(let flag) = value else { throw PatientError(field: field, problem: "must be true or false, got \(value.typeName)") }
        return flag
    }

    static func answer(_ value: StrictJSON, _ field: String) throws(PatientError) -> Answer {
        switch value {
        case .bool(let flag): return Answer(flag)
        case .null: return .unknown
        case .string(let text):
            switch text.lowercased() {
            case "yes", "true": return .yes
            case "no", "false": return .no
            case "unknown": return .unknown
            default: break
            }
        default: break
        }
        throw PatientError(field: field, problem: "must be true, false, \"yes\", \"no\" or \"unknown\" (or null for unknown), got \(shown(value))")
    }

    static func choice<T: RawRepresentable & CaseIterable>(_ value: StrictJSON, _ field: String, _ type: T.Type) throws(PatientError) -> T
    where T.RawValue == String {
        let expected = "one of " + T.allCases.map { "\"\($0.rawValue)\"" }.joined(separator: ", ")
        guard case .string(let text) = value, let choice = T(rawValue: text) else {
            throw PatientError(field: field, problem: "must be \(expected), got \(shown(value))")
        }
        return choice
    }

    static func mriState(_ value: StrictJSON) throws(PatientError) -> MRIState {
        // Version-1 names, readable for one version (CHANGELOG.md).
        if case .string(let text) = value, let old = ["acute": MRIState.oedema, "chronic": .noOedema][text] { return old }
        return try choice(value, "mri", MRIState.self)
    }

    static func severity(_ value: StrictJSON) throws(PatientError) -> PainSeverity {
        switch value {
        case .number(let score, _): return .score(score)
        case .string(let text):
            switch text.lowercased() {
            case "mild": return .mild
            case "moderate": return .moderate
            case "severe": return .severe
            case "unknown": return .unknown
            default: break
            }
        case .null: return .unknown
        default: break
        }
        throw PatientError(field: "painSeverity", problem: "must be 0–10, \"mild\", \"moderate\", \"severe\" or \"unknown\", got \(shown(value))")
    }

    static func levels(_ value: StrictJSON) throws(PatientError) -> [String] {
        let texts: [String]
        switch value {
        case .string(let text): texts = text.split(separator: ",").map { String($0) }
        case .array(let items):
            texts = try items.map { item throws(PatientError) -> String in
                guard case .string(let text) = item else {
                    throw PatientError(field: "fractureLevel", problem: "must be a level such as \"L2\", got \(item.typeName)")
                }
                return text
            }
        default: throw PatientError(field: "fractureLevel", problem: "must be a level such as \"L2\" or a list, got \(value.typeName)")
        }
        return texts.map { $0.trimmingCharacters(in: " ").uppercased() }
    }

    static func shown(_ value: StrictJSON) -> String {
        switch value {
        case .string(let text): "\"\(StrictJSON.visible(text))\""
        case .number(_, let text): text
        default: value.typeName
        }
    }
}

extension String {
    fileprivate func trimmingCharacters(in characters: Character) -> String {
        let isTrimmed = { (character: Character) in character == characters || character.isWhitespace }
        let start = firstIndex { !isTrimmed($0) } ?? endIndex
        let end = lastIndex { !isTrimmed($0) }.map { index(after: $0) } ?? start
        return String(self[start..<end])
    }
}
